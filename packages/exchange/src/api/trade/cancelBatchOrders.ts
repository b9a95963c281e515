import type { BatchOrderResult } from '@basis/core';
import { apiError } from '../apiError.js';
import { accountOf, defineEndpoint } from '../endpoint.js';
import { missingEither, ParamReader } from '../params.js';
import { batchItem } from './batchItems.js';

/** `DELETE /fapi/v1/batchOrders` — cancel up to 10 orders by `orderIdList` or `origClientOrderIdList`. */
export const cancelBatchOrders = defineEndpoint<BatchOrderResult[]>({
  name: 'cancelBatchOrders',
  security: 'TRADE',
  weight: 1,
  command: true,
  handle(venue, context, params) {
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
    return refs.map((ref) =>
      batchItem(() => venue.orderView(venue.cancelOrder(account, symbol, ref), { withCumQty: true })),
    );
  },
});
