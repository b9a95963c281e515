import type { AccountConfig } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getAccountConfig}: only `recvWindow`. */
export type GetAccountConfigParameters = SignedParameters;

/** Fee tier, permissions, position mode (`dualSidePosition`) and multi-assets mode. */
export type GetAccountConfigReturnType = AccountConfig;

/** What {@link getAccountConfig} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetAccountConfigErrorType = RequestErrorType;

/**
 * Reads the account configuration: `GET /fapi/v1/accountConfig` (USD-M, `USER_DATA`, signed). Weight 5.
 *
 * The account-level settings that `/fapi/v3/account` no longer carries.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getAccountConfig
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Account-Config
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `recvWindow` to override the client's.
 * @returns Fee tier, permissions, position mode (`dualSidePosition`) and multi-assets mode.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getAccountConfig } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const { dualSidePosition, multiAssetsMargin } = await getAccountConfig(client);
 */
export async function getAccountConfig(
  client: Client,
  parameters: GetAccountConfigParameters = {},
): Promise<GetAccountConfigReturnType> {
  requireMarket(client, 'usdm', 'getAccountConfig');
  return client.request<AccountConfig>({
    method: 'GET',
    path: '/fapi/v1/accountConfig',
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
