import type { Decimal } from '@basis/core';
import type { Client } from '../clients/createClient.js';
import { createClientOrderIdGenerator, type RandomSource } from './clientOrderId.js';
import { type DecimalLike, parseDecimalLike } from './decimals.js';
import type { OrderLayerEvent } from './events.js';
import { readAccountMode, readExchangeInfo, readMarkPrice } from './reads.js';
import type { AccountMode } from './shape.js';
import { parseSymbolRules, type SymbolRules } from './symbolRules.js';

/** How unknown outcomes are reconciled. Every loop is bounded by these numbers. */
export interface ReconcileOptions {
  /** Queries per reconciliation before giving up with `UnknownOrderStatusError` (default 5, at most 20). */
  readonly attempts?: number;
  /** Wait before the second query, ms (default 200); it doubles per query up to `maxDelayMs`. */
  readonly baseDelayMs?: number;
  /** Longest wait between queries, ms (default 3000). */
  readonly maxDelayMs?: number;
  /** Resends of an order (or modification) proven absent, with the same client order id (default 1; 0 to never resend; at most 3). */
  readonly resends?: number;
  /**
   * Margin after the request's `recvWindow` before "not found" counts as proof of absence, ms
   * (default 1000): covers the estimate of the server clock.
   */
  readonly absenceMarginMs?: number;
}

/** {@link ReconcileOptions} with every default filled in. */
export interface ReconcileSettings {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly resends: number;
  readonly absenceMarginMs: number;
}

/** How a client's order layer is set up. Every option has a default. */
export interface OrderLayerOptions {
  /** Age after which exchangeInfo is fetched again before the next order, ms (default 15 minutes). */
  readonly exchangeInfoMaxAgeMs?: number;
  /** Age after which the cached mark price is fetched again (premiumIndex), ms (default 1000). */
  readonly markPriceMaxAgeMs?: number;
  /**
   * A mark price source checked before the cache (a mark-price stream, a backtest's feed); return
   * undefined to fall back to premiumIndex.
   */
  readonly markPrice?: (symbol: string) => DecimalLike | undefined;
  /** The account's modes when known in advance (no read is made then); read at first use otherwise. */
  readonly accountMode?: AccountMode;
  /** Prefix of generated client order ids (default `'basis-'`, at most 20 characters). */
  readonly clientOrderIdPrefix?: string;
  /** Randomness of generated client order ids (a seeded `Rng` for reproducible runs; default: the OS). */
  readonly random?: RandomSource;
  readonly reconcile?: ReconcileOptions;
  /** What the layer does: reconciliations, shaping notes, loads. */
  readonly onEvent?: (event: OrderLayerEvent) => void;
}

/**
 * The per-client state behind order actions: the exchangeInfo cache (symbol filters parsed once into
 * exact values), the account's position and multi-assets modes, a short-lived mark-price cache, the
 * client order id generator and the reconciliation settings. Time is the client's clock.
 */
export interface OrderLayer {
  readonly reconcile: ReconcileSettings;
  /** The symbol's rules; loads exchangeInfo on first use and again when older than its max age; undefined for an unknown symbol. */
  symbolRules(symbol: string): Promise<SymbolRules | undefined>;
  /** Fetches exchangeInfo now. */
  refreshExchangeInfo(): Promise<void>;
  /** When exchangeInfo was last loaded (client clock, ms), if ever. */
  exchangeInfoLoadedAt(): number | undefined;
  /** The account's modes; read at first use, then cached. */
  accountMode(): Promise<AccountMode>;
  /** Reads the account's modes now (after changing them elsewhere). */
  refreshAccountMode(): Promise<AccountMode>;
  /** Forgets the cached modes; the next order reads them again. */
  invalidateAccountMode(): void;
  /** The mark price: the `markPrice` source, else the cache when fresh, else premiumIndex; undefined when unavailable. */
  markPrice(symbol: string): Promise<Decimal | undefined>;
  /** A new client order id. */
  nextClientOrderId(): string;
  /** Reports an event to `onEvent`. */
  emit(event: OrderLayerEvent): void;
}

const DEFAULT_EXCHANGE_INFO_MAX_AGE_MS = 15 * 60_000;
const DEFAULT_MARK_MAX_AGE_MS = 1000;

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** {@link ReconcileOptions} with defaults and bounds applied. */
export function reconcileSettings(options: ReconcileOptions | undefined): ReconcileSettings {
  return {
    attempts: clampInt(options?.attempts, 5, 1, 20),
    baseDelayMs: clampInt(options?.baseDelayMs, 200, 0, 60_000),
    maxDelayMs: clampInt(options?.maxDelayMs, 3000, 0, 60_000),
    resends: clampInt(options?.resends, 1, 0, 3),
    absenceMarginMs: clampInt(options?.absenceMarginMs, 1000, 0, 60_000),
  };
}

/**
 * One order layer per client. A module-level registry, as viem keeps its per-client caches keyed by
 * `client.uid`: the key is the client's `request` function, the one member every client derived
 * with `extend` shares, and the WeakMap lets a layer go with its client. No state is shared between
 * clients.
 */
