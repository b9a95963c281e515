import type { FundingRate, GetFundingRateParams } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';

/**
 * Parameters of {@link getFundingRate}: `symbol` (all symbols when omitted), `startTime`, `endTime`
 * (inclusive), `limit` (default 100, max 1000).
 */
export type GetFundingRateParameters = GetFundingRateParams;

/** Settled funding rates, oldest first: `symbol`, `fundingRate`, `fundingTime`, `markPrice`. */
export type GetFundingRateReturnType = FundingRate[];

/** What {@link getFundingRate} may reject with. */
export type GetFundingRateErrorType = RequestErrorType;

/**
 * Reads the funding-rate history: `GET /fapi/v1/fundingRate` (USD-M). No credentials; no request
 * weight, but every call draws on the 500 requests / 5 min / IP pool it shares with `getFundingInfo`
 * (the rate governor counts it).
 *
 * Without a time range the most recent records are returned (at most 200); with `startTime`, the
 * first `limit` from it.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getFundingRate
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Get-Funding-Rate-History
 *
 * @param client - A USD-M client.
 * @param parameters - Optional `symbol`, window and `limit`.
 * @returns The funding records, oldest first.
 * @throws ClientConfigError on a COIN-M client (use `getCoinmFundingRate`).
 *
 * @example
 * import { createClient, getFundingRate } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const history = await getFundingRate(client, { symbol: 'BTCUSDT', limit: 10 });
 */
export async function getFundingRate(
  client: Client,
  parameters: GetFundingRateParameters = {},
): Promise<GetFundingRateReturnType> {
  requireMarket(client, 'usdm', 'getFundingRate');
  return client.request<FundingRate[]>({
    method: 'GET',
    path: '/fapi/v1/fundingRate',
    params: {
      symbol: parameters.symbol,
      startTime: parameters.startTime,
      endTime: parameters.endTime,
      limit: parameters.limit,
    },
    security: 'NONE',
    weight: 0,
    pool: 'funding',
    kind: 'read',
  });
}
