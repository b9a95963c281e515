import type {
  AlgoOrder,
  AlgoOrderDetail,
  CancelAlgoOrderParams,
  CancelAlgoOrderResponse,
  CancelAllAlgoOpenOrdersParams,
  CodeMsgAck,
  GetAlgoOrderParams,
  GetAllAlgoOrdersParams,
  GetOpenAlgoOrdersParams,
} from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import { apiPrefix, type Market } from '../../clients/environments.js';
import { OrderClosedError } from '../../orders/errors.js';
import { orderLayerOf } from '../../orders/orderLayer.js';
import { type OrderInput, type OrderLayerCallOptions, prepareOrder } from '../../orders/prepare.js';
import { cancelReconciled, placeReconciled } from '../../orders/reconcile.js';
import { recvWindowOf, type SignedParameters } from '../account/signed.js';
import { requireMarket } from '../requireMarket.js';
import { type CancelOptions, cancelEverythingOf, cancelOptions } from '../trade/cancelCalls.js';
import { reconcileContext, recvWindowCall } from '../trade/orderCalls.js';

// The algo-service calls shared by the USD-M algo actions and their COIN-M twins (COIN-M's
// conditional orders moved to `/dapi/v1/algoOrder` with the CM/UM integration of 2026-06-30, with
// USD-M's parameters and answers): one body each, parameterized by the market (its path prefix and
// ORDERS counts) and the action's name. Not exported from the package.

/** `algoId` (as decimal digits) and `clientAlgoId`, whichever are given. */
function algoRef(parameters: {
  readonly algoId?: CancelAlgoOrderParams['algoId'];
  readonly clientAlgoId?: string | undefined;
}) {
  return {
    algoId: parameters.algoId === undefined ? undefined : String(parameters.algoId),
    clientAlgoId: parameters.clientAlgoId,
  };
}

/** A queried algo order in the placement response's shape. */
export function asAlgoOrder(detail: AlgoOrderDetail): AlgoOrder {
  return { ...detail, activatePrice: detail.activatePrice ?? '', callbackRate: detail.callbackRate ?? '' };
}

