import type { GetIncomeParams, Income } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { requestIncomeHistory } from './incomeHistory.js';
import type { SignedParameters } from './signed.js';

/** Parameters of {@link getIncomeHistory}: `symbol`, `incomeType`, `startTime`, `endTime`, `page`, `limit`, and `recvWindow`. */
export type GetIncomeHistoryParameters = GetIncomeParams & SignedParameters;

/** Income rows (transfers, realized PnL, funding fees, commissions, ...), oldest first. */
export type GetIncomeHistoryReturnType = Income[];

/** What {@link getIncomeHistory} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetIncomeHistoryErrorType = RequestErrorType;

/**
 * Reads the income history: `GET /fapi/v1/income` (USD-M, `USER_DATA`, signed). Weight 30.
 *
 * Without a time range the last 7 days are returned; Binance keeps 3 months. `tranId` may exceed
 * 2^53 and then arrives as a `bigint`; `tradeId` is a string ("" when not trade-related).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getIncomeHistory
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Get-Income-History
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, `incomeType`, `startTime`, `endTime`, `page`, `limit`, and `recvWindow` to override the client's.
 * @returns Income rows (transfers, realized PnL, funding fees, commissions, ...), oldest first.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getIncomeHistory } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const funding = await getIncomeHistory(client, { incomeType: 'FUNDING_FEE', limit: 100 });
 */
export async function getIncomeHistory(
  client: Client,
  parameters: GetIncomeHistoryParameters = {},
): Promise<GetIncomeHistoryReturnType> {
  requireMarket(client, 'usdm', 'getIncomeHistory');
  return requestIncomeHistory(client, parameters, { path: '/fapi/v1/income', weight: 30 });
}
