import type { GetKlinesParams, Kline } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { readCandles } from './readCandles.js';

/** Parameters of {@link getKlines}: `symbol`, `interval`, `startTime`, `endTime`, `limit` (default 500, max 1500). */
export type GetKlinesParameters = GetKlinesParams;

/**
 * Candles, oldest first, each Binance's 12-element array with labelled positions:
 * `[openTime, open, high, low, close, volume, closeTime, quoteAssetVolume, numberOfTrades,
 * takerBuyBaseAssetVolume, takerBuyQuoteAssetVolume, ignore]` (times and the count are numbers, the
 * rest decimal strings). {@link parseKline} names the fields.
 */
export type GetKlinesReturnType = Kline[];

/** What {@link getKlines} may reject with (`InvalidRequestError` for a bad interval, -1120). */
export type GetKlinesErrorType = RequestErrorType;

/**
 * Reads candles of the symbol's trades: `GET /fapi/v1/klines` (USD-M). No credentials. Weight by
 * `limit`: 1 below 100, 2 below 500, 5 up to 1000 (the default 500 costs 5), 10 above.
 *
 * The last candle is the one in progress when `endTime` is now or later.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getKlines
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Kline-Candlestick-Data
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol`, `interval`, optional window and `limit`.
 * @returns The candles, oldest first.
 * @throws ClientConfigError on a COIN-M client (use `getCoinmKlines`).
 *
 * @example
 * import { createClient, getKlines, parseKline } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const rows = await getKlines(client, { symbol: 'BTCUSDT', interval: '1m', limit: 60 });
 * const closes = rows.map((row) => parseKline(row).close);
 */
export async function getKlines(
  client: Client,
  parameters: GetKlinesParameters,
): Promise<GetKlinesReturnType> {
  requireMarket(client, 'usdm', 'getKlines');
  return readCandles(client, '/fapi/v1/klines', {
    symbol: parameters.symbol,
    interval: parameters.interval,
    startTime: parameters.startTime,
    endTime: parameters.endTime,
    limit: parameters.limit,
  });
}
