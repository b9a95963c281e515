import type { CoinmTrade, GetHistoricalTradesParams } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';

/** Parameters of {@link getCoinmHistoricalTrades}: `symbol`, `limit` (default 100, max 500), `fromId` (inclusive). */
export type GetCoinmHistoricalTradesParameters = GetHistoricalTradesParams;

/**
 * Trades from `fromId` (the most recent without it), oldest first, in the COIN-M trade shape.
 */
export type GetCoinmHistoricalTradesReturnType = CoinmTrade[];

/** What {@link getCoinmHistoricalTrades} may reject with. */
export type GetCoinmHistoricalTradesErrorType = RequestErrorType;

/**
 * Looks up older COIN-M trades: `GET /dapi/v1/historicalTrades` (`MARKET_DATA`: the API key is sent,
 * nothing is signed). Weight 20.
 *
 * `fromId` may be a `bigint`; it is sent as exact digits.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmHistoricalTrades
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/Old-Trades-Lookup
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol`, `limit` (default 100, max 500), `fromId` (inclusive).
 * @returns Trades from `fromId` (the most recent without it), oldest first, in the COIN-M trade shape.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmHistoricalTrades } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const trades = await getCoinmHistoricalTrades(client, { symbol: 'BTCUSD_PERP', fromId: 28457 });
 */
export async function getCoinmHistoricalTrades(
  client: Client,
  parameters: GetCoinmHistoricalTradesParameters,
): Promise<GetCoinmHistoricalTradesReturnType> {
  requireMarket(client, 'coinm', 'getCoinmHistoricalTrades');
  return client.request<CoinmTrade[]>({
    method: 'GET',
    path: '/dapi/v1/historicalTrades',
    params: { symbol: parameters.symbol, limit: parameters.limit, fromId: parameters.fromId },
    security: 'MARKET_DATA',
    weight: 20,
    kind: 'read',
  });
}
