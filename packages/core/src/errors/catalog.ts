/**
 * Binance Futures error codes as data: what each code means, the message Binance sends, the HTTP
 * status it comes with, and whether a request that failed with it may be sent again.
 *
 * The entries live in `catalogData.ts`; this module types them, fills in defaults and indexes them.
 *
 * @module
 */
import { BasisError } from './baseError.js';
import { BINANCE_ERROR_SPECS } from './catalogData.js';

/** What kind of failure a code reports. */
export const binanceErrorCategories = [
  /** Generic, internal or unrelated to futures trading (exchange setup, options). */
  'general',
  /** Binance failed to process the request; it was not executed. */
  'server',
  /** The request may or may not have been executed. */
  'unknown-outcome',
  /** A rate limiter or load shedding refused the request. */
  'rate-limit',
  /** API key, signature, timestamp or IP restrictions. */
  'auth',
  /** The request is malformed: missing, unknown, duplicate or illegal parameters. */
  'request',
  /** A parameter value is invalid for the endpoint, symbol or account. */
  'validation',
  /** A symbol filter (PRICE_FILTER, LOT_SIZE, PERCENT_PRICE, MIN_NOTIONAL, order counts) rejected it. */
  'filter',
  /** Not enough balance or margin, or a leverage bracket limit. */
  'margin',
  /** The matching engine or order logic refused the order (FOK, post-only, reduce-only, triggers). */
  'order-rejected',
  /** The order, listen key or other object does not exist. */
  'not-found',
  /** Position state prevents the operation. */
  'position',
  /** Account or symbol settings (margin type, position mode, leverage, multi-assets) cannot change. */
  'config',
  /** The account or symbol is restricted (risk control, compliance, liquidation, reduce-only). */
  'restricted',
] as const;

/** What kind of failure a code reports; see {@link binanceErrorCategories}. */
export type BinanceErrorCategory = (typeof binanceErrorCategories)[number];

/**
 * Whether the same request may be sent again. It describes non-idempotent requests (placing,
 * modifying, cancelling orders); reads may always be retried unless the answer is `'never'`.
 */
export const binanceErrorRetries = [
  /** The request is rejected deterministically: fix the request or the account state first. */
  'never',
  /**
   * The request was not executed and the cause is transient (rate limit, overload, clock skew): resend
   * after waiting, with a fresh timestamp and signature.
   */
  'safe',
  /**
   * The outcome is unknown: query the order by client order id (or wait for the user-data stream)
   * before any resend, or the order may be placed twice.
   */
  'after-reconcile',
] as const;

/** Whether a request may be resent; see {@link binanceErrorRetries}. */
export type BinanceErrorRetry = (typeof binanceErrorRetries)[number];

/** The futures markets: USD-M (`/fapi`) and COIN-M (`/dapi`). */
export const binanceMarkets = ['usdm', 'coinm'] as const;

/** A futures market: USD-M (`/fapi`) or COIN-M (`/dapi`). */
export type BinanceMarket = (typeof binanceMarkets)[number];

/** The markets a catalog entry applies to. */
export type BinanceErrorMarket = BinanceMarket | 'both';

/** One Binance error code in one market (or both). */
export interface BinanceErrorInfo {
  /** Binance's numeric code, e.g. `-2019`. */
  readonly code: number;
  /** Binance's constant as documented, typos included (`'MARGIN_NOT_SUFFICIEN'`). */
  readonly name: string;
  /**
   * The message Binance sends, verbatim, with `%s` (and `%b`, `%d`) placeholders where the server
   * substitutes values. Where Binance documents a generic and a templated form of the same message,
   * this is the templated one.
   */
  readonly message: string;
  /** Other messages Binance sends with this code (a ban instead of a rate limit, generic forms). */
  readonly altMessages?: readonly string[];
  /** False when Binance's text is not published and `message` is a neutral description. */
  readonly messageKnown: boolean;
  /** The HTTP status the error comes with (400 unless documented or observed otherwise). */
  readonly http: number;
  /** What kind of failure it is. */
  readonly category: BinanceErrorCategory;
  /** Whether the same request may be sent again. */
  readonly retry: BinanceErrorRetry;
  /** The markets that use this code with this meaning. */
  readonly market: BinanceErrorMarket;
  /** Sources, quirks and unconfirmed points. */
  readonly note?: string;
}

/**
 * A catalog entry as written in `catalogData.ts`; defaults: `http` 400, `market` `'both'`,
 * `messageKnown` true, `retry` from the category ({@link defaultRetry}).
 */
export interface BinanceErrorSpec {
  readonly code: number;
  readonly name: string;
  readonly message: string;
  readonly alt?: readonly string[];
  readonly category: BinanceErrorCategory;
  readonly http?: number;
  readonly retry?: BinanceErrorRetry;
  readonly market?: BinanceErrorMarket;
  readonly messageKnown?: false;
  readonly note?: string;
}

