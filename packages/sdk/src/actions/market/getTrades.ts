import type { GetTradesParams, Trade } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';

/** Parameters of {@link getTrades}: `symbol`, and `limit` (default 500, max 1000). */
export type GetTradesParameters = GetTradesParams;

/** Recent order-book trades, oldest first. */
export type GetTradesReturnType = Trade[];

/** What {@link getTrades} may reject with. */
export type GetTradesErrorType = RequestErrorType;

/**
 * Reads the most recent trades: `GET /fapi/v1/trades` (USD-M). Weight 5, no credentials.
 *
 * Only order-book trades (no insurance-fund or ADL fills). `id` may exceed 2^53 and then arrives as a
 * `bigint`: compare ids with `BigInt(a) === BigInt(b)`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getTrades
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Recent-Trades-List
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol`, optional `limit`.
 * @returns The trades, oldest first.
 * @throws ClientConfigError on a COIN-M client (use `getCoinmTrades`).
 *
 * @example
 * import { createClient, getTrades } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const trades = await getTrades(client, { symbol: 'BTCUSDT', limit: 10 });
 */
export async function getTrades(
  client: Client,
  parameters: GetTradesParameters,
): Promise<GetTradesReturnType> {
  requireMarket(client, 'usdm', 'getTrades');
  return client.request<Trade[]>({
    method: 'GET',
    path: '/fapi/v1/trades',
    params: { symbol: parameters.symbol, limit: parameters.limit },
    security: 'NONE',
    weight: 5,
    kind: 'read',
  });
}
