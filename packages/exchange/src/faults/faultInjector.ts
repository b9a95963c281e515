import { createRng, type Rng, type RngSeed } from '@basis/core';
import type { RouteTable } from '../api/endpoint.js';
import type { RestResponse } from '../rest/handler.js';
import type { ExpiredListenKey } from '../venue/listenKeys.js';
import type { Product, Venue } from '../venue/venue.js';
import {
  checkRuleSpec,
  checkScope,
  FaultError,
  type FaultKind,
  type FaultRule,
  type FaultRuleSpec,
  type FaultRuleStatus,
  type FaultScope,
  isRestFaultKind,
  MAX_HOLD_MS,
  type RestFaultKind,
} from './faultModel.js';
import { forceListenKeyExpiry } from './listenKeyExpiry.js';
import {
  bannedError,
  binanceAnswer,
  gatewayPage,
  internalError,
  retryAfterSeconds,
  serviceUnavailableError,
  throttledError,
  tooManyRequestsError,
  unknownOutcomeError,
} from './restAnswers.js';
import {
  exemptFromThrottle,
  type RestFaultPlan,
  type RestFaultRequest,
  type RestFaults,
  THROTTLED_ROUTES,
} from './restFaults.js';
import type {
  FaultConnection,
  FaultConnectionSource,
  FaultConnectionView,
  StreamFaultPlan,
  StreamFrame,
  WebSocketFaults,
  WsApiFaultRequest,
} from './streamFaults.js';

/** How a {@link FaultInjector} is set up. */
export interface FaultInjectorOptions {
  /** The exchange clock, ms: rule durations and `until` are on it. */
  readonly now: () => number;
  /** Seed of the injector's own generator (default 1); never the venue's, so faults leave its history alone. */
  readonly seed?: RngSeed;
  /** Resolves API keys and listen keys to accounts (account scopes) and runs listen-key expiry. */
  readonly venue?: Venue;
  /** The COIN-M venue beside it: its listen keys count for account scopes, and it can expire them. */
  readonly coinm?: Venue;
  /** When given, a route scope must name one of these routes or endpoints (a typo would never fire). */
  readonly routes?: RouteTable;
  /** Rules active from the start (e.g. from `basis exchange --fault`). */
  readonly rules?: readonly FaultRuleSpec[];
  /**
   * Runs a forced listen-key expiry. Default: `forceListenKeyExpiry` on the venue, which is not
   * journaled; give one that journals it (an admin command) so a restart reproduces it.
   */
  readonly expireListenKey?: (accountId: number, product: Product) => void;
}

/** What a rule does to a request, once it fires: each effect is taken by the first rule that fires for it. */
type Effect = 'answer' | 'delay' | 'clock';
const EFFECT: Readonly<Record<RestFaultKind, Effect>> = {
  http5xx: 'answer',
  unknownAfterExecution: 'answer',
  unknownBeforeExecution: 'answer',
  unknownOutcome: 'answer',
  serviceUnavailable: 'answer',
  throttled: 'answer',
  rateLimit: 'answer',
  ban: 'answer',
  timeout: 'answer',
  slow: 'delay',
  clockSkew: 'clock',
};

/** Endpoints that report the exchange's time: a skewed clock shows there, so clients can resync. */
const SERVER_TIME_ENDPOINTS: ReadonlySet<string> = new Set(['time', 'exchangeInfo']);
const HTTP_5XX = [500, 502, 504] as const;
const WEIGHT_HEADER = 'x-mbx-used-weight-1m';
const DEFAULT_SLOW_MS = 10_000;
const DEFAULT_BAN_MS = 120_000;
const DEFAULT_STREAM_DELAY_MS = 1000;
const DEFAULT_REORDER_WINDOW_MS = 500;
const FINISHED_KEPT = 100;

interface Entry {
  rule: FaultRule;
  readonly rng: Rng;
  fired: number;
  state: FaultRuleStatus['state'];
  bannedUntil?: number;
}

