import type { GetTickerPriceParams, TickerPrice } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import type { NoSymbol, OneOrAll } from './oneOrAll.js';
import { bySymbol } from './weights.js';

/** Parameters of {@link getTickerPriceV1}: `symbol`, or nothing for every symbol. */
export type GetTickerPriceV1Parameters = GetTickerPriceParams;

/** One `{ symbol, price, time }` with `symbol`, an array without (the v2 shape). */
export type GetTickerPriceV1ReturnType<
  Parameters extends GetTickerPriceV1Parameters = GetTickerPriceV1Parameters,
> = OneOrAll<Parameters, TickerPrice>;

/** What {@link getTickerPriceV1} may reject with. */
export type GetTickerPriceV1ErrorType = RequestErrorType;

/**
 * Reads the last price through the deprecated `GET /fapi/v1/ticker/price` (USD-M). No credentials.
 * Weight 1 with `symbol`, 2 without.
 *
 * @deprecated Binance deprecated v1; use {@link getTickerPrice} (`/fapi/v2/ticker/price`, same answer).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getTickerPriceV1
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Symbol-Price-Ticker
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol` for one, nothing for all.
 * @returns One object with `symbol`, an array without.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getTickerPriceV1 } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const { price } = await getTickerPriceV1(client, { symbol: 'BTCUSDT' });
 */
export async function getTickerPriceV1<Parameters extends GetTickerPriceV1Parameters = NoSymbol>(
  client: Client,
  parameters?: Parameters,
): Promise<GetTickerPriceV1ReturnType<Parameters>> {
  requireMarket(client, 'usdm', 'getTickerPriceV1');
  const symbol = parameters?.symbol;
  return client.request<GetTickerPriceV1ReturnType<Parameters>>({
    method: 'GET',
    path: '/fapi/v1/ticker/price',
    params: { symbol },
    security: 'NONE',
    weight: bySymbol(symbol, 1, 2),
    kind: 'read',
  });
}
