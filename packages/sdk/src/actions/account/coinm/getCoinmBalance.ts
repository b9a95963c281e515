import type { CoinmBalance } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { recvWindowOf, type SignedParameters } from '../signed.js';

/** Parameters of {@link getCoinmBalance}: only `recvWindow`. */
export type GetCoinmBalanceParameters = SignedParameters;

/**
 * One row per coin: `balance`, `withdrawAvailable`, `crossWalletBalance`, `availableBalance`, ...
 */
export type GetCoinmBalanceReturnType = CoinmBalance[];

/** What {@link getCoinmBalance} may reject with. */
export type GetCoinmBalanceErrorType = RequestErrorType;

/**
 * Reads the COIN-M balances: `GET /dapi/v1/balance` (`USER_DATA`, signed). Weight 1.
 *
 * `withdrawAvailable` replaces USD-M's `maxWithdrawAmount`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmBalance
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/account/rest-api/Futures-Account-Balance
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - only `recvWindow`.
 * @returns One row per coin: `balance`, `withdrawAvailable`, `crossWalletBalance`, `availableBalance`, .
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmBalance } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const btc = (await getCoinmBalance(client)).find((row) => row.asset === 'BTC');
 */
export async function getCoinmBalance(
  client: Client,
  parameters: GetCoinmBalanceParameters = {},
): Promise<GetCoinmBalanceReturnType> {
  requireMarket(client, 'coinm', 'getCoinmBalance');
  return client.request<CoinmBalance[]>({
    method: 'GET',
    path: '/dapi/v1/balance',
    security: 'USER_DATA',
    weight: 1,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
