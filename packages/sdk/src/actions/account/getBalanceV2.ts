import type { BalanceV2 } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getBalanceV2}: only `recvWindow`. */
export type GetBalanceV2Parameters = SignedParameters;

/** One row per asset: `balance`, `crossWalletBalance`, `availableBalance`, `maxWithdrawAmount`, ... */
export type GetBalanceV2ReturnType = BalanceV2[];

/** What {@link getBalanceV2} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetBalanceV2ErrorType = RequestErrorType;

/**
 * Reads the balances, v2: `GET /fapi/v2/balance` (USD-M, `USER_DATA`, signed). Weight 5.
 *
 * Same rows as `getBalanceV3`; kept for callers of the older path.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getBalanceV2
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Futures-Account-Balance-V2
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `recvWindow` to override the client's.
 * @returns One row per asset.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getBalanceV2 } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const usdt = (await getBalanceV2(client)).find((row) => row.asset === 'USDT');
 */
export async function getBalanceV2(
  client: Client,
  parameters: GetBalanceV2Parameters = {},
): Promise<GetBalanceV2ReturnType> {
  requireMarket(client, 'usdm', 'getBalanceV2');
  return client.request<BalanceV2[]>({
    method: 'GET',
    path: '/fapi/v2/balance',
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
