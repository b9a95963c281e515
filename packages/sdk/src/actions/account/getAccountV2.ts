import type { AccountV2 } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getAccountV2}: only `recvWindow`. */
export type GetAccountV2Parameters = SignedParameters;

/** Account totals, fee tier and permissions, per-asset balances (with `marginAvailable`) and a position row for **every** symbol (BOTH in one-way mode, LONG and SHORT in hedge mode). */
export type GetAccountV2ReturnType = AccountV2;

/** What {@link getAccountV2} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetAccountV2ErrorType = RequestErrorType;

/**
 * Reads the account, v2 shape: `GET /fapi/v2/account` (USD-M, `USER_DATA`, signed). Weight 5.
 *
 * Prefer `getAccountV3` (positions with an amount or open orders only) with `getAccountConfig` and
 * `getSymbolConfig`; v2 is kept for callers that read `feeTier`, `canTrade` or per-symbol `leverage` here.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getAccountV2
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Account-Information-V2
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `recvWindow` to override the client's.
 * @returns Account totals, fee tier and permissions, per-asset balances (with `marginAvailable`) and a position row for **every** symbol (BOTH in one-way mode, LONG and SHORT in hedge mode).
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getAccountV2 } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const { feeTier, positions } = await getAccountV2(client);
 */
export async function getAccountV2(
  client: Client,
  parameters: GetAccountV2Parameters = {},
): Promise<GetAccountV2ReturnType> {
  requireMarket(client, 'usdm', 'getAccountV2');
  return client.request<AccountV2>({
    method: 'GET',
    path: '/fapi/v2/account',
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