/**
 * The faults real Binance inflicts, on demand: a set of rules, each with a kind, a scope, and an
 * optional probability, count and end time, consulted by the REST handler once per request
 * ({@link forRequest}) and by the WebSocket layer per message ({@link streamFault}); plus immediate
 * actions (expire a listen key, drop connections, force the 24 h disconnect).
 *
 * Deterministic: probabilistic choices come from the injector's own seeded generator, one labelled
 * stream per rule, so the same seed, rules and requests give the same faults, and a rule added
 * later never shifts another's draws. Rules are not journaled (they are transport, not state); a
 * request a fault lets run is journaled as any other.
 *
 * Rules are consulted in the order they were added; for each request a rule fires when it is active,
 * its scope matches, its kind applies (`throttled` only to non-exempt order placement, `clockSkew`
 * only to signed requests and time reports) and its probability draw succeeds. Each effect (the
 * answer, a delay, the clock) is taken by the first rule that fires for it; later rules for a taken
 * effect are passed over without a draw.
 */
export class FaultInjector implements RestFaults, WebSocketFaults {
  readonly #now: () => number;
  readonly #rng: Rng;
  readonly #venue: Venue | undefined;
  readonly #coinm: Venue | undefined;
  readonly #routes: ReadonlySet<string> | undefined;
  readonly #expireListenKey: ((accountId: number, product: Product) => void) | undefined;
  readonly #active: Entry[] = [];
  #finished: Entry[] = [];
  #nextId = 1;
  #restRules = 0;
  #streamRules = 0;
  #connections: FaultConnectionSource | undefined;

  constructor(options: FaultInjectorOptions) {
    this.#now = options.now;
    this.#rng = createRng(options.seed ?? 1);
    this.#venue = options.venue;
    this.#coinm = options.coinm;
    this.#expireListenKey = options.expireListenKey;
    if (options.routes !== undefined) {
      const names = new Set<string>();
      for (const [route, endpoint] of Object.entries(options.routes)) {
        names.add(route);
        names.add(endpoint.name);
      }
      this.#routes = names;
    }
    for (const spec of options.rules ?? []) this.add(spec);
  }

