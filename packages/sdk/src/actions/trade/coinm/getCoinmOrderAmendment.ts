import type { GetOrderAmendmentParams, OrderAmendment } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type { SignedParameters } from '../../account/signed.js';
import { getOrderAmendmentOf } from '../readCalls.js';

/** Parameters of {@link getCoinmOrderAmendment}: `symbol`, `orderId` or `origClientOrderId`, `startTime`, `endTime`, `limit`, and `recvWindow`. */
export type GetCoinmOrderAmendmentParameters = GetOrderAmendmentParams & SignedParameters;

/** The modifications. */
export type GetCoinmOrderAmendmentReturnType = OrderAmendment[];

/** What {@link getCoinmOrderAmendment} may reject with. */
export type GetCoinmOrderAmendmentErrorType = RequestErrorType;

/**
 * Lists the modifications of an order: `GET /dapi/v1/orderAmendment` (COIN-M, `USER_DATA`, signed). Weight 1.
 *
 * Each row gives the price and quantity before and after, newest first; `limit` 50 by default, 100 at most.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/getCoinmOrderAmendment
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Get-Order-Modify-History
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol`, `orderId` or `origClientOrderId`, `startTime`, `endTime`, `limit`, and `recvWindow` to override the client's.
 * @returns The modifications.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmOrderAmendment } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const history = await getCoinmOrderAmendment(client, { symbol: 'BTCUSD_PERP', orderId: 20072994037 });
 */
export async function getCoinmOrderAmendment(
  client: Client,
  parameters: GetCoinmOrderAmendmentParameters,
): Promise<GetCoinmOrderAmendmentReturnType> {
  return getOrderAmendmentOf(client, 'coinm', 'getCoinmOrderAmendment', parameters);
}
