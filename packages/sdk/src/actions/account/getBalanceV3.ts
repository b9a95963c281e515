import type { BalanceV3 } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getBalanceV3}: only `recvWindow`. */
export type GetBalanceV3Parameters = SignedParameters;

/** One row per asset: `balance`, `crossWalletBalance`, `availableBalance`, `maxWithdrawAmount`, ... */
export type GetBalanceV3ReturnType = BalanceV3[];

/** What {@link getBalanceV3} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetBalanceV3ErrorType = RequestErrorType;

/**
 * Reads the balances: `GET /fapi/v3/balance` (USD-M, `USER_DATA`, signed). Weight 5.
 *
 * Amounts are Binance's decimal strings; parse them with core's `Decimal`, never with `Number`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getBalanceV3
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Futures-Account-Balance-V3
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `recvWindow` to override the client's.
 * @returns One row per asset.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getBalanceV3 } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const usdt = (await getBalanceV3(client)).find((row) => row.asset === 'USDT');
 */
export async function getBalanceV3(
  client: Client,
  parameters: GetBalanceV3Parameters = {},
): Promise<GetBalanceV3ReturnType> {
  requireMarket(client, 'usdm', 'getBalanceV3');
  return client.request<BalanceV3[]>({
    method: 'GET',
    path: '/fapi/v3/balance',
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
