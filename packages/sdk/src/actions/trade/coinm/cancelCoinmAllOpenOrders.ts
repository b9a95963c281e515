import type { CancelAllOpenOrdersParams, CodeMsgAck } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type { UnknownOrderStatusErrorType } from '../../../orders/errors.js';
import { recvWindowOf, type SignedParameters } from '../../account/signed.js';
import { cancelAllOpenOrdersOf } from '../cancelCalls.js';
import { getCoinmOpenOrders } from './getCoinmOpenOrders.js';

/** Parameters of {@link cancelCoinmAllOpenOrders}: `symbol`, `recvWindow`, and `reconcile` (default true). */
export type CancelCoinmAllOpenOrdersParameters = CancelAllOpenOrdersParams &
  SignedParameters & {
    /** Reconcile an unknown outcome by listing the open orders (default true). */
    readonly reconcile?: boolean;
  };

/** `{ code: 200, msg: "The operation of cancel all open order is done." }`. */
export type CancelCoinmAllOpenOrdersReturnType = CodeMsgAck;

/** What {@link cancelCoinmAllOpenOrders} may reject with. */
export type CancelCoinmAllOpenOrdersErrorType = RequestErrorType | UnknownOrderStatusErrorType;

/**
 * Cancels every open order of a symbol: `DELETE /dapi/v1/allOpenOrders` (COIN-M, `TRADE`, signed).
 * Weight 1.
 *
 * On an unknown outcome the open orders are listed: none left settles the call; otherwise the
 * cancel-all is sent again (it is idempotent), within the reconciliation bound.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/cancelCoinmAllOpenOrders
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Cancel-All-Open-Orders
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol`, and `recvWindow` to override the client's.
 * @returns Binance's acknowledgement.
 * @throws UnknownOrderStatusError after the reconciliation bound; ClientConfigError on a USD-M client.
 *
 * @example
 * import { cancelCoinmAllOpenOrders, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * await cancelCoinmAllOpenOrders(client, { symbol: 'BTCUSD_PERP' });
 */
export async function cancelCoinmAllOpenOrders(
  client: Client,
  parameters: CancelCoinmAllOpenOrdersParameters,
): Promise<CancelCoinmAllOpenOrdersReturnType> {
  return cancelAllOpenOrdersOf(client, 'coinm', 'cancelCoinmAllOpenOrders', parameters, () =>
    getCoinmOpenOrders(client, { symbol: parameters.symbol, ...recvWindowOf(parameters) }),
  );
}
