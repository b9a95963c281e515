import type { AlgoOrderDetail, CancelAllAlgoOpenOrdersParams, CodeMsgAck } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { UnknownOrderStatusErrorType } from '../../orders/errors.js';
import { orderLayerOf } from '../../orders/orderLayer.js';
import { cancelReconciled } from '../../orders/reconcile.js';
import { recvWindowOf, type SignedParameters } from '../account/signed.js';
import { requireMarket } from '../requireMarket.js';
import { reconcileContext } from '../trade/orderCalls.js';
import { getOpenAlgoOrders } from './getOpenAlgoOrders.js';

/** Parameters of {@link cancelAllAlgoOpenOrders}: `symbol`, `recvWindow`, and `reconcile` (default true). */
export type CancelAllAlgoOpenOrdersParameters = CancelAllAlgoOpenOrdersParams &
  SignedParameters & {
    /** Reconcile an unknown outcome by listing the open algo orders (default true). */
    readonly reconcile?: boolean;
  };

/** `{ code: 200, msg: "The operation of cancel all open order is done." }`. */
export type CancelAllAlgoOpenOrdersReturnType = CodeMsgAck;

/** What {@link cancelAllAlgoOpenOrders} may reject with. */
export type CancelAllAlgoOpenOrdersErrorType = RequestErrorType | UnknownOrderStatusErrorType;

/**
 * Cancels every open algo order of a symbol: `DELETE /fapi/v1/algoOpenOrders` (USD-M, `TRADE`,
 * signed). Weight 1. Regular orders are untouched (`cancelAllOpenOrders`).
 *
 * On an unknown outcome the open algo orders are listed: none left settles the call; otherwise the
 * cancel-all is sent again (it is idempotent), within the reconciliation bound.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/cancelAllAlgoOpenOrders
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Cancel-All-Algo-Open-Orders
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, and `recvWindow` to override the client's.
 * @returns Binance's acknowledgement.
 * @throws UnknownOrderStatusError after the reconciliation bound; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { cancelAllAlgoOpenOrders, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * await cancelAllAlgoOpenOrders(client, { symbol: 'BTCUSDT' });
 */
export async function cancelAllAlgoOpenOrders(
  client: Client,
  parameters: CancelAllAlgoOpenOrdersParameters,
): Promise<CancelAllAlgoOpenOrdersReturnType> {
  requireMarket(client, 'usdm', 'cancelAllAlgoOpenOrders');
  const call = {
    method: 'DELETE',
    path: '/fapi/v1/algoOpenOrders',
    params: { symbol: parameters.symbol },
    security: 'TRADE',
    weight: 1,
    kind: 'cancel',
    ...recvWindowOf(parameters),
  } as const;
  const options = {
    ...(parameters.reconcile === undefined ? {} : { reconcile: parameters.reconcile }),
    ...recvWindowOf(parameters),
  };
  return cancelReconciled<CodeMsgAck, AlgoOrderDetail[]>(
    reconcileContext(client, orderLayerOf(client), 'cancelAllAlgoOpenOrders', options),
    {
      clientOrderId: undefined,
      send: () => client.request<CodeMsgAck>(call),
      lookup: () => getOpenAlgoOrders(client, { symbol: parameters.symbol, ...recvWindowOf(parameters) }),
      state: (open) => (open.length === 0 ? 'canceled' : 'open'),
      settle: () => ({ code: 200, msg: 'The operation of cancel all open order is done.' }),
    },
  );
}
