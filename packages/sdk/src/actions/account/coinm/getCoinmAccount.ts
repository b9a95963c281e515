import type { CoinmAccount } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { recvWindowOf, type SignedParameters } from '../signed.js';

/** Parameters of {@link getCoinmAccount}: only `recvWindow`. */
export type GetCoinmAccountParameters = SignedParameters;

/**
 * Per-coin balances, position rows (BOTH, LONG and SHORT in hedge mode) with `maxQty` and
 * `notionalValue`, fee tier and permissions.
 */
export type GetCoinmAccountReturnType = CoinmAccount;

/** What {@link getCoinmAccount} may reject with. */
export type GetCoinmAccountErrorType = RequestErrorType;

/**
 * Reads the COIN-M account: `GET /dapi/v1/account` (`USER_DATA`, signed; v1 only). Weight 5.
 *
 * Balances are in each coin; positions count contracts.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmAccount
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/account/rest-api/Account-Information
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - only `recvWindow`.
 * @returns Per-coin balances, position rows (BOTH, LONG and SHORT in hedge mode) with `maxQty` and.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmAccount } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const { assets } = await getCoinmAccount(client);
 */
export async function getCoinmAccount(
  client: Client,
  parameters: GetCoinmAccountParameters = {},
): Promise<GetCoinmAccountReturnType> {
  requireMarket(client, 'coinm', 'getCoinmAccount');
  return client.request<CoinmAccount>({
    method: 'GET',
    path: '/dapi/v1/account',
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
