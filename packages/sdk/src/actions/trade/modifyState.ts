import type { Decimal } from '@basis/core';
import { parseDecimalLike } from '../../orders/decimals.js';
import type { ModifyState } from '../../orders/reconcile.js';
import { isOpenStatus } from './orderCalls.js';

/**
 * How a queried order stands with respect to a modification to `price` and `quantity`: `applied`
 * when it carries both, `closed` when it is no longer open (filled, or canceled by the modification
 * itself), `pending` otherwise.
 */
export function modifyState(
  order: { readonly status: string; readonly price: string; readonly origQty: string },
  price: Decimal | undefined,
  quantity: Decimal | undefined,
): ModifyState {
  if (!isOpenStatus(order.status)) return 'closed';
  const samePrice = price === undefined || parseDecimalLike(order.price)?.eq(price) === true;
  const sameQuantity = quantity === undefined || parseDecimalLike(order.origQty)?.eq(quantity) === true;
  return samePrice && sameQuantity ? 'applied' : 'pending';
}
