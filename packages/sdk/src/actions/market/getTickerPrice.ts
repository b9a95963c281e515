import type { GetTickerPriceParams, TickerPrice } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import type { NoSymbol, OneOrAll } from './oneOrAll.js';
import { bySymbol } from './weights.js';

/** Parameters of {@link getTickerPrice}: `symbol`, or nothing for every symbol. */
export type GetTickerPriceParameters = GetTickerPriceParams;

/** One `{ symbol, price, time }` with `symbol`, an array of every symbol's without it. */
export type GetTickerPriceReturnType<Parameters extends GetTickerPriceParameters = GetTickerPriceParameters> =
  OneOrAll<Parameters, TickerPrice>;

/** What {@link getTickerPrice} may reject with. */
export type GetTickerPriceErrorType = RequestErrorType;

/**
 * Reads the last price: `GET /fapi/v2/ticker/price` (USD-M). No credentials. Weight 1 with `symbol`,
 * 2 without.
 *
 * Binance documents the weight header of this endpoint as inaccurate; the rate governor charges the
 * documented weight.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getTickerPrice
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Symbol-Price-Ticker-v2
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol` for one, nothing for all.
 * @returns One object with `symbol`, an array without.
 * @throws ClientConfigError on a COIN-M client (use `getCoinmTickerPrice`).
 *
 * @example
 * import { createClient, getTickerPrice } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const { price } = await getTickerPrice(client, { symbol: 'BTCUSDT' });
 */
export async function getTickerPrice<Parameters extends GetTickerPriceParameters = NoSymbol>(
  client: Client,
  parameters?: Parameters,
): Promise<GetTickerPriceReturnType<Parameters>> {
  requireMarket(client, 'usdm', 'getTickerPrice');
  const symbol = parameters?.symbol;
  return client.request<GetTickerPriceReturnType<Parameters>>({
    method: 'GET',
    path: '/fapi/v2/ticker/price',
    params: { symbol },
    security: 'NONE',
    weight: bySymbol(symbol, 1, 2),
    kind: 'read',
  });
}
