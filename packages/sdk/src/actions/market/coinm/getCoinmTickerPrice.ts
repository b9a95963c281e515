import type { CoinmGetTickerParams, CoinmTickerPrice } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { bySymbol } from '../weights.js';

/** Parameters of {@link getCoinmTickerPrice}: `symbol` or `pair`, or nothing for every symbol. */
export type GetCoinmTickerPriceParameters = CoinmGetTickerParams;

/**
 * `{ symbol, ps, price, time }` per symbol (`ps` is the pair), always an array.
 */
export type GetCoinmTickerPriceReturnType = CoinmTickerPrice[];

/** What {@link getCoinmTickerPrice} may reject with. */
export type GetCoinmTickerPriceErrorType = RequestErrorType;

/**
 * Reads COIN-M last prices: `GET /dapi/v1/ticker/price`. No credentials. Weight 1 with `symbol`, 2
 * without.
 *
 * `ps` is the pair (the docs' example prints a price there by mistake).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmTickerPrice
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/Symbol-Price-Ticker
 *
 * @param client - A COIN-M client.
 * @param parameters - `symbol` or `pair`, or nothing for every symbol.
 * @returns `{ symbol, ps, price, time }` per symbol (`ps` is the pair), always an array.
 * @throws ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmTickerPrice } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm' });
 * const [perp] = await getCoinmTickerPrice(client, { symbol: 'BTCUSD_PERP' });
 */
export async function getCoinmTickerPrice(
  client: Client,
  parameters: GetCoinmTickerPriceParameters = {},
): Promise<GetCoinmTickerPriceReturnType> {
  requireMarket(client, 'coinm', 'getCoinmTickerPrice');
  return client.request<CoinmTickerPrice[]>({
    method: 'GET',
    path: '/dapi/v1/ticker/price',
    params: { symbol: parameters.symbol, pair: parameters.pair },
    security: 'NONE',
    weight: bySymbol(parameters.symbol, 1, 2),
    kind: 'read',
  });
}
