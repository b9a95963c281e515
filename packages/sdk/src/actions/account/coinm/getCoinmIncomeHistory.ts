import type { GetIncomeParams, Income } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { requestIncomeHistory } from '../incomeHistory.js';
import type { SignedParameters } from '../signed.js';

/** Parameters of {@link getCoinmIncomeHistory}: `symbol`, `incomeType`, `startTime`, `endTime`, `page`, `limit`, and `recvWindow`. */
export type GetCoinmIncomeHistoryParameters = GetIncomeParams & SignedParameters;

/**
 * Income rows, oldest first, with the USD-M fields (`symbol`, `incomeType`, `income`, `asset`,
 * `info`, `time`, `tranId`, `tradeId`); `income` is in the coin of `asset`.
 */
export type GetCoinmIncomeHistoryReturnType = Income[];

/** What {@link getCoinmIncomeHistory} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetCoinmIncomeHistoryErrorType = RequestErrorType;

/**
 * Reads the COIN-M income history: `GET /dapi/v1/income` (`USER_DATA`, signed). Weight 20.
 *
 * Without a time range the last 7 days are returned. `tranId` may exceed 2^53 and then arrives as a
 * `bigint`; amounts are Binance's decimal strings.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmIncomeHistory
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/account/rest-api/Get-Income-History
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol`, `incomeType`, `startTime`, `endTime`, `page`, `limit`, and `recvWindow` to override the client's.
 * @returns Income rows, oldest first.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmIncomeHistory } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const funding = await getCoinmIncomeHistory(client, { incomeType: 'FUNDING_FEE', limit: 100 });
 */
export async function getCoinmIncomeHistory(
  client: Client,
  parameters: GetCoinmIncomeHistoryParameters = {},
): Promise<GetCoinmIncomeHistoryReturnType> {
  requireMarket(client, 'coinm', 'getCoinmIncomeHistory');
  return requestIncomeHistory(client, parameters, { path: '/dapi/v1/income', weight: 20 });
}
