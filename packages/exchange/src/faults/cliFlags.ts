import type { RngSeed } from '@basis/core';
import {
  checkRuleSpec,
  FaultError,
  type FaultKind,
  type FaultRuleSpec,
  type FaultScope,
} from './faultModel.js';

/**
 * The `basis exchange` flags of fault injection, in the CLI's flag-spec shape (`FlagSpecs` of
 * `packages/cli/src/command.ts`): spread them into the command's `flags` and hand the parsed values
 * to {@link parseFaultFlags}.
 *
 * `--fault KIND[:PROBABILITY][:FIELD=VALUE,...]`, repeatable, one rule each. Segments are split on
 * `:` (an IPv6 address goes in brackets: `ip=[::1]`); a number in [0, 1] is the probability; the
 * fields are, for the scope, `account`, `apiKey`, `ip`, `route`, `connection`, `stream`; for the
 * rule, `count` and `duration` (ms, or with a unit: `500ms`, `30s`, `2m`, `1h`); anything else is a
 * parameter of the kind (`status=502`, `delayMs=3000`, `executed=false`, `skewMs=-2000`, ...).
 *
 * @example
 * basis exchange --fault http5xx:0.1 --fault 'throttled:route=POST /fapi/v1/order' \
 *   --fault unknownOutcome:account=2,count=3 --fault clockSkew:skewMs=4000 --fault-seed 7
 */
export const FAULT_FLAGS = {
  fault: {
    type: 'string',
    multiple: true,
    valueName: 'KIND[:P][:K=V,...]',
    description:
      'inject a fault: http5xx, unknownAfterExecution, unknownBeforeExecution, unknownOutcome, serviceUnavailable, ' +
      'throttled, rateLimit, ban, slow, timeout, clockSkew (REST and WebSocket API), silence, delay, reorder ' +
      '(streams); probability P; scope and parameters as K=V (account, apiKey, ip, route, connection, stream, ' +
      'count, duration, and those of the kind); repeatable',
  },
  'fault-seed': {
    type: 'string',
    default: '1',
    valueName: 'N',
    description: 'seed of the random choices of fault injection (separate from --seed)',
  },
} as const;

/** What {@link parseFaultFlags} returns: the injector's seed and rules. */
export interface FaultFlags {
  readonly seed: RngSeed;
  readonly rules: readonly FaultRuleSpec[];
}

const SCOPE_FIELDS: Readonly<Record<string, keyof FaultScope>> = {
  account: 'accountId',
  accountId: 'accountId',
  apiKey: 'apiKey',
  key: 'apiKey',
  ip: 'ip',
  route: 'route',
  connection: 'connectionId',
  connectionId: 'connectionId',
  stream: 'stream',
};
const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses the values of {@link FAULT_FLAGS}; every rule is checked now, so a bad flag stops the
 * command before the exchange starts.
 *
 * @throws FaultError `invalid`, its message naming the flag.
 */
export function parseFaultFlags(flags: {
  readonly fault?: readonly string[] | undefined;
  readonly 'fault-seed'?: string | undefined;
}): FaultFlags {
  const seedText = flags['fault-seed'] ?? '1';
  const seed: RngSeed = /^-?\d{1,15}$/.test(seedText) ? Number(seedText) : seedText;
  return { seed, rules: (flags.fault ?? []).map(parseFaultFlag) };
}

/**
 * Parses one `--fault` value into a rule spec.
 *
 * @throws FaultError `invalid`
 */
export function parseFaultFlag(text: string): FaultRuleSpec {
  try {
    const [kind, ...segments] = splitOutsideBrackets(text.trim(), ':');
    if (kind === undefined || kind === '') throw new FaultError('invalid', 'the kind is missing');
    let probability: number | undefined;
    const scope: Record<string, string | number> = {};
    const params: Record<string, string | number | boolean> = {};
    let count: number | undefined;
    let durationMs: number | undefined;
    for (const segment of segments) {
      if (segment === '' || segment === 'all') continue;
      if (/^(0|1|0?\.\d+|1\.0*)$/.test(segment)) {
        probability = Number(segment);
        continue;
      }
      for (const pair of splitOutsideBrackets(segment, ',')) {
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new FaultError('invalid', `expected FIELD=VALUE, got ${pair}`);
        const field = pair.slice(0, eq).trim();
        const raw = unbracket(pair.slice(eq + 1).trim());
        const scopeField = SCOPE_FIELDS[field];
        if (scopeField !== undefined) {
          scope[scopeField] =
            scopeField === 'accountId' || scopeField === 'connectionId' ? integer(raw, field) : raw;
        } else if (field === 'count') {
          count = integer(raw, field);
        } else if (field === 'duration' || field === 'durationMs') {
          durationMs = duration(raw);
        } else if (field === 'p' || field === 'probability') {
          probability = Number(raw);
        } else {
          params[field] = value(raw);
        }
      }
    }
    const spec: FaultRuleSpec = {
      kind: kind as FaultKind,
      ...(Object.keys(scope).length === 0 ? {} : { scope: scope as FaultScope }),
      ...(probability === undefined ? {} : { probability }),
      ...(count === undefined ? {} : { count }),
      ...(durationMs === undefined ? {} : { durationMs }),
      ...(Object.keys(params).length === 0 ? {} : { params }),
    };
    checkRuleSpec(spec, 0);
    return spec;
  } catch (error) {
    if (error instanceof FaultError)
      throw new FaultError('invalid', `--fault ${text}: ${error.shortMessage}`);
    throw error;
  }
}

function splitOutsideBrackets(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unbracket(text: string): string {
  return text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
}

function integer(text: string, field: string): number {
  if (!/^-?\d{1,15}$/.test(text)) throw new FaultError('invalid', `${field} must be an integer, got ${text}`);
  return Number(text);
}

function duration(text: string): number {
  const match = /^(\d{1,12})(ms|s|m|h)?$/.exec(text);
  if (match === null) throw new FaultError('invalid', `duration must be N, Nms, Ns, Nm or Nh, got ${text}`);
  return Number(match[1]) * UNITS[match[2] ?? 'ms']!;
}

function value(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text) && Number.isFinite(Number(text))) return Number(text);
  return text;
}
