import type { CoinmKline, GetKlinesParams } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { readCandles } from '../readCandles.js';

/** Parameters of {@link getCoinmKlines}: `symbol`, `interval`, `startTime`, `endTime` (at most 200 days apart), `limit` (default 500, max 1500). */
export type GetCoinmKlinesParameters = GetKlinesParams;

/**
 * Candles, oldest first, as 12-element arrays: index 5 is volume in contracts, 7 the base-asset
 * volume, 9 and 10 the taker-buy contracts and base volume (`parseCoinmKline` names them).
 */
export type GetCoinmKlinesReturnType = CoinmKline[];

/** What {@link getCoinmKlines} may reject with. */
export type GetCoinmKlinesErrorType = RequestErrorType;

/**
 * Reads COIN-M candles: `GET /dapi/v1/klines`. No credentials; weight by `limit` as `getKlines`.
 *
 * With only `startTime` the window is 200 days forward.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmKlines
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/Kline-Candlestick-Data
 *
 * @param client - A COIN-M client.
 * @param parameters - `symbol`, `interval`, `startTime`, `endTime` (at most 200 days apart), `limit` (default 500, max 1500).
 * @returns Candles, oldest first, as 12-element arrays: index 5 is volume in contracts, 7 the base-asset.
 * @throws ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmKlines } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm' });
 * const rows = await getCoinmKlines(client, { symbol: 'BTCUSD_PERP', interval: '1h', limit: 24 });
 * const volumes = rows.map((row) => parseCoinmKline(row).baseAssetVolume);
 */
export async function getCoinmKlines(
  client: Client,
  parameters: GetCoinmKlinesParameters,
): Promise<GetCoinmKlinesReturnType> {
  requireMarket(client, 'coinm', 'getCoinmKlines');
  return readCandles<CoinmKline>(client, '/dapi/v1/klines', {
    symbol: parameters.symbol,
    interval: parameters.interval,
    startTime: parameters.startTime,
    endTime: parameters.endTime,
    limit: parameters.limit,
  });
}