/**
 * The retry policy implied by a category: unknown outcomes need reconciliation, rate limits and server
 * failures are safe to resend after waiting, everything else is final.
 */
export function defaultRetry(category: BinanceErrorCategory): BinanceErrorRetry {
  switch (category) {
    case 'unknown-outcome':
      return 'after-reconcile';
    case 'rate-limit':
    case 'server':
      return 'safe';
    default:
      return 'never';
  }
}

/** A {@link BinanceErrorInfo} while {@link toInfo} fills it in, before it is frozen. */
type MutableInfo = { -readonly [K in keyof BinanceErrorInfo]: BinanceErrorInfo[K] };

// Runs for every entry at import. The properties are assigned in order (the order Object.keys shows)
// rather than spread from conditional literals, which took about twice as long.
function toInfo(spec: BinanceErrorSpec): BinanceErrorInfo {
  const info = { code: spec.code, name: spec.name, message: spec.message } as MutableInfo;
  if (spec.alt !== undefined) info.altMessages = Object.freeze([...spec.alt]);
  info.messageKnown = spec.messageKnown ?? true;
  info.http = spec.http ?? 400;
  info.category = spec.category;
  info.retry = spec.retry ?? defaultRetry(spec.category);
  info.market = spec.market ?? 'both';
  if (spec.note !== undefined) info.note = spec.note;
  return Object.freeze(info);
}

/**
 * Every USD-M and COIN-M futures error code Basis knows, in Binance's documentation order. A code
 * whose meaning or text differs between the markets has one entry per market; the others are `'both'`.
 */
export const BINANCE_ERRORS: readonly BinanceErrorInfo[] = Object.freeze(BINANCE_ERROR_SPECS.map(toInfo));

function indexFor(market: BinanceMarket): ReadonlyMap<number, BinanceErrorInfo> {
  const index = new Map<number, BinanceErrorInfo>();
  for (const info of BINANCE_ERRORS) {
    if ((info.market === market || info.market === 'both') && !index.has(info.code))
      index.set(info.code, info);
  }
  return index;
}

/**
 * Lookup tables, built from the immutable catalog on the first lookup rather than at import: a
 * process that never meets a Binance error code never needs them.
 */
let byMarket: Readonly<Record<BinanceMarket, ReadonlyMap<number, BinanceErrorInfo>>> | undefined;

/**
 * Looks up a Binance error code for a market (USD-M by default). Returns `undefined` for codes the
 * market does not document.
 *
 * @example
 * getBinanceError(-2019)?.name; // 'MARGIN_NOT_SUFFICIEN'
 * getBinanceError(-4087, 'coinm')?.name; // 'INVALID_PAIR' (USD-M: 'REDUCE_ONLY_ORDER_PERMISSION')
 */
export function getBinanceError(code: number, market: BinanceMarket = 'usdm'): BinanceErrorInfo | undefined {
  byMarket ??= { usdm: indexFor('usdm'), coinm: indexFor('coinm') };
  return byMarket[market].get(code);
}

/** A value substituted into a message placeholder. */
export type BinanceMessageArg = string | number | bigint | boolean;

/**
 * Substitutes `%s`, `%b` and `%d` placeholders in order. Placeholders without an argument stay as they
 * are; extra arguments are ignored. Substituted text is never scanned again.
 *
 * @example
 * formatBinanceTemplate("Mandatory parameter '%s' was not sent, was empty/null, or malformed.", 'timestamp');
 */
export function formatBinanceTemplate(template: string, ...args: readonly BinanceMessageArg[]): string {
  let next = 0;
  return template.replace(/%[sbd]/g, (placeholder) => {
    if (next >= args.length) return placeholder;
    return String(args[next++]);
  });
}

/**
 * Formats the message of a code (USD-M, or the given entry) with its placeholders filled in order,
 * as Binance would send it.
 *
 * @throws {BasisError} when the code is not in the USD-M catalog.
 * @example
 * formatBinanceMessage(-4164, '5.0');
 * // "Order's notional must be no smaller than 5.0 (unless you choose reduce only)"
 */
export function formatBinanceMessage(
  code: number | BinanceErrorInfo,
  ...args: readonly BinanceMessageArg[]
): string {
  const info = typeof code === 'number' ? getBinanceError(code) : code;
  if (info === undefined) {
    throw new BasisError(`Unknown Binance error code ${String(code)}.`, {
      metaMessages: ['Pass a BinanceErrorInfo from getBinanceError(code, market) for COIN-M codes.'],
    });
  }
  return formatBinanceTemplate(info.message, ...args);
}
