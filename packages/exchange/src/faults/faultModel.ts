import { BasisError } from '@basis/core';

/**
 * Rule kinds the REST transport applies (`createRestHandler`'s `faults` option). Each one mimics a
 * documented Binance behaviour (reference §3.3):
 * - `http5xx`: 500/502/504, Binance's -1001 body or a gateway's HTML page; not executed.
 * - `unknownBeforeExecution`: 503 with -1007 (or "Unknown error, ...") and NOT executed.
 * - `unknownAfterExecution`: executed (and journaled), then the same 503: the client cannot know.
 * - `unknownOutcome`: one of the two above, chosen by the fault seed (`executedProbability`).
 * - `serviceUnavailable`: 503 "Service Unavailable."; not executed.
 * - `throttled`: 503 -1008 on order placement; reduce-only/close-position orders are exempt.
 * - `rateLimit`: 429 -1003 with `Retry-After`; `ban`: 418 -1003 "IP banned until"; neither touches the real limiter.
 * - `slow`: executed at arrival, the answer held `delayMs`.
 * - `timeout`: never answered: the connection is held `holdMs` (at most 2 min), then closed; `executed` or not.
 * - `clockSkew`: the clock seen by the timestamp check (and reported by `/fapi/v1/time`) is off by `skewMs`.
 */
export const REST_FAULT_KINDS = [
  'http5xx',
  'unknownAfterExecution',
  'unknownBeforeExecution',
  'unknownOutcome',
  'serviceUnavailable',
  'throttled',
  'rateLimit',
  'ban',
  'slow',
  'timeout',
  'clockSkew',
] as const;
export type RestFaultKind = (typeof REST_FAULT_KINDS)[number];

/**
 * Rule kinds the WebSocket layer applies (`ws/`), through {@link StreamFaultPlan}: this folder only
 * keeps and matches them.
 * - `silence`: the connection stays open and nothing is sent (no data, no pings, no pongs).
 * - `delay`: every message is held `delayMs`; order is kept.
 * - `reorder`: messages may be held up to `windowMs` and delivered out of order, but only across
 *   different streams of one connection: one stream's messages (a diff-depth `pu` chain, an
 *   account's user-data events) keep their order, as Binance guarantees.
 */
export const STREAM_FAULT_KINDS = ['silence', 'delay', 'reorder'] as const;
export type StreamFaultKind = (typeof STREAM_FAULT_KINDS)[number];