/** `GET {prefix}/v1/algoOrder` of `market` for one algo order (weight 1). */
export async function getAlgoOrderOf(
  client: Client,
  market: Market,
  action: string,
  parameters: GetAlgoOrderParams & SignedParameters,
): Promise<AlgoOrderDetail> {
  requireMarket(client, market, action);
  return client.request<AlgoOrderDetail>({
    method: 'GET',
    path: `${apiPrefix(market)}/v1/algoOrder`,
    params: algoRef(parameters),
    security: 'USER_DATA',
    weight: 1,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}

/** `GET {prefix}/v1/openAlgoOrders` of `market` (weight 1 with a symbol, 40 without). */
export async function getOpenAlgoOrdersOf(
  client: Client,
  market: Market,
  action: string,
  parameters: GetOpenAlgoOrdersParams & SignedParameters,
): Promise<AlgoOrderDetail[]> {
  requireMarket(client, market, action);
  return client.request<AlgoOrderDetail[]>({
    method: 'GET',
    path: `${apiPrefix(market)}/v1/openAlgoOrders`,
    params: {
      algoType: parameters.algoType,
      symbol: parameters.symbol,
      algoId: parameters.algoId === undefined ? undefined : String(parameters.algoId),
    },
    security: 'USER_DATA',
    weight: parameters.symbol === undefined ? 40 : 1,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}

/** `GET {prefix}/v1/allAlgoOrders` of `market` (weight 5). */
export async function getAllAlgoOrdersOf(
  client: Client,
  market: Market,
  action: string,
  parameters: GetAllAlgoOrdersParams & SignedParameters,
): Promise<AlgoOrderDetail[]> {
  requireMarket(client, market, action);
  return client.request<AlgoOrderDetail[]>({
    method: 'GET',
    path: `${apiPrefix(market)}/v1/allAlgoOrders`,
    params: {
      symbol: parameters.symbol,
      algoId: parameters.algoId === undefined ? undefined : String(parameters.algoId),
      startTime: parameters.startTime,
      endTime: parameters.endTime,
      limit: parameters.limit,
    },
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}

/**
 * `POST {prefix}/v1/algoOrder` of `market`, prepared by the order layer and reconciled by
 * `clientAlgoId` through `GET {prefix}/v1/algoOrder` (see `newAlgoOrder`). Weight 0; 1 ORDERS
 * count (COIN-M has no 10-second count).
 */
export async function newAlgoOrderOf(
  client: Client,
  market: Market,
  action: string,
  parameters: OrderInput & OrderLayerCallOptions,
): Promise<AlgoOrder> {
  requireMarket(client, market, action);
  const layer = orderLayerOf(client);
  const prepared = await prepareOrder(client, layer, parameters, 'algo', parameters);
  const call = {
    method: 'POST',
    path: `${apiPrefix(market)}/v1/algoOrder`,
    params: prepared.params,
    security: 'TRADE',
    weight: 0,
    orders: { tenSeconds: market === 'coinm' ? 0 : 1, minute: 1 },
    kind: 'order',
    ...recvWindowCall(parameters),
  } as const;
  return placeReconciled(reconcileContext(client, layer, action, parameters), {
    clientOrderId: prepared.clientOrderId,
    send: () => client.request<AlgoOrder>(call),
    lookup: async () =>
      asAlgoOrder(
        await getAlgoOrderOf(client, market, action, {
          clientAlgoId: prepared.clientOrderId,
          ...recvWindowCall(parameters),
        }),
      ),
  });
}

/** `DELETE {prefix}/v1/algoOrder` of `market`, reconciled by querying the algo order (see `cancelAlgoOrder`). */
export async function cancelAlgoOrderOf(
  client: Client,
  market: Market,
  action: string,
  parameters: CancelAlgoOrderParams & CancelOptions,
): Promise<CancelAlgoOrderResponse> {
  requireMarket(client, market, action);
  const call = {
    method: 'DELETE',
    path: `${apiPrefix(market)}/v1/algoOrder`,
    params: algoRef(parameters),
    security: 'TRADE',
    weight: 1,
    kind: 'cancel',
    ...recvWindowOf(parameters),
  } as const;
  return cancelReconciled<CancelAlgoOrderResponse, AlgoOrderDetail>(
    reconcileContext(client, orderLayerOf(client), action, cancelOptions(parameters)),
    {
      clientOrderId: parameters.clientAlgoId,
      send: () => client.request<CancelAlgoOrderResponse>(call),
      lookup: () => getAlgoOrderOf(client, market, action, parameters),
      state: (algo) =>
        algo.algoStatus === 'CANCELED' ? 'canceled' : algo.algoStatus === 'NEW' ? 'open' : 'closed',
      settle: (algo, state) => {
        if (state === 'closed') {
          throw new OrderClosedError({
            status: algo.algoStatus,
            order: algo,
            what: `Algo order ${String(algo.algoId)}`,
          });
        }
        return { algoId: algo.algoId, clientAlgoId: algo.clientAlgoId, code: '200', msg: 'success' };
      },
    },
  );
}

/**
 * `DELETE {prefix}/v1/algoOpenOrders` of `market`, reconciled by listing the open algo orders (see
 * `cancelAllAlgoOpenOrders`).
 */
export function cancelAllAlgoOpenOrdersOf(
  client: Client,
  market: Market,
  action: string,
  parameters: CancelAllAlgoOpenOrdersParams & CancelOptions,
): Promise<CodeMsgAck> {
  return cancelEverythingOf(client, market, action, parameters, 'algoOpenOrders', () =>
    getOpenAlgoOrdersOf(client, market, action, { symbol: parameters.symbol, ...recvWindowOf(parameters) }),
  );
}
