import type { ExchangeInfo } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';

/** `getExchangeInfo` takes no parameters: Binance returns every symbol. */
export type GetExchangeInfoParameters = Record<string, never>;

/** Rate limits, assets and every symbol with its filters, as Binance sends them. */
export type GetExchangeInfoReturnType = ExchangeInfo;

/** What {@link getExchangeInfo} may reject with. */
export type GetExchangeInfoErrorType = RequestErrorType;

/**
 * Reads the trading rules: `GET /fapi/v1/exchangeInfo` (USD-M). Weight 1, no credentials.
 *
 * Each symbol's `filters` (PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE, MIN_NOTIONAL, PERCENT_PRICE,
 * MAX_NUM_ORDERS, ...) keep Binance's decimal strings; `rateLimits` lists the limiters the rate
 * governor enforces.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getExchangeInfo
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Exchange-Information
 *
 * @param client - A USD-M client.
 * @param _parameters - None.
 * @returns The exchange information.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getExchangeInfo } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const info = await getExchangeInfo(client);
 * const btc = info.symbols.find((s) => s.symbol === 'BTCUSDT');
 */
export async function getExchangeInfo(
  client: Client,
  _parameters?: GetExchangeInfoParameters,
): Promise<GetExchangeInfoReturnType> {
  requireMarket(client, 'usdm', 'getExchangeInfo');
  return client.request<ExchangeInfo>({
    method: 'GET',
    path: '/fapi/v1/exchangeInfo',
    security: 'NONE',
    weight: 1,
    kind: 'read',
  });
}
