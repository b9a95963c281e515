import type { Market } from '../clients/environments.js';

/** Special per-IP pools some endpoints draw from instead of (or besides) the weight budget. */
export const ratePools = ['funding', 'futuresData'] as const;

/** One of {@link ratePools}: `funding` (fundingRate + fundingInfo), `futuresData` (`/futures/data/*`). */
export type RatePool = (typeof ratePools)[number];

/** A budget: at most `limit` per fixed window of `windowMs`. */
export interface RateBudget {
  readonly limit: number;
  readonly windowMs: number;
}

/** Binance's budgets, per IP (weight, pools) and per account (orders). */
export interface RateLimits {
  /** IP REQUEST_WEIGHT per minute (USD-M 2400; COIN-M 6000 [U]). */
  readonly requestWeightPerMinute: number;
  /** Account ORDERS per 10 seconds (USD-M 300); `undefined` where the market has no 10 s limiter (COIN-M). */
  readonly ordersPer10Seconds: number | undefined;
  /** Account ORDERS per minute (1200). */
  readonly ordersPerMinute: number;
  /** Special pools: 500 requests / 5 min for funding, 1000 / 5 min for `/futures/data`. */
  readonly pools: Readonly<Record<RatePool, RateBudget>>;
}

const FIVE_MINUTES = 5 * 60_000;

const POOLS: Readonly<Record<RatePool, RateBudget>> = {
  funding: { limit: 500, windowMs: FIVE_MINUTES },
  futuresData: { limit: 1000, windowMs: FIVE_MINUTES },
};

/** USD-M's budgets (reference §3.1, §3.3). */
export const USDM_RATE_LIMITS: RateLimits = {
  requestWeightPerMinute: 2400,
  ordersPer10Seconds: 300,
  ordersPerMinute: 1200,
  pools: POOLS,
};

/**
 * COIN-M's budgets: 6000 weight per minute as the docs' examples show [U: verify with
 * exchangeInfo], 1200 orders per minute, no 10-second order limiter.
 */
export const COINM_RATE_LIMITS: RateLimits = {
  requestWeightPerMinute: 6000,
  ordersPer10Seconds: undefined,
  ordersPerMinute: 1200,
  pools: POOLS,
};

/** The default budgets of a market. */
export function defaultRateLimits(market: Market): RateLimits {
  return market === 'coinm' ? COINM_RATE_LIMITS : USDM_RATE_LIMITS;
}

/**
 * The special pool an endpoint draws from, from its path: `GET /fapi/v1/fundingRate` and
 * `/fundingInfo` (and the `/dapi` ones) share `funding`; `/futures/data/*` is `futuresData`.
 */
export function poolOf(path: string): RatePool | undefined {
  if (/^\/[fd]api\/v1\/funding(Rate|Info)$/.test(path)) return 'funding';
  if (path.startsWith('/futures/data/')) return 'futuresData';
  return undefined;
}
