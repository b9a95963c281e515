import type { AggTrade, GetAggTradesParams } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';

/**
 * Parameters of {@link getAggTrades}: `symbol`, `fromId` (inclusive), `startTime`/`endTime` (less than
 * an hour apart), `limit` (default 500, max 1000).
 */
export type GetAggTradesParameters = GetAggTradesParams;

/** Aggregate trades (`a`, `p`, `q`, `f`, `l`, `T`, `m`), oldest first. */
export type GetAggTradesReturnType = AggTrade[];

/** What {@link getAggTrades} may reject with. */
export type GetAggTradesErrorType = RequestErrorType;

/**
 * Reads compressed (aggregate) trades: `GET /fapi/v1/aggTrades` (USD-M) or `GET /dapi/v1/aggTrades`
 * (COIN-M, same shape). Weight 20, no credentials.
 *
 * Fills within 100 ms at one price and taker side are merged. Without `fromId`, `startTime` or
 * `endTime` the most recent are returned. The ids `a`, `f`, `l` may exceed 2^53 and then arrive as
 * `bigint`s; pass one back as `fromId` unchanged.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getAggTrades
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Compressed-Aggregate-Trades-List
 *
 * @param client - A client of either market.
 * @param parameters - `symbol`, optional `fromId`, `startTime`, `endTime`, `limit`.
 * @returns The aggregate trades, oldest first.
 *
 * @example
 * import { createClient, getAggTrades } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const [first] = await getAggTrades(client, { symbol: 'BTCUSDT', limit: 1 });
 */
export async function getAggTrades(
  client: Client,
  parameters: GetAggTradesParameters,
): Promise<GetAggTradesReturnType> {
  return client.request<AggTrade[]>({
    method: 'GET',
    path: `${client.apiPrefix}/v1/aggTrades`,
    params: {
      symbol: parameters.symbol,
      fromId: parameters.fromId,
      startTime: parameters.startTime,
      endTime: parameters.endTime,
      limit: parameters.limit,
    },
    security: 'NONE',
    weight: 20,
    kind: 'read',
  });
}
