import type { CoinmExchangeInfo } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';

/** `getCoinmExchangeInfo` takes no parameters. */
export type GetCoinmExchangeInfoParameters = Record<string, never>;

/**
 * Rate limits and every COIN-M symbol with `contractSize`, `contractStatus` and its filters.
 */
export type GetCoinmExchangeInfoReturnType = CoinmExchangeInfo;

/** What {@link getCoinmExchangeInfo} may reject with. */
export type GetCoinmExchangeInfoErrorType = RequestErrorType;

/**
 * Reads the COIN-M trading rules: `GET /dapi/v1/exchangeInfo`. Weight 1, no credentials.
 *
 * Quantities are contracts (`contractSize` USD each, e.g. 100 for BTC); a symbol's state is
 * `contractStatus` (USD-M says `status`).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmExchangeInfo
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/rest-api/Exchange-Information
 *
 * @param client - A COIN-M client.
 * @param _parameters - None.
 * @returns Rate limits and every COIN-M symbol with `contractSize`, `contractStatus` and its filters.
 * @throws ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmExchangeInfo } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm' });
 * const info = await getCoinmExchangeInfo(client);
 * const perp = info.symbols.find((s) => s.symbol === 'BTCUSD_PERP');
 */
export async function getCoinmExchangeInfo(
  client: Client,
  _parameters?: GetCoinmExchangeInfoParameters,
): Promise<GetCoinmExchangeInfoReturnType> {
  requireMarket(client, 'coinm', 'getCoinmExchangeInfo');
  return client.request<CoinmExchangeInfo>({
    method: 'GET',
    path: '/dapi/v1/exchangeInfo',
    security: 'NONE',
    weight: 1,
    kind: 'read',
  });
}