/** Every rule kind. */
export const FAULT_KINDS = [...REST_FAULT_KINDS, ...STREAM_FAULT_KINDS] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * Immediate actions: done once, now, rather than kept as rules. `listenKeyExpiry` expires an
 * account's listen key (the stream layer then pushes `listenKeyExpired`); `dropConnections` and
 * `force24hDisconnect` close the matching WebSocket connections (the second as Binance's 24 h cut).
 */
export const FAULT_ACTIONS = ['listenKeyExpiry', 'dropConnections', 'force24hDisconnect'] as const;
export type FaultAction = (typeof FAULT_ACTIONS)[number];

/** How the body of a 503 with unknown outcome reads. */
export const UNKNOWN_MESSAGES = ['timeout', 'unknown'] as const;
/**
 * `timeout`: -1007 "Timeout waiting for response from backend server. Send status unknown; execution
 * status unknown."; `unknown`: "Unknown error, please check your request or try again later."
 */
export type UnknownMessage = (typeof UNKNOWN_MESSAGES)[number];

/** The largest hold of an answer (`slow`, `timeout`), ms: a held socket is always released. */
export const MAX_HOLD_MS = 120_000;

/** The parameters of each kind; all optional except `clockSkew.skewMs`. */
export interface FaultParamsByKind {
  /** `status` default: drawn from 500/502/504 by the fault seed; `body` default: json for 500, html otherwise. */
  http5xx: { readonly status?: 500 | 502 | 504; readonly body?: 'json' | 'html' };
  unknownAfterExecution: { readonly message?: UnknownMessage };
  unknownBeforeExecution: { readonly message?: UnknownMessage };
  /** `executedProbability` default 0.5. */
  unknownOutcome: { readonly message?: UnknownMessage; readonly executedProbability?: number };
  serviceUnavailable: { readonly body?: 'json' | 'html' };
  throttled: Readonly<Record<string, never>>;
  /** `retryAfterMs` default: to the next minute, as the real limiter; `limit` (in the message) default 2400. */
  rateLimit: { readonly retryAfterMs?: number; readonly limit?: number };
  /** `banMs` default 120000 (Binance's first ban); the ban starts at the first answer and the rule ends with it. */
  ban: { readonly banMs?: number };
  /** `delayMs` default 10000 (past common client timeouts), at most {@link MAX_HOLD_MS}. */
  slow: { readonly delayMs?: number };
  /** `executed` default true; `holdMs` default and maximum {@link MAX_HOLD_MS}. */
  timeout: { readonly executed?: boolean; readonly holdMs?: number };
  /** Positive: the exchange's clock runs ahead of the client's; negative: behind. */
  clockSkew: { readonly skewMs: number };
  silence: Readonly<Record<string, never>>;
  /** `delayMs` default 1000. */
  delay: { readonly delayMs?: number };
  /** `windowMs` default 500. */
  reorder: { readonly windowMs?: number };
}

/**
 * Which requests or connections a rule applies to: every field given must match; an empty scope is
 * everything. `connectionId` and `stream` name WebSocket connections only (a rule with them never
 * applies to REST).
 */
export interface FaultScope {
  /** The account of the request's API key (or of a connection's key or listen key). */
  readonly accountId?: number;
  readonly apiKey?: string;
  /** The client IP, as the server sees it (e.g. `127.0.0.1`). */
  readonly ip?: string;
  /**
   * `'POST /fapi/v1/order'` or an endpoint name (`newOrder`); for a WebSocket connection, its
   * path or its kind (`stream`, `wsApi`).
   */
  readonly route?: string;
  readonly connectionId?: number;
  /** A connection listening to this stream (or listen key). */
  readonly stream?: string;
}

/** A rule to add: what the library API, the admin API and the CLI accept. */
export interface FaultRuleSpec {
  readonly kind: FaultKind;
  readonly scope?: FaultScope;
  /** Chance that a matching request is hit, in (0, 1]; default 1. Drawn from the fault seed. */
  readonly probability?: number;
  /** The rule ends after hitting this many requests (or messages). */
  readonly count?: number;
  /** The rule ends this long after it is added, exchange-clock ms. */
  readonly durationMs?: number;
  /** The rule ends at this exchange time, ms (with `durationMs`, the earlier wins). */
  readonly until?: number;
  readonly params?: Readonly<Record<string, unknown>>;
}

interface RuleBase {
  /** `f1`, `f2`, ... in the order rules were added. */
  readonly id: string;
  readonly scope: FaultScope;
  readonly probability?: number;
  readonly count?: number;
  readonly until?: number;
  /** Exchange time it was added, ms. */
  readonly createdAt: number;
}

/** An active rule, its parameters typed by its kind. */
export type FaultRule = {
  [K in FaultKind]: RuleBase & { readonly kind: K; readonly params: FaultParamsByKind[K] };
}[FaultKind];

/** A rule and what it did so far. */
export type FaultRuleStatus = FaultRule & {
  /** How many requests (or messages) it hit. */
  readonly fired: number;
  /** `spent`: its count is used up; `expired`: its time is over. Finished rules are kept for reading (the last 100). */
  readonly state: 'active' | 'spent' | 'expired';
  /** `ban` only: when the ban it answers with ends (set at its first answer). */
  readonly bannedUntil?: number;
};

/** Why a fault request was refused: the admin API answers 400, 404 and 409 for them. */
export const FAULT_ERROR_REASONS = ['invalid', 'not-found', 'unavailable'] as const;
export type FaultErrorReason = (typeof FAULT_ERROR_REASONS)[number];

/** A fault rule or action that cannot be carried out. */
export class FaultError extends BasisError {
  override readonly name = 'FaultError' as const;
  readonly reason: FaultErrorReason;

  constructor(reason: FaultErrorReason, message: string) {
    super(message, { docsPath: 'exchange/faults' });
    this.reason = reason;
  }
}

type ParamValue = string | number | boolean;
type ParamCheck = (value: unknown, name: string) => ParamValue;

const nonNegativeInt =
  (max = Number.MAX_SAFE_INTEGER) =>
  (value: unknown, name: string): number => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max)
      throw invalid(`${name} must be an integer in [0, ${max}]`);
    return value;
  };
const positiveInt = (value: unknown, name: string): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw invalid(`${name} must be a positive integer`);
  return value;
};
const probabilityCheck = (value: unknown, name: string): number => {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw invalid(`${name} must be in [0, 1]`);
  return value;
};
const oneOf =
  (allowed: readonly ParamValue[]): ParamCheck =>
  (value, name) => {
    const found = allowed.find((a) => a === value);
    if (found === undefined) throw invalid(`${name} must be one of ${allowed.join(', ')}`);
    return found;
  };
const skewCheck: ParamCheck = (value, name) => {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value === 0 ||
    Math.abs(value) > 86_400_000
  )
    throw invalid(`${name} must be a non-zero integer of ms within a day`);
  return value;
};

const hold = nonNegativeInt(MAX_HOLD_MS);

