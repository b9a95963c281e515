import type { GetHistoricalTradesParams, Trade } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';

/** Parameters of {@link getHistoricalTrades}: `symbol`, `fromId` (inclusive), `limit` (default 100, max 500). */
export type GetHistoricalTradesParameters = GetHistoricalTradesParams;

/** Trades from `fromId` (the most recent without it), oldest first. */
export type GetHistoricalTradesReturnType = Trade[];

/** What {@link getHistoricalTrades} may reject with (notably `MissingCredentialsError`, `ApiKeyError`). */
export type GetHistoricalTradesErrorType = RequestErrorType;

/**
 * Looks up older trades: `GET /fapi/v1/historicalTrades` (USD-M, `MARKET_DATA`: the API key is sent,
 * nothing is signed). Weight 20. Binance keeps the last month only.
 *
 * `fromId` may be a `bigint` (an id read from an earlier answer beyond 2^53); it is sent as exact digits.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getHistoricalTrades
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Old-Trades-Lookup
 *
 * @param client - A USD-M client with credentials (only the API key is used).
 * @param parameters - `symbol`, optional `fromId` and `limit`.
 * @returns The trades, oldest first.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getHistoricalTrades } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const trades = await getHistoricalTrades(client, { symbol: 'BTCUSDT', fromId: 28457n, limit: 100 });
 */
export async function getHistoricalTrades(
  client: Client,
  parameters: GetHistoricalTradesParameters,
): Promise<GetHistoricalTradesReturnType> {
  requireMarket(client, 'usdm', 'getHistoricalTrades');
  return client.request<Trade[]>({
    method: 'GET',
    path: '/fapi/v1/historicalTrades',
    params: { symbol: parameters.symbol, limit: parameters.limit, fromId: parameters.fromId },
    security: 'MARKET_DATA',
    weight: 20,
    kind: 'read',
  });
}