const layers = new WeakMap<Client['request'], OrderLayer>();

/**
 * Creates the order layer of `client` (and of every client `extend`ed from it) and returns it;
 * order actions use it from then on. Nothing is fetched until the first order.
 *
 * @example
 * const layer = createOrderLayer(client, {
 *   onEvent: (event) => event.type === 'reconciled' && console.log(event),
 *   reconcile: { attempts: 8 },
 * });
 * await layer.refreshExchangeInfo();
 */
export function createOrderLayer(client: Client, options: OrderLayerOptions = {}): OrderLayer {
  const layer = buildOrderLayer(client, options);
  layers.set(client.request, layer);
  return layer;
}

/** The order layer of `client`: the one made by {@link createOrderLayer}, else a default one, made once. */
export function orderLayerOf(client: Client): OrderLayer {
  const existing = layers.get(client.request);
  if (existing !== undefined) return existing;
  return createOrderLayer(client);
}

function buildOrderLayer(client: Client, options: OrderLayerOptions): OrderLayer {
  const { clock } = client;
  const infoMaxAge = clampInt(
    options.exchangeInfoMaxAgeMs,
    DEFAULT_EXCHANGE_INFO_MAX_AGE_MS,
    0,
    7 * 86_400_000,
  );
  const markMaxAge = clampInt(options.markPriceMaxAgeMs, DEFAULT_MARK_MAX_AGE_MS, 0, 3_600_000);
  const nextId = createClientOrderIdGenerator({
    ...(options.clientOrderIdPrefix === undefined ? {} : { prefix: options.clientOrderIdPrefix }),
    ...(options.random === undefined ? {} : { random: options.random }),
  });

  let rules = new Map<string, SymbolRules>();
  let loadedAt: number | undefined;
  let loading: Promise<void> | undefined;
  let mode: AccountMode | undefined = options.accountMode;
  let modeLoading: Promise<AccountMode> | undefined;
  const marks = new Map<string, { readonly value: Decimal; readonly at: number }>();
  const markLoading = new Map<string, Promise<Decimal | undefined>>();

  const emit = (event: OrderLayerEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A failing listener must not fail an order.
    }
  };

  const refreshExchangeInfo = (): Promise<void> => {
    // One load at a time: concurrent orders share it.
    loading ??= readExchangeInfo(client)
      .then((info) => {
        const next = new Map<string, SymbolRules>();
        for (const symbol of info.symbols) next.set(symbol.symbol, parseSymbolRules(symbol));
        rules = next;
        loadedAt = clock.now();
        emit({ type: 'exchangeInfoLoaded', symbols: next.size, at: loadedAt });
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };

  const ensureFresh = async (): Promise<boolean> => {
    if (loadedAt === undefined) {
      await refreshExchangeInfo();
      return true;
    }
    if (clock.now() - loadedAt >= infoMaxAge) {
      try {
        await refreshExchangeInfo();
        return true;
      } catch {
        // Stale rules beat no rules: the next order tries again.
      }
    }
    return false;
  };

  const refreshAccountMode = (): Promise<AccountMode> => {
    modeLoading ??= readAccountMode(client)
      .then((read) => {
        mode = read;
        emit({ type: 'accountModeLoaded', at: clock.now(), ...read });
        return read;
      })
      .finally(() => {
        modeLoading = undefined;
      });
    return modeLoading;
  };

  const fetchMark = (symbol: string): Promise<Decimal | undefined> => {
    const pending = markLoading.get(symbol);
    if (pending !== undefined) return pending;
    const load = readMarkPrice(client, symbol)
      .then((text) => {
        const value = text === undefined ? undefined : parseDecimalLike(text);
        if (value?.isPositive()) marks.set(symbol, { value, at: clock.now() });
        return value;
      })
      .catch((error: unknown) => {
        // Without a mark the rules that need one are skipped; the exchange still checks them.
        emit({ type: 'markPriceUnavailable', symbol, error });
        return undefined;
      })
      .finally(() => {
        markLoading.delete(symbol);
      });
    markLoading.set(symbol, load);
    return load;
  };

  return {
    reconcile: reconcileSettings(options.reconcile),
    async symbolRules(symbol) {
      const fresh = await ensureFresh();
      const found = rules.get(symbol);
      if (found !== undefined || fresh) return found;
      // A symbol listed since the last load: one refresh before calling it unknown.
      await refreshExchangeInfo();
      return rules.get(symbol);
    },
    refreshExchangeInfo,
    exchangeInfoLoadedAt: () => loadedAt,
    async accountMode() {
      return mode ?? refreshAccountMode();
    },
    refreshAccountMode,
    invalidateAccountMode() {
      mode = undefined;
    },
    async markPrice(symbol) {
      const external = options.markPrice?.(symbol);
      if (external !== undefined) {
        const value = parseDecimalLike(external);
        if (value?.isPositive()) return value;
      }
      const cached = marks.get(symbol);
      if (cached !== undefined && clock.now() - cached.at < markMaxAge) return cached.value;
      return fetchMark(symbol);
    },
    nextClientOrderId: nextId,
    emit,
  };
}
