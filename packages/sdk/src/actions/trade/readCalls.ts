import type {
  CountdownCancelAllParams,
  CountdownCancelAllResponse,
  GetForceOrdersParams,
  GetOrderAmendmentParams,
  GetOrderParams,
  OrderAmendment,
} from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import { apiPrefix, type Market } from '../../clients/environments.js';
import { recvWindowOf, type SignedParameters } from '../account/signed.js';
import { requireMarket } from '../requireMarket.js';
import { identityParams } from './orderCalls.js';

// The plain signed calls shared by the USD-M actions and their COIN-M twins: one body each,
// parameterized by the market (its path prefix) and the action's name, generic over the market's
// wire type. Not exported from the package.

/** `GET {prefix}/v1/order` or `GET {prefix}/v1/openOrder` of `market` for one order (weight 1). */
export async function getOrderOf<O>(
  client: Client,
  market: Market,
  action: string,
  endpoint: 'order' | 'openOrder',
  parameters: GetOrderParams & SignedParameters,
): Promise<O> {
  requireMarket(client, market, action);
  return client.request<O>({
    method: 'GET',
    path: `${apiPrefix(market)}/v1/${endpoint}`,
    params: { symbol: parameters.symbol, ...identityParams(parameters) },
    security: 'USER_DATA',
    weight: 1,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}

/** `GET {prefix}/v1/orderAmendment` of `market` (weight 1). */
export async function getOrderAmendmentOf(
  client: Client,
  market: Market,
  action: string,
  parameters: GetOrderAmendmentParams & SignedParameters,
): Promise<OrderAmendment[]> {
  requireMarket(client, market, action);
  return client.request<OrderAmendment[]>({
    method: 'GET',
    path: `${apiPrefix(market)}/v1/orderAmendment`,
    params: {
      symbol: parameters.symbol,
      ...identityParams(parameters),
      startTime: parameters.startTime,
      endTime: parameters.endTime,
      limit: parameters.limit,
    },
    security: 'USER_DATA',
    weight: 1,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}

/** `GET {prefix}/v1/forceOrders` of `market` (weight 20 with a symbol, 50 without). */
export async function getForceOrdersOf<O>(
  client: Client,
  market: Market,
  action: string,
  parameters: GetForceOrdersParams & SignedParameters,
): Promise<O[]> {
  requireMarket(client, market, action);
  return client.request<O[]>({
    method: 'GET',
    path: `${apiPrefix(market)}/v1/forceOrders`,
    params: {
      symbol: parameters.symbol,
      autoCloseType: parameters.autoCloseType,
      startTime: parameters.startTime,
      endTime: parameters.endTime,
      limit: parameters.limit,
    },
    security: 'USER_DATA',
    weight: parameters.symbol === undefined ? 50 : 20,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}

/** `POST {prefix}/v1/countdownCancelAll` of `market` (weight 10, idempotent). */
export async function countdownCancelAllOf(
  client: Client,
  market: Market,
  action: string,
  parameters: CountdownCancelAllParams & SignedParameters,
): Promise<CountdownCancelAllResponse> {
  requireMarket(client, market, action);
  return client.request<CountdownCancelAllResponse>({
    method: 'POST',
    path: `${apiPrefix(market)}/v1/countdownCancelAll`,
    params: { symbol: parameters.symbol, countdownTime: parameters.countdownTime },
    security: 'TRADE',
    weight: 10,
    kind: 'write',
    idempotent: true,
    ...recvWindowOf(parameters),
  });
}
