import type { CoinmTrade, GetTradesParams } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';

/** Parameters of {@link getCoinmTrades}: `symbol`, and `limit` (default 500, max 1000). */
export type GetCoinmTradesParameters = GetTradesParams;

/**
 * Recent trades, oldest first: `qty` in contracts and `baseQty` in the base asset (no `quoteQty`).
 */
export type GetCoinmTradesReturnType = CoinmTrade[];

/** What {@link getCoinmTrades} may reject with. */
export type GetCoinmTradesErrorType = RequestErrorType;

/**
 * Reads recent COIN-M trades: `GET /dapi/v1/trades`. Weight 5, no credentials.
 *
 * `id` may exceed 2^53 and then arrives as a `bigint`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmTrades
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/Recent-Trades-List
 *
 * @param client - A COIN-M client.
 * @param parameters - `symbol`, and `limit` (default 500, max 1000).
 * @returns Recent trades, oldest first: `qty` in contracts and `baseQty` in the base asset (no `quoteQty`).
 * @throws ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmTrades } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm' });
 * const trades = await getCoinmTrades(client, { symbol: 'BTCUSD_PERP', limit: 10 });
 */
export async function getCoinmTrades(
  client: Client,
  parameters: GetCoinmTradesParameters,
): Promise<GetCoinmTradesReturnType> {
  requireMarket(client, 'coinm', 'getCoinmTrades');
  return client.request<CoinmTrade[]>({
    method: 'GET',
    path: '/dapi/v1/trades',
    params: { symbol: parameters.symbol, limit: parameters.limit },
    security: 'NONE',
    weight: 5,
    kind: 'read',
  });
}
