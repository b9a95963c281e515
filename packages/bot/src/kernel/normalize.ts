import { Decimal } from '@basis/core';
import type { NormalizedAlgoOrder, NormalizedModify, NormalizedOrder } from '../execution/executionClient.js';
import type { AlgoOrderRequest, ModifyRequest, OrderRequest } from '../execution/requests.js';

/** Turns a strategy's request into exact decimals; throws (DecimalError, RangeError) on bad input. */
export function normalizeOrder(request: OrderRequest, clientOrderId: string): NormalizedOrder {
  const quantity = Decimal.from(request.quantity);
  if (!quantity.isPositive()) throw new RangeError(`quantity must be positive, got ${quantity}`);
  if (request.type === 'LIMIT' && request.price === undefined)
    throw new RangeError('a LIMIT order needs a price');
  return {
    symbol: request.symbol,
    side: request.side,
    type: request.type,
    quantity,
    price: request.price === undefined || request.type === 'MARKET' ? undefined : Decimal.from(request.price),
    timeInForce: request.type === 'LIMIT' ? (request.timeInForce ?? 'GTC') : undefined,
    reduceOnly: request.reduceOnly ?? false,
    clientOrderId,
  };
}

export function normalizeModify(request: ModifyRequest): NormalizedModify {
  return {
    symbol: request.symbol,
    clientOrderId: request.clientOrderId,
    side: request.side,
    quantity: Decimal.from(request.quantity),
    price: Decimal.from(request.price),
  };
}

const optional = (value: AlgoOrderRequest['price']): Decimal | undefined =>
  value === undefined ? undefined : Decimal.from(value);

export function normalizeAlgo(request: AlgoOrderRequest, clientAlgoId: string): NormalizedAlgoOrder {
  if (request.quantity === undefined && request.closePosition !== true) {
    throw new RangeError('an algo order needs a quantity or closePosition');
  }
  return {
    symbol: request.symbol,
    side: request.side,
    type: request.type,
    quantity: optional(request.quantity),
    price: optional(request.price),
    triggerPrice: optional(request.triggerPrice),
    closePosition: request.closePosition ?? false,
    reduceOnly: request.reduceOnly ?? false,
    workingType: request.workingType,
    callbackRate: optional(request.callbackRate),
    activatePrice: optional(request.activatePrice),
    clientAlgoId,
  };
}
