import type { AlgoOrderDetail, GetAllAlgoOrdersParams } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { SignedParameters } from '../account/signed.js';
import { getAllAlgoOrdersOf } from './algoCalls.js';

/** Parameters of {@link getAllAlgoOrders}: `symbol`, `algoId`, `startTime`, `endTime`, `limit`, and `recvWindow`. */
export type GetAllAlgoOrdersParameters = GetAllAlgoOrdersParams & SignedParameters;

/** The symbol's algo orders in every status, oldest first. */
export type GetAllAlgoOrdersReturnType = AlgoOrderDetail[];

/** What {@link getAllAlgoOrders} may reject with. */
export type GetAllAlgoOrdersErrorType = RequestErrorType;

/**
 * Lists algo orders of a symbol, open and closed: `GET /fapi/v1/allAlgoOrders` (USD-M, `USER_DATA`,
 * signed). Weight 5. The window is under 7 days.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getAllAlgoOrders
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Query-All-Algo-Orders
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, `algoId` (from this id on), `startTime`, `endTime`, `limit`, and `recvWindow`.
 * @returns The algo orders.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getAllAlgoOrders } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const history = await getAllAlgoOrders(client, { symbol: 'BTCUSDT', limit: 100 });
 */
export async function getAllAlgoOrders(
  client: Client,
  parameters: GetAllAlgoOrdersParameters,
): Promise<GetAllAlgoOrdersReturnType> {
  return getAllAlgoOrdersOf(client, 'usdm', 'getAllAlgoOrders', parameters);
}
