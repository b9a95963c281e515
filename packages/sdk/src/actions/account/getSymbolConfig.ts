import type { GetSymbolConfigParams, SymbolConfig } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getSymbolConfig}: `symbol`, and `recvWindow`. */
export type GetSymbolConfigParameters = GetSymbolConfigParams & SignedParameters;

/** Per symbol: `marginType` (upper-case here), `isAutoAddMargin`, `leverage` (a number) and `maxNotionalValue`. */
export type GetSymbolConfigReturnType = SymbolConfig[];

/** What {@link getSymbolConfig} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetSymbolConfigErrorType = RequestErrorType;

/**
 * Reads the per-symbol configuration: `GET /fapi/v1/symbolConfig` (USD-M, `USER_DATA`, signed). Weight 5.
 *
 * An array also with `symbol` (one row).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getSymbolConfig
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Symbol-Config
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, and `recvWindow` to override the client's.
 * @returns Per symbol.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getSymbolConfig } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const [btc] = await getSymbolConfig(client, { symbol: 'BTCUSDT' });
 * console.log(btc?.leverage, btc?.marginType);
 */
export async function getSymbolConfig(
  client: Client,
  parameters: GetSymbolConfigParameters = {},
): Promise<GetSymbolConfigReturnType> {
  requireMarket(client, 'usdm', 'getSymbolConfig');
  return client.request<SymbolConfig[]>({
    method: 'GET',
    path: '/fapi/v1/symbolConfig',
    params: { symbol: parameters.symbol },
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
