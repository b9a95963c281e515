import { Decimal, type SymbolInfo } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { OrderValidationError } from './errors.js';
import { parseSymbolRules } from './symbolRules.js';
import { type OrderDraft, roundOrder, validateOrder } from './validate.js';

// A symbol whose step (0.005) is coarser than its precision (3), and a minimum above one step, to
// reach the LOT_SIZE rules the exchange's default symbols cannot show.
const rules = parseSymbolRules({
  symbol: 'TESTUSDT',
  status: 'TRADING',
  pricePrecision: 2,
  quantityPrecision: 3,
  orderTypes: ['LIMIT', 'MARKET'],
  timeInForce: ['GTC'],
  filters: [
    { filterType: 'PRICE_FILTER', minPrice: '0.05', maxPrice: '1000', tickSize: '0.05' },
    { filterType: 'LOT_SIZE', minQty: '0.010', maxQty: '100', stepSize: '0.005' },
    { filterType: 'MARKET_LOT_SIZE', minQty: '0.010', maxQty: '50', stepSize: '0.005' },
    { filterType: 'MIN_NOTIONAL', notional: '5' },
    { filterType: 'MAX_NUM_ORDERS', limit: 200 },
    { filterType: 'MAX_NUM_ALGO_ORDERS', limit: 10 },
  ],
} as unknown as SymbolInfo);

const draft = (overrides: Partial<OrderDraft>): OrderDraft => ({
  symbol: 'TESTUSDT',
  side: 'BUY',
  type: 'LIMIT',
  quantity: Decimal.parse('1'),
  price: Decimal.parse('10'),
  trigger: undefined,
  activate: undefined,
  callbackRate: undefined,
  priceMatch: undefined,
  timeInForce: 'GTC',
  closePosition: false,
  reducing: false,
  ...overrides,
});

function caught(run: () => void): OrderValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OrderValidationError);
    return error as OrderValidationError;
  }
  throw new Error('expected an OrderValidationError');
}

const order = { endpoint: 'order', markPrice: undefined, openOrders: undefined, market: 'usdm' } as const;

describe('validateOrder (unit)', () => {
  test('default: a valid order passes', () => {
    expect(() => validateOrder(rules, draft({}), order)).not.toThrow();
  });

  test('behavior: LOT_SIZE.stepSize and a positive quantity below LOT_SIZE.minQty', () => {
    const step = caught(() => validateOrder(rules, draft({ quantity: Decimal.parse('0.012') }), order));
    expect(step).toMatchObject({
      rule: 'LOT_SIZE.stepSize',
      value: '0.012',
      nearest: { below: '0.010', above: '0.015' },
      binanceCode: -4023,
    });
    const min = caught(() => validateOrder(rules, draft({ quantity: Decimal.parse('0.005') }), order));
    expect(min).toMatchObject({ rule: 'LOT_SIZE.minQty', nearest: { above: '0.010' }, binanceCode: -4004 });
  });

  test('behavior: MARKET_LOT_SIZE.stepSize for a market order', () => {
    const error = caught(() =>
      validateOrder(
        rules,
        draft({ type: 'MARKET', price: undefined, quantity: Decimal.parse('1.002') }),
        order,
      ),
    );
    expect(error).toMatchObject({
      rule: 'MARKET_LOT_SIZE.stepSize',
      nearest: { below: '1.000', above: '1.005' },
    });
  });

  test('behavior: MAX_NUM_ALGO_ORDERS for the algo endpoint', () => {
    const error = caught(() =>
      validateOrder(
        rules,
        draft({
          type: 'STOP_MARKET',
          price: undefined,
          trigger: { field: 'triggerPrice', value: Decimal.parse('9') },
        }),
        { ...order, endpoint: 'algo', openOrders: 10 },
      ),
    );
    expect(error).toMatchObject({
      rule: 'MAX_NUM_ALGO_ORDERS.limit',
      limits: { limit: '10' },
      binanceCode: -4045,
    });
  });

  test('behavior: MIN_NOTIONAL is valued at the trigger price for a conditional order, and waived when reducing', () => {
    const stop = draft({
      type: 'STOP_MARKET',
      price: undefined,
      quantity: Decimal.parse('0.1'),
      trigger: { field: 'triggerPrice', value: Decimal.parse('10') },
    });
    const error = caught(() => validateOrder(rules, stop, { ...order, endpoint: 'algo' }));
    expect(error).toMatchObject({
      rule: 'MIN_NOTIONAL.notional',
      limits: { notional: '5', triggerPrice: '10' },
      nearest: { above: '0.500' },
    });
    expect(() =>
      validateOrder(rules, { ...stop, reducing: true }, { ...order, endpoint: 'algo' }),
    ).not.toThrow();
  });

  test('behavior: roundOrder rounds price from minPrice and quantity to the step, in the modes given', () => {
    const rounded = roundOrder(
      rules,
      draft({ price: Decimal.parse('10.07'), quantity: Decimal.parse('0.0123') }),
      {
        price: 'up',
        quantity: 'down',
      },
    );
    expect(rounded.price?.toString()).toBe('10.10');
    expect(rounded.quantity?.toString()).toBe('0.010');
  });
});
