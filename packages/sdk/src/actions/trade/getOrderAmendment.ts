import type { GetOrderAmendmentParams, OrderAmendment } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { SignedParameters } from '../account/signed.js';
import { getOrderAmendmentOf } from './readCalls.js';

/** Parameters of {@link getOrderAmendment}: `symbol`, `orderId` or `origClientOrderId`, `startTime`, `endTime`, `limit`, and `recvWindow`. */
export type GetOrderAmendmentParameters = GetOrderAmendmentParams & SignedParameters;

/** The modifications. */
export type GetOrderAmendmentReturnType = OrderAmendment[];

/** What {@link getOrderAmendment} may reject with. */
export type GetOrderAmendmentErrorType = RequestErrorType;

/**
 * Lists the modifications of an order: `GET /fapi/v1/orderAmendment` (USD-M, `USER_DATA`, signed). Weight 1.
 *
 * Each row gives the price and quantity before and after, newest first; `limit` 50 by default, 100 at most.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getOrderAmendment
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Get-Order-Modify-History
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, `orderId` or `origClientOrderId`, `startTime`, `endTime`, `limit`, and `recvWindow` to override the client's.
 * @returns The modifications.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getOrderAmendment } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const history = await getOrderAmendment(client, { symbol: 'BTCUSDT', orderId: 20072994037 });
 */
export async function getOrderAmendment(
  client: Client,
  parameters: GetOrderAmendmentParameters,
): Promise<GetOrderAmendmentReturnType> {
  return getOrderAmendmentOf(client, 'usdm', 'getOrderAmendment', parameters);
}