  /**
   * Adds a rule; it applies from the next request on.
   *
   * @throws FaultError `invalid` for a malformed spec.
   */
  add(spec: FaultRuleSpec): FaultRuleStatus {
    const now = this.#now();
    const checked = checkRuleSpec(spec, now);
    this.#checkRoute(checked.scope);
    const id = `f${this.#nextId++}`;
    const rule = { ...checked, id, createdAt: now } as FaultRule;
    const entry: Entry = { rule, rng: this.#rng.fork(`rule:${id}`), fired: 0, state: 'active' };
    this.#active.push(entry);
    this.#count(rule.kind, 1);
    return status(entry);
  }

  /** Removes a rule (active or finished); false when there is none with that id. */
  remove(id: string): boolean {
    const index = this.#active.findIndex((e) => e.rule.id === id);
    if (index !== -1) {
      const [entry] = this.#active.splice(index, 1);
      this.#count(entry!.rule.kind, -1);
      return true;
    }
    const before = this.#finished.length;
    this.#finished = this.#finished.filter((e) => e.rule.id !== id);
    return this.#finished.length !== before;
  }

  /** Removes every rule; returns how many were active. */
  clear(): number {
    const active = this.#active.length;
    this.#active.length = 0;
    this.#finished = [];
    this.#restRules = 0;
    this.#streamRules = 0;
    return active;
  }

  /** The active rules in the order added, then the finished ones still kept; each with its `fired` count. */
  list(): FaultRuleStatus[] {
    this.#expire(this.#now());
    return [...this.#active, ...this.#finished].map(status);
  }

  /** One rule's status, if it is active or still kept. */
  get(id: string): FaultRuleStatus | undefined {
    return this.list().find((r) => r.id === id);
  }

  /** Whether any stream rule is active: the WebSocket layer may skip {@link streamFault} otherwise. */
  get hasStreamRules(): boolean {
    return this.#streamRules > 0;
  }

  /** See {@link RestFaults.forRequest}. */
  forRequest(request: RestFaultRequest): RestFaultPlan | undefined {
    if (this.#restRules === 0) return undefined;
    const now = this.#now();
    const route = `${request.method} ${request.path}`;
    let accountId: number | undefined | null = null;
    const account = (): number | undefined => {
      if (accountId === null) accountId = this.#accountOfKey(request.apiKey);
      return accountId;
    };
    const weightHeaders = (): Record<string, string> => ({ [WEIGHT_HEADER]: String(request.usedWeight()) });

    let respond: RestResponse | undefined;
    let finishAnswer: ((response: RestResponse) => RestResponse) | undefined;
    let answered = false;
    let delayMs: number | undefined;
    let skewMs: number | undefined;
    for (const entry of [...this.#active]) {
      const { rule } = entry;
      if (!isRestFaultKind(rule.kind)) continue;
      if (rule.until !== undefined && now >= rule.until) {
        this.#retire(entry, 'expired');
        continue;
      }
      const effect = EFFECT[rule.kind];
      if ((effect === 'answer' && answered) || (effect === 'delay' && delayMs !== undefined)) continue;
      if (effect === 'clock' && skewMs !== undefined) continue;
      if (!matchesRequest(rule.scope, request, route, account)) continue;
      if (rule.kind === 'throttled') {
        const throttledRoute = THROTTLED_ROUTES.has(route) || rule.scope.route !== undefined;
        if (!throttledRoute || exemptFromThrottle(route, request.params)) continue;
      }
      if (rule.kind === 'clockSkew' && !isClockSensitive(request)) continue;
      if (rule.probability !== undefined && entry.rng.next() >= rule.probability) continue;
      this.#fire(entry, now);

      switch (rule.kind) {
        case 'slow':
          delayMs = rule.params.delayMs ?? DEFAULT_SLOW_MS;
          break;
        case 'clockSkew':
          skewMs = rule.params.skewMs;
          break;
        case 'http5xx': {
          const code = rule.params.status ?? HTTP_5XX[entry.rng.nextInt(HTTP_5XX.length)]!;
          const json = (rule.params.body ?? (code === 500 ? 'json' : 'html')) === 'json';
          respond = json ? binanceAnswer(internalError(code), weightHeaders()) : gatewayPage(code);
          break;
        }
        case 'unknownBeforeExecution':
          respond = binanceAnswer(unknownOutcomeError(rule.params.message ?? 'timeout'), weightHeaders());
          break;
        case 'unknownAfterExecution':
          finishAnswer = replaceAnswer(rule.params.message ?? 'timeout');
          break;
        case 'unknownOutcome': {
          const message = rule.params.message ?? 'timeout';
          if (entry.rng.next() < (rule.params.executedProbability ?? 0.5))
            finishAnswer = replaceAnswer(message);
          else respond = binanceAnswer(unknownOutcomeError(message), weightHeaders());
          break;
        }
        case 'serviceUnavailable':
          respond =
            rule.params.body === 'html'
              ? gatewayPage(503)
              : binanceAnswer(serviceUnavailableError(), weightHeaders());
          break;
        case 'throttled':
          respond = binanceAnswer(throttledError(), weightHeaders());
          break;
        case 'rateLimit': {
          const retryAfterMs = rule.params.retryAfterMs ?? 60_000 - (now % 60_000);
          const headers = { ...weightHeaders(), 'retry-after': retryAfterSeconds(retryAfterMs) };
          respond = binanceAnswer(tooManyRequestsError(rule.params.limit ?? 2400), headers);
          break;
        }
        case 'ban': {
          const until = entry.bannedUntil!;
          const headers = { ...weightHeaders(), 'retry-after': retryAfterSeconds(until - now) };
          respond = binanceAnswer(bannedError(until), headers);
          break;
        }
        case 'timeout': {
          const holdMs = Math.min(rule.params.holdMs ?? MAX_HOLD_MS, MAX_HOLD_MS);
          if (rule.params.executed === false) {
            respond = { status: 504, headers: {}, body: '', delayMs: holdMs, dropConnection: true };
          } else {
            finishAnswer = (response) => ({ ...response, delayMs: holdMs, dropConnection: true });
          }
          break;
        }
      }
      if (effect === 'answer') answered = true;
    }

    if (!answered && delayMs === undefined && skewMs === undefined) return undefined;
    const delay = delayMs;
    const held = (response: RestResponse): RestResponse =>
      delay === undefined || response.dropConnection === true ? response : { ...response, delayMs: delay };
    const finish =
      respond !== undefined || (finishAnswer === undefined && delay === undefined)
        ? undefined
        : (response: RestResponse) => held(finishAnswer === undefined ? response : finishAnswer(response));
    return {
      ...(respond === undefined ? {} : { respond: held(respond) }),
      ...(finish === undefined ? {} : { finish }),
      ...(skewMs === undefined ? {} : { clockSkewMs: skewMs }),
      ...(skewMs !== undefined && SERVER_TIME_ENDPOINTS.has(request.endpoint)
        ? { serverTimeSkewMs: skewMs }
        : {}),
    };
  }

  /**
   * What to do with one outgoing frame of `connection` (see `streamFaults.ts`); undefined when no
   * stream rule fires. Each call counts as one message for counts and probabilities. A `control`
   * frame (a ping or pong) is subject to `silence` only.
   */
  streamFault(connection: FaultConnectionView, frame: StreamFrame = 'message'): StreamFaultPlan | undefined {
    if (this.#streamRules === 0) return undefined;
    const now = this.#now();
    let silent = false;
    let delayMs: number | undefined;
    let reorderWindowMs: number | undefined;
    let reorderHoldMs: number | undefined;
    for (const entry of [...this.#active]) {
      const { rule } = entry;
      if (isRestFaultKind(rule.kind)) continue;
      if (rule.until !== undefined && now >= rule.until) {
        this.#retire(entry, 'expired');
        continue;
      }
      if (frame === 'control' && rule.kind !== 'silence') continue;
      if (rule.kind === 'silence' && silent) continue;
      if (rule.kind === 'delay' && delayMs !== undefined) continue;
      if (rule.kind === 'reorder' && reorderWindowMs !== undefined) continue;
      if (!this.#matchesConnection(rule.scope, connection)) continue;
      if (rule.probability !== undefined && entry.rng.next() >= rule.probability) continue;
      this.#fire(entry, now);
      if (rule.kind === 'silence') silent = true;
      else if (rule.kind === 'delay') delayMs = rule.params.delayMs ?? DEFAULT_STREAM_DELAY_MS;
      else if (rule.kind === 'reorder') {
        reorderWindowMs = rule.params.windowMs ?? DEFAULT_REORDER_WINDOW_MS;
        // The hold of this message, from the rule's own stream: the same seed gives the same order.
        reorderHoldMs = entry.rng.nextInt(reorderWindowMs + 1);
      }
    }
    if (!silent && delayMs === undefined && reorderWindowMs === undefined) return undefined;
    return {
      silent,
      delayMs: delayMs ?? 0,
      reorderWindowMs: reorderWindowMs ?? 0,
      ...(reorderHoldMs === undefined ? {} : { reorderHoldMs }),
    };
  }

  /**
   * The clock skew a WebSocket API request's timestamp check sees (the first `clockSkew` rule that
   * fires for it), ms; undefined when none does. A rule's `route` matches the method
   * (`order.place`), the endpoint it runs (`newOrder`), `wsApi` or the connection path.
   */
  wsApiClockSkew(request: WsApiFaultRequest): number | undefined {
    if (this.#restRules === 0) return undefined;
    const now = this.#now();
    const { connection } = request;
    for (const entry of [...this.#active]) {
      const { rule } = entry;
      if (rule.kind !== 'clockSkew') continue;
      if (rule.until !== undefined && now >= rule.until) {
        this.#retire(entry, 'expired');
        continue;
      }
      const { route, ...rest } = rule.scope;
      if (
        route !== undefined &&
        route !== request.method &&
        route !== request.endpoint &&
        route !== connection.kind &&
        route !== connection.path
      )
        continue;
      if (rest.apiKey !== undefined && rest.apiKey !== request.apiKey) continue;
      const { apiKey: _key, ...connectionScope } = rest;
      if (!this.#matchesConnection(connectionScope, { ...connection, apiKey: request.apiKey })) continue;
      if (rule.probability !== undefined && entry.rng.next() >= rule.probability) continue;
      this.#fire(entry, now);
      return rule.params.skewMs;
    }
    return undefined;
  }

  /** Registers the WebSocket layer's connections for the drop actions; returns the function that unregisters. */
  attachConnections(source: FaultConnectionSource): () => void {
    this.#connections = source;
    return () => {
      if (this.#connections === source) this.#connections = undefined;
    };
  }

  /**
   * Closes every connection matching `filter` (all when empty) now, reason `server`; returns how many.
   *
   * @throws FaultError `unavailable` without attached connections, `invalid` for a bad filter.
   */
  dropConnections(filter?: FaultScope): number {
    return this.#closeMatching(filter, 'server');
  }

  /** As {@link dropConnections}, but as Binance's 24 h cut (reason `lifetime`). */
  force24hDisconnect(filter?: FaultScope): number {
    return this.#closeMatching(filter, 'lifetime');
  }

  /**
   * Expires the account's listen key of `product` (USD-M by default) now; the stream layer pushes
   * `listenKeyExpired`.
   *
   * @throws FaultError `unavailable` without that venue, `not-found` when the account has no active key.
   */
  expireListenKey(accountId: number, product: Product = 'usdm'): ExpiredListenKey {
    const venue = product === 'coinm' ? this.#coinm : this.#venue;
    if (venue === undefined)
      throw new FaultError(
        'unavailable',
        `the fault injector has no ${product === 'coinm' ? 'COIN-M ' : ''}venue`,
      );
    if (!Number.isSafeInteger(accountId) || !venue.accounts.has(accountId))
      throw new FaultError('not-found', `no account ${String(accountId)}`);
    venue.advanceTo(this.#now());
    const state = venue.listenKeys.keyOf(accountId, venue.now);
    if (state === undefined)
      throw new FaultError('not-found', `account ${accountId} has no active listen key`);
    if (this.#expireListenKey === undefined) forceListenKeyExpiry(venue, accountId);
    else this.#expireListenKey(accountId, product);
    return { listenKey: state.listenKey, accountId, expiredAt: venue.now };
  }

  #closeMatching(filter: FaultScope | undefined, reason: 'server' | 'lifetime'): number {
    const source = this.#connections;
    if (source === undefined) throw new FaultError('unavailable', 'no WebSocket server is attached');
    const scope = checkScope(filter);
    // Copy first: closing may remove a connection from the source's list.
    const matching = source.connections().filter((c) => this.#matchesConnection(scope, c));
    for (const connection of matching) connection.close(reason);
    return matching.length;
  }

  #fire(entry: Entry, now: number): void {
    entry.fired += 1;
    const { rule } = entry;
    if (rule.kind === 'ban' && entry.bannedUntil === undefined) {
      // A ban lasts from its first answer; the rule ends with it.
      const bannedUntil = now + (rule.params.banMs ?? DEFAULT_BAN_MS);
      entry.bannedUntil = bannedUntil;
      entry.rule = { ...rule, until: Math.min(rule.until ?? bannedUntil, bannedUntil) };
    }
    if (rule.count !== undefined && entry.fired >= rule.count) this.#retire(entry, 'spent');
  }

  #retire(entry: Entry, state: 'spent' | 'expired'): void {
    const index = this.#active.indexOf(entry);
    if (index === -1) return;
    this.#active.splice(index, 1);
    this.#count(entry.rule.kind, -1);
    entry.state = state;
    this.#finished.push(entry);
    if (this.#finished.length > FINISHED_KEPT) this.#finished.shift();
  }

  #expire(now: number): void {
    for (const entry of [...this.#active]) {
      if (entry.rule.until !== undefined && now >= entry.rule.until) this.#retire(entry, 'expired');
    }
  }

  #count(kind: FaultKind, delta: number): void {
    if (isRestFaultKind(kind)) this.#restRules += delta;
    else this.#streamRules += delta;
  }

  #checkRoute(scope: FaultScope): void {
    const route = scope.route;
    if (route === undefined || this.#routes === undefined || this.#routes.has(route)) return;
    // WebSocket forms: a connection kind, a connection path, a WebSocket API method (`order.place`).
    if (
      route === 'stream' ||
      route === 'wsApi' ||
      route.startsWith('/') ||
      /^[a-zA-Z]+\.[a-zA-Z.]+$/.test(route)
    )
      return;
    throw new FaultError('invalid', `scope.route ${route} is no route or endpoint of the exchange`);
  }

  #accountOfKey(apiKey: string | undefined): number | undefined {
    if (apiKey === undefined || this.#venue === undefined) return undefined;
    return this.#venue.keys.get(apiKey)?.account.id;
  }

  #matchesConnection(scope: FaultScope, connection: FaultConnectionView | FaultConnection): boolean {
    if (scope.connectionId !== undefined && scope.connectionId !== connection.id) return false;
    if (scope.ip !== undefined && scope.ip !== connection.ip) return false;
    if (scope.apiKey !== undefined && scope.apiKey !== connection.apiKey) return false;
    if (scope.stream !== undefined && !connection.streams.includes(scope.stream)) return false;
    if (scope.route !== undefined && scope.route !== connection.path && scope.route !== connection.kind)
      return false;
    if (scope.accountId !== undefined) {
      if (this.#accountOfKey(connection.apiKey) === scope.accountId) return true;
      // A listen key belongs to one product's venue; accounts have the same id in both.
      return [this.#venue, this.#coinm].some(
        (venue) =>
          venue !== undefined &&
          connection.streams.some((s) => venue.listenKeys.accountOf(s, venue.now) === scope.accountId),
      );
    }
    return true;
  }
}

/** Whether a request sees the exchange's clock: signed requests (timestamp check) and time reports. */
function isClockSensitive(request: RestFaultRequest): boolean {
  return (
    request.security === 'TRADE' ||
    request.security === 'USER_DATA' ||
    SERVER_TIME_ENDPOINTS.has(request.endpoint)
  );
}

function matchesRequest(
  scope: FaultScope,
  request: RestFaultRequest,
  route: string,
  account: () => number | undefined,
): boolean {
  // Connection-only scopes never match a REST request.
  if (scope.connectionId !== undefined || scope.stream !== undefined) return false;
  if (scope.ip !== undefined && scope.ip !== request.clientIp) return false;
  if (scope.apiKey !== undefined && scope.apiKey !== request.apiKey) return false;
  if (scope.route !== undefined && scope.route !== route && scope.route !== request.endpoint) return false;
  if (scope.accountId !== undefined && scope.accountId !== account()) return false;
  return true;
}

/** The request ran; its answer is replaced by a 503 whose outcome the client cannot know. */
function replaceAnswer(message: 'timeout' | 'unknown'): (response: RestResponse) => RestResponse {
  return (response) => {
    const answer = binanceAnswer(unknownOutcomeError(message), {});
    return { ...answer, headers: { ...response.headers, ...answer.headers } };
  };
}

function status(entry: Entry): FaultRuleStatus {
  return {
    ...entry.rule,
    fired: entry.fired,
    state: entry.state,
    ...(entry.bannedUntil === undefined ? {} : { bannedUntil: entry.bannedUntil }),
  };
}
