import type { AccountV3 } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';

/** Parameters of {@link getAccountV3}. */
export interface GetAccountV3Parameters {
  /** `recvWindow` for this call, ms (default: the client's). */
  readonly recvWindow?: number;
}

/** Account totals, per-asset balances, and positions with an amount or open orders. */
export type GetAccountV3ReturnType = AccountV3;

/** What {@link getAccountV3} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetAccountV3ErrorType = RequestErrorType;

/**
 * Reads the account: `GET /fapi/v3/account` (USD-M, `USER_DATA`, signed). Weight 5.
 *
 * Balances and amounts are Binance's decimal strings; parse them with core's `Decimal`, never with
 * `Number`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getAccountV3
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Account-Information-V3
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `recvWindow` to override the client's.
 * @returns The account.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getAccountV3 } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const account = await getAccountV3(client);
 * console.log(account.availableBalance);
 */
export async function getAccountV3(
  client: Client,
  parameters: GetAccountV3Parameters = {},
): Promise<GetAccountV3ReturnType> {
  requireMarket(client, 'usdm', 'getAccountV3');
  return client.request<AccountV3>({
    method: 'GET',
    path: '/fapi/v3/account',
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...(parameters.recvWindow === undefined ? {} : { recvWindow: parameters.recvWindow }),
  });
}