/** Each kind's parameters and how to check them. */
const PARAMS: { readonly [K in FaultKind]: Readonly<Record<string, ParamCheck>> } = {
  http5xx: { status: oneOf([500, 502, 504]), body: oneOf(['json', 'html']) },
  unknownAfterExecution: { message: oneOf(UNKNOWN_MESSAGES) },
  unknownBeforeExecution: { message: oneOf(UNKNOWN_MESSAGES) },
  unknownOutcome: { message: oneOf(UNKNOWN_MESSAGES), executedProbability: probabilityCheck },
  serviceUnavailable: { body: oneOf(['json', 'html']) },
  throttled: {},
  rateLimit: { retryAfterMs: positiveInt, limit: positiveInt },
  ban: { banMs: positiveInt },
  slow: { delayMs: hold },
  timeout: { executed: oneOf([true, false]), holdMs: hold },
  clockSkew: { skewMs: skewCheck },
  silence: {},
  delay: { delayMs: hold },
  reorder: { windowMs: hold },
};
const REQUIRED: Partial<Record<FaultKind, readonly string[]>> = { clockSkew: ['skewMs'] };

const SCOPE_CHECKS: Readonly<Record<keyof FaultScope, ParamCheck>> = {
  accountId: nonNegativeInt(),
  apiKey: nonEmptyString,
  ip: nonEmptyString,
  route: nonEmptyString,
  connectionId: nonNegativeInt(),
  stream: nonEmptyString,
};

const SPEC_KEYS = new Set(['kind', 'scope', 'probability', 'count', 'durationMs', 'until', 'params']);

/** Whether `kind` is a rule kind the REST transport applies. */
export function isRestFaultKind(kind: FaultKind): kind is RestFaultKind {
  return (REST_FAULT_KINDS as readonly string[]).includes(kind);
}

/**
 * Checks a rule spec from anywhere (admin JSON, CLI, library) and returns the rule without its id
 * and creation time. Unknown fields, scope keys and parameters are refused, so a typo never widens
 * a rule's reach.
 *
 * @throws FaultError `invalid`
 */
export function checkRuleSpec(
  input: unknown,
  now: number,
): Omit<FaultRule, 'id' | 'createdAt'> & { readonly kind: FaultKind } {
  const spec = record(input, 'a fault rule');
  for (const key of Object.keys(spec)) if (!SPEC_KEYS.has(key)) throw invalid(`unknown field ${key}`);
  const kind = spec.kind;
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    const actions = (FAULT_ACTIONS as readonly string[]).includes(String(kind))
      ? ` (${String(kind)} is an action, not a rule)`
      : '';
    throw invalid(`kind must be one of ${FAULT_KINDS.join(', ')}${actions}`);
  }
  const faultKind = kind as FaultKind;
  const scope = checkScope(spec.scope);
  const probability =
    spec.probability === undefined ? undefined : probabilityCheck(spec.probability, 'probability');
  if (probability === 0) throw invalid('probability must be above 0');
  const count = spec.count === undefined ? undefined : positiveInt(spec.count, 'count');
  const durationMs = spec.durationMs === undefined ? undefined : positiveInt(spec.durationMs, 'durationMs');
  const untilAt = spec.until === undefined ? undefined : nonNegativeInt()(spec.until, 'until');
  const ends = [durationMs === undefined ? undefined : now + durationMs, untilAt].filter(
    (t): t is number => typeof t === 'number',
  );
  const until = ends.length === 0 ? undefined : Math.min(...ends);
  const params = checkParams(faultKind, spec.params);
  return {
    kind: faultKind,
    scope,
    params,
    ...(probability === undefined || probability === 1 ? {} : { probability }),
    ...(count === undefined ? {} : { count }),
    ...(until === undefined ? {} : { until }),
  } as Omit<FaultRule, 'id' | 'createdAt'>;
}

/**
 * Checks a scope (or a connection filter).
 *
 * @throws FaultError `invalid`
 */
export function checkScope(input: unknown): FaultScope {
  if (input === undefined || input === null) return {};
  const scope = record(input, 'scope');
  const out: Record<string, ParamValue> = {};
  for (const [key, value] of Object.entries(scope)) {
    const check = SCOPE_CHECKS[key as keyof FaultScope];
    if (check === undefined) throw invalid(`unknown scope field ${key}`);
    if (value !== undefined) out[key] = check(value, `scope.${key}`);
  }
  return out as FaultScope;
}

function checkParams(kind: FaultKind, input: unknown): FaultRule['params'] {
  const params = input === undefined || input === null ? {} : record(input, 'params');
  const checks = PARAMS[kind];
  const out: Record<string, ParamValue> = {};
  for (const [key, value] of Object.entries(params)) {
    const check = checks[key];
    if (check === undefined) throw invalid(`${kind} takes no parameter ${key}`);
    if (value !== undefined) out[key] = check(value, `params.${key}`);
  }
  for (const key of REQUIRED[kind] ?? []) {
    if (out[key] === undefined) throw invalid(`${kind} needs params.${key}`);
  }
  return out as FaultRule['params'];
}

function nonEmptyString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw invalid(`${name} must be a non-empty string`);
  return value;
}

function record(value: unknown, name: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`${name} must be an object`);
  return value as Record<string, unknown>;
}

function invalid(message: string): FaultError {
  return new FaultError('invalid', message);
}
