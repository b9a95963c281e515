import type { CancelAllOpenOrdersParams, CodeMsgAck } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { UnknownOrderStatusErrorType } from '../../orders/errors.js';
import { recvWindowOf, type SignedParameters } from '../account/signed.js';
import { cancelAllOpenOrdersOf } from './cancelCalls.js';
import { getOpenOrders } from './getOpenOrders.js';

/** Parameters of {@link cancelAllOpenOrders}: `symbol`, `recvWindow`, and `reconcile` (default true). */
export type CancelAllOpenOrdersParameters = CancelAllOpenOrdersParams &
  SignedParameters & {
    /** Reconcile an unknown outcome by listing the open orders (default true). */
    readonly reconcile?: boolean;
  };

/** `{ code: 200, msg: "The operation of cancel all open order is done." }`. */
export type CancelAllOpenOrdersReturnType = CodeMsgAck;

/** What {@link cancelAllOpenOrders} may reject with. */
export type CancelAllOpenOrdersErrorType = RequestErrorType | UnknownOrderStatusErrorType;

/**
 * Cancels every open order of a symbol: `DELETE /fapi/v1/allOpenOrders` (USD-M, `TRADE`, signed).
 * Weight 1. Algo orders are untouched (`cancelAllAlgoOpenOrders`).
 *
 * On an unknown outcome the open orders are listed: none left settles the call; otherwise the
 * cancel-all is sent again (it is idempotent), within the reconciliation bound.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/cancelAllOpenOrders
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Cancel-All-Open-Orders
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, and `recvWindow` to override the client's.
 * @returns Binance's acknowledgement.
 * @throws UnknownOrderStatusError after the reconciliation bound; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { cancelAllOpenOrders, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * await cancelAllOpenOrders(client, { symbol: 'BTCUSDT' });
 */
export async function cancelAllOpenOrders(
  client: Client,
  parameters: CancelAllOpenOrdersParameters,
): Promise<CancelAllOpenOrdersReturnType> {
  return cancelAllOpenOrdersOf(client, 'usdm', 'cancelAllOpenOrders', parameters, () =>
    getOpenOrders(client, { symbol: parameters.symbol, ...recvWindowOf(parameters) }),
  );
}
