import type { BookTicker, GetBookTickerParams } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import type { NoSymbol, OneOrAll } from './oneOrAll.js';
import { bySymbol } from './weights.js';

/** Parameters of {@link getBookTicker}: `symbol`, or nothing for every symbol. */
export type GetBookTickerParameters = GetBookTickerParams;

/** One {@link BookTicker} with `symbol`, an array of every symbol's without it. */
export type GetBookTickerReturnType<Parameters extends GetBookTickerParameters = GetBookTickerParameters> =
  OneOrAll<Parameters, BookTicker>;

/** What {@link getBookTicker} may reject with. */
export type GetBookTickerErrorType = RequestErrorType;

/**
 * Reads the best bid and ask: `GET /fapi/v1/ticker/bookTicker` (USD-M). No credentials. Weight 2
 * with `symbol`, 5 without.
 *
 * `lastUpdateId` is on the depth sequence; RPI orders are excluded.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getBookTicker
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Symbol-Order-Book-Ticker
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol` for one, nothing for all.
 * @returns One object with `symbol`, an array without.
 * @throws ClientConfigError on a COIN-M client (use `getCoinmBookTicker`).
 *
 * @example
 * import { createClient, getBookTicker } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const { bidPrice, askPrice } = await getBookTicker(client, { symbol: 'BTCUSDT' });
 */
export async function getBookTicker<Parameters extends GetBookTickerParameters = NoSymbol>(
  client: Client,
  parameters?: Parameters,
): Promise<GetBookTickerReturnType<Parameters>> {
  requireMarket(client, 'usdm', 'getBookTicker');
  const symbol = parameters?.symbol;
  return client.request<GetBookTickerReturnType<Parameters>>({
    method: 'GET',
    path: '/fapi/v1/ticker/bookTicker',
    params: { symbol },
    security: 'NONE',
    weight: bySymbol(symbol, 2, 5),
    kind: 'read',
  });
}
