import type { BatchOrderResult, BatchResult } from '@basis/core';
import type { OrderRecord } from '../../venue/orderRecord.js';
import type { Venue } from '../../venue/venue.js';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint, type RequestContext } from '../endpoint.js';
import { missingEither, ParamReader, type RawParams } from '../params.js';
import { batchItem } from './batchItems.js';

/** `DELETE /fapi/v1/batchOrders` — cancel up to 10 orders by `orderIdList` or `origClientOrderIdList`. */
export const cancelBatchOrders = defineEndpoint<BatchOrderResult[]>({
  name: 'cancelBatchOrders',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
    return cancelNamedOrders(venue, context, params).map((r) =>
      'code' in r ? r : venue.orderView(r, { withCumQty: true }),
    );
  },
});

/**
 * Cancels the orders of `symbol` in `orderIdList` (or `origClientOrderIdList`), at most 10; each
 * result is the canceled order or its inline error. USD-M and COIN-M.
 */
export function cancelNamedOrders(
  venue: Venue,
  context: RequestContext,
  params: RawParams,
): BatchResult<OrderRecord>[] {
  const account = accountOf(context);
  const p = new ParamReader(params);
  const symbol = p.requiredString('symbol');
  venue.market(symbol);
  const ids = p.jsonList('orderIdList');
  const clientIds = p.jsonList('origClientOrderIdList');
  const refs =
    ids !== undefined
      ? ids.map((id) => {
          if (typeof id !== 'number' && typeof id !== 'string') throw apiError(-1130, ['orderIdList']);
          return { orderId: BigInt(id) };
        })
      : clientIds !== undefined
        ? clientIds.map((id) => {
            if (typeof id !== 'string') throw apiError(-1130, ['origClientOrderIdList']);
            return { clientOrderId: id };
          })
        : [];
  if (ids === undefined && clientIds === undefined)
    throw missingEither('orderIdList', 'origClientOrderIdList');
  if (refs.length === 0 || refs.length > 10)
    throw apiError(-1130, [ids !== undefined ? 'orderIdList' : 'origClientOrderIdList']);
  return refs.map((ref) => batchItem(context, () => venue.cancelOrder(account, symbol, ref)));
}
