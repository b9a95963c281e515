import type { CoinmGetTickerParams, CoinmTicker24hr } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { bySymbol } from '../weights.js';

/** Parameters of {@link getCoinmTicker24hr}: `symbol` or `pair`, or nothing for every symbol. */
export type GetCoinmTicker24hrParameters = CoinmGetTickerParams;

/**
 * 24-hour statistics per symbol, always an array: `volume` in contracts, `baseVolume` in the base
 * asset, plus `pair`.
 */
export type GetCoinmTicker24hrReturnType = CoinmTicker24hr[];

/** What {@link getCoinmTicker24hr} may reject with. */
export type GetCoinmTicker24hrErrorType = RequestErrorType;

/**
 * Reads COIN-M 24-hour statistics: `GET /dapi/v1/ticker/24hr`. No credentials. Weight 1 with `symbol`,
 * 40 without (also with `pair`).
 *
 * The window is rolling (the last 24 hours), not the UTC day.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmTicker24hr
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/24hr-Ticker-Price-Change-Statistics
 *
 * @param client - A COIN-M client.
 * @param parameters - `symbol` or `pair`, or nothing for every symbol.
 * @returns 24-hour statistics per symbol, always an array: `volume` in contracts, `baseVolume` in the base.
 * @throws ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmTicker24hr } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm' });
 * const rows = await getCoinmTicker24hr(client, { pair: 'BTCUSD' });
 */
export async function getCoinmTicker24hr(
  client: Client,
  parameters: GetCoinmTicker24hrParameters = {},
): Promise<GetCoinmTicker24hrReturnType> {
  requireMarket(client, 'coinm', 'getCoinmTicker24hr');
  return client.request<CoinmTicker24hr[]>({
    method: 'GET',
    path: '/dapi/v1/ticker/24hr',
    params: { symbol: parameters.symbol, pair: parameters.pair },
    security: 'NONE',
    weight: bySymbol(parameters.symbol, 1, 40),
    kind: 'read',
  });
}
