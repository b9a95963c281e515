import type { OrderRef } from '../../venue/cancelOrder.js';
import { missingEither, type ParamReader } from '../params.js';

/** `orderId` or `origClientOrderId` (the id wins when both are sent); -1102 when neither is. */
export function parseOrderRef(p: ParamReader): OrderRef {
  const orderId = p.id('orderId');
  const clientOrderId = p.string('origClientOrderId');
  if (orderId === undefined && clientOrderId === undefined)
    throw missingEither('orderId', 'origClientOrderId');
  return orderId === undefined ? { clientOrderId } : { orderId };
}
