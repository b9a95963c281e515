import { Decimal } from '@basis/core';
import type { NewOrderInput } from './orderInput.js';

// Order builders for tests that place orders on a venue directly (`venue.placeOrder`). Shared by the
// venue, algo, market-data and account tests, which re-export them from their own `testing.ts`.

/** A new order for `venue.placeOrder`, LIMIT GTC with a RESULT response unless `extra` says otherwise. */
export function limitOrder(
  symbol: string,
  side: 'BUY' | 'SELL',
  qty: string,
  price: string,
  extra: Partial<NewOrderInput> = {},
): NewOrderInput {
  return {
    symbol,
    side,
    positionSide: undefined,
    type: 'LIMIT',
    timeInForce: 'GTC',
    quantity: Decimal.parse(qty),
    price: Decimal.parse(price),
    reduceOnly: undefined,
    newClientOrderId: undefined,
    newOrderRespType: 'RESULT',
    priceMatch: undefined,
    selfTradePreventionMode: undefined,
    goodTillDate: undefined,
    ...extra,
  };
}

/** A MARKET order for `venue.placeOrder`. */
export function marketOrder(
  symbol: string,
  side: 'BUY' | 'SELL',
  qty: string,
  extra: Partial<NewOrderInput> = {},
): NewOrderInput {
  return {
    ...limitOrder(symbol, side, qty, '1'),
    type: 'MARKET',
    timeInForce: undefined,
    price: undefined,
    ...extra,
  };
}
