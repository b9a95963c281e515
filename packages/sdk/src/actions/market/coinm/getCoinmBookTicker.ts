import type { CoinmBookTicker, CoinmGetTickerParams } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { bySymbol } from '../weights.js';

/** Parameters of {@link getCoinmBookTicker}: `symbol` or `pair`, or nothing for every symbol. */
export type GetCoinmBookTickerParameters = CoinmGetTickerParams;

/**
 * Best bid and ask per symbol, with `pair`; always an array.
 */
export type GetCoinmBookTickerReturnType = CoinmBookTicker[];

/** What {@link getCoinmBookTicker} may reject with. */
export type GetCoinmBookTickerErrorType = RequestErrorType;

/**
 * Reads COIN-M best bids and asks: `GET /dapi/v1/ticker/bookTicker`. No credentials. Weight 2 with
 * `symbol`, 5 without.
 *
 * Quantities are contracts.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmBookTicker
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/Symbol-Order-Book-Ticker
 *
 * @param client - A COIN-M client.
 * @param parameters - `symbol` or `pair`, or nothing for every symbol.
 * @returns Best bid and ask per symbol, with `pair`; always an array.
 * @throws ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmBookTicker } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm' });
 * const [perp] = await getCoinmBookTicker(client, { symbol: 'BTCUSD_PERP' });
 */
export async function getCoinmBookTicker(
  client: Client,
  parameters: GetCoinmBookTickerParameters = {},
): Promise<GetCoinmBookTickerReturnType> {
  requireMarket(client, 'coinm', 'getCoinmBookTicker');
  return client.request<CoinmBookTicker[]>({
    method: 'GET',
    path: '/dapi/v1/ticker/bookTicker',
    params: { symbol: parameters.symbol, pair: parameters.pair },
    security: 'NONE',
    weight: bySymbol(parameters.symbol, 2, 5),
    kind: 'read',
  });
}
