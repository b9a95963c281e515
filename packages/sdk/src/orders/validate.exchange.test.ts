import { Decimal } from '@basis/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { batchOrders } from '../actions/trade/batchOrders.js';
import { getAllOrders } from '../actions/trade/getAllOrders.js';
import { type NewOrderParameters, newOrder } from '../actions/trade/newOrder.js';
import { startTradingExchange, type TradingExchange } from '../testing/tradingExchange.js';
import { OrderValidationError, PositionModeError } from './errors.js';

let fx: TradingExchange;
let mark: Decimal;

beforeAll(async () => {
  fx = await startTradingExchange({ seed: 3 });
  mark = Decimal.parse((await fx.client.getPremiumIndex({ symbol: 'BTCUSDT' })).markPrice);
});

afterAll(async () => {
  await fx.close();
});

const limit = (overrides: Partial<NewOrderParameters>): NewOrderParameters & { readonly type: 'LIMIT' } => ({
  symbol: 'BTCUSDT',
  side: 'BUY',
  timeInForce: 'GTC',
  quantity: '0.002',
  price: mark.mul('0.97').roundToStep('0.1', 'floor').toFixed(2),
  ...overrides,
  type: 'LIMIT',
});

/** The validation error `parameters` cause, asserting that nothing reached the exchange. */
async function refused(parameters: NewOrderParameters): Promise<OrderValidationError> {
  const before = (
    await getAllOrders(fx.client, { symbol: parameters.symbol === 'FOOUSDT' ? 'BTCUSDT' : parameters.symbol })
  ).length;
  const error = await newOrder(fx.client, parameters).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OrderValidationError);
  const after = (
    await getAllOrders(fx.client, { symbol: parameters.symbol === 'FOOUSDT' ? 'BTCUSDT' : parameters.symbol })
  ).length;
  expect(after).toBe(before);
  return error as OrderValidationError;
}

function fields(error: OrderValidationError) {
  return {
    rule: error.rule,
    field: error.field,
    value: error.value,
    limits: error.limits,
    nearest: error.nearest,
    binanceCode: error.binanceCode,
  };
}

describe('order validation against the local exchange (BTCUSDT: tick 0.10, step 0.001, min notional 100)', () => {
  test('default: a valid order passes and is placed', async () => {
    const placed = await newOrder(fx.client, limit({}));
    expect(placed.order.status).toBe('NEW');
    await fx.client.cancelOrder({ symbol: 'BTCUSDT', orderId: placed.order.orderId });
  });

  test('behavior: PRICE_FILTER.tickSize names the rule, the value and the ticks either side', async () => {
    const error = await refused(limit({ price: '90000.15' }));
    expect(fields(error)).toEqual({
      rule: 'PRICE_FILTER.tickSize',
      field: 'price',
      value: '90000.15',
      limits: { minPrice: '261.10', maxPrice: '809484', tickSize: '0.10' },
      nearest: { below: '90000.10', above: '90000.20' },
      binanceCode: -4014,
    });
    expect(error.message).toContain('breaks PRICE_FILTER.tickSize on BTCUSDT');
  });

  test('behavior: PRICE_FILTER.minPrice and maxPrice', async () => {
    expect(fields(await refused(limit({ price: '100' })))).toMatchObject({
      rule: 'PRICE_FILTER.minPrice',
      value: '100',
      nearest: { above: '261.10' },
      binanceCode: -4013,
    });
    expect(fields(await refused(limit({ price: '0' })))).toMatchObject({
      rule: 'PRICE_FILTER.minPrice',
      binanceCode: -4001,
    });
    expect(fields(await refused(limit({ price: '900000' })))).toMatchObject({
      rule: 'PRICE_FILTER.maxPrice',
      value: '900000',
      nearest: { below: '809484.00' },
      binanceCode: -4002,
    });
  });

  test('behavior: PRECISION (more decimals than the symbol allows)', async () => {
    expect(fields(await refused(limit({ price: '90000.123' })))).toMatchObject({
      rule: 'PRECISION.pricePrecision',
      field: 'price',
      limits: { pricePrecision: '2', tickSize: '0.10' },
      nearest: { below: '90000.10', above: '90000.20' },
      binanceCode: -1111,
    });
    expect(fields(await refused(limit({ quantity: '0.0025' })))).toMatchObject({
      rule: 'PRECISION.quantityPrecision',
      field: 'quantity',
      nearest: { below: '0.002', above: '0.003' },
      binanceCode: -1111,
    });
  });

  test('behavior: LOT_SIZE.minQty and maxQty; MARKET_LOT_SIZE.maxQty for MARKET orders', async () => {
    expect(fields(await refused(limit({ quantity: '0' })))).toMatchObject({
      rule: 'LOT_SIZE.minQty',
      value: '0',
      limits: { minQty: '0.001', maxQty: '1000', stepSize: '0.001' },
      nearest: { above: '0.001' },
      binanceCode: -4003,
    });
    expect(fields(await refused(limit({ quantity: '1000.001' })))).toMatchObject({
      rule: 'LOT_SIZE.maxQty',
      nearest: { below: '1000.000' },
      binanceCode: -4005,
    });
    expect(
      fields(await refused({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '121' })),
    ).toMatchObject({
      rule: 'MARKET_LOT_SIZE.maxQty',
      value: '121',
      limits: { minQty: '0.001', maxQty: '120', stepSize: '0.001' },
      nearest: { below: '120.000' },
      binanceCode: -4005,
    });
  });

  test('behavior: MIN_NOTIONAL gives the least quantity that passes; reduce-only is exempt', async () => {
    const error = await refused(limit({ quantity: '0.001', price: '90000.00' }));
    expect(fields(error)).toEqual({
      rule: 'MIN_NOTIONAL.notional',
      field: 'quantity',
      value: '0.001',
      limits: { notional: '100', price: '90000.00' },
      nearest: { above: '0.002' },
      binanceCode: -4164,
    });
  });

  test('behavior: PERCENT_PRICE against the mark, above and below the band', async () => {
    expect(fields(await refused(limit({ price: '95000.00', markPrice: '90000' })))).toEqual({
      rule: 'PERCENT_PRICE.multiplierUp',
      field: 'price',
      value: '95000.00',
      limits: { multiplierUp: '1.0500', markPrice: '90000' },
      nearest: { below: '94500.00' },
      binanceCode: -4016,
    });
    expect(fields(await refused(limit({ side: 'SELL', price: '85000.00', markPrice: '90000' })))).toEqual({
      rule: 'PERCENT_PRICE.multiplierDown',
      field: 'price',
      value: '85000.00',
      limits: { multiplierDown: '0.9500', markPrice: '90000' },
      nearest: { above: '85500.00' },
      binanceCode: -4024,
    });
  });

  test('behavior: MAX_NUM_ORDERS against the open orders the caller counts', async () => {
    expect(fields(await refused(limit({ openOrders: 200 })))).toEqual({
      rule: 'MAX_NUM_ORDERS.limit',
      field: 'openOrders',
      value: '200',
      limits: { limit: '200' },
      nearest: {},
      binanceCode: -2025,
    });
  });

  test('behavior: numbers, missing parameters, unknown symbols and bad client order ids are refused', async () => {
    expect(fields(await refused(limit({ quantity: 0.002 as unknown as string })))).toMatchObject({
      rule: 'DECIMAL',
      field: 'quantity',
      value: '0.002',
      binanceCode: -1100,
    });
    const { price: _price, ...noPrice } = limit({});
    expect(fields(await refused(noPrice))).toMatchObject({
      rule: 'REQUIRED',
      field: 'price',
      binanceCode: -1102,
    });
    expect(fields(await refused(limit({ symbol: 'FOOUSDT' })))).toMatchObject({
      rule: 'SYMBOL',
      value: 'FOOUSDT',
      binanceCode: -1121,
    });
    expect(fields(await refused(limit({ newClientOrderId: 'bad id!' })))).toMatchObject({
      rule: 'CLIENT_ORDER_ID',
      field: 'newClientOrderId',
      binanceCode: -4015,
    });
  });

  test('behavior: batches: size and order type, with the item index', async () => {
    const item = limit({}) as Parameters<typeof batchOrders>[1]['batchOrders'][number];
    await expect(batchOrders(fx.client, { batchOrders: Array(6).fill(item) })).rejects.toMatchObject({
      rule: 'BATCH_SIZE',
      binanceCode: -4082,
    });
    await expect(
      batchOrders(fx.client, {
        batchOrders: [item, { ...item, type: 'STOP' as 'LIMIT' }],
      }),
    ).rejects.toMatchObject({ rule: 'ORDER_TYPE', index: 1, binanceCode: -4120 });
    await expect(
      batchOrders(fx.client, { batchOrders: [item, { ...item, price: '90000.15' }] }),
    ).rejects.toMatchObject({ rule: 'PRICE_FILTER.tickSize', index: 1 });
  });

  test('behavior: explicit rounding puts values on the grid before validation; nothing is rounded otherwise', async () => {
    const placed = await newOrder(
      fx.client,
      limit({ price: '90000.19', quantity: '0.0029', round: { price: 'down', quantity: 'up' } }),
    );
    expect(placed.order).toMatchObject({ price: '90000.10', origQty: '0.003' });
    await fx.client.cancelOrder({ symbol: 'BTCUSDT', orderId: placed.order.orderId });
  });

  test('behavior: exchangeInfo is cached, refreshed on demand, and reloaded once for an unknown symbol', async () => {
    const loaded = fx.events.filter((e) => e.type === 'exchangeInfoLoaded').length;
    expect(loaded).toBeGreaterThanOrEqual(1);
    const at = fx.layer.exchangeInfoLoadedAt();
    expect(at).toBeTypeOf('number');
    await newOrder(fx.client, limit({ validate: true, openOrders: 0 })).then((p) =>
      fx.client.cancelOrder({ symbol: 'BTCUSDT', orderId: p.order.orderId }),
    );
    expect(fx.events.filter((e) => e.type === 'exchangeInfoLoaded').length).toBe(loaded);
    await fx.layer.refreshExchangeInfo();
    expect(fx.events.filter((e) => e.type === 'exchangeInfoLoaded').length).toBe(loaded + 1);
    expect(await fx.layer.symbolRules('NOPEUSDT')).toBeUndefined();
    expect(fx.events.filter((e) => e.type === 'exchangeInfoLoaded').length).toBe(loaded + 2);
    const rules = await fx.layer.symbolRules('BTCUSDT');
    expect(rules?.price?.tickSize.toString()).toBe('0.10');
  });
});

describe('position mode shaping against the local exchange', () => {
  test('behavior: hedge mode requires LONG/SHORT, drops reduceOnly on a closing side, refuses reduceOnly on an opening side', async () => {
    const hx = await startTradingExchange({ seed: 4 });
    try {
      const price = Decimal.parse((await hx.client.getPremiumIndex({ symbol: 'BTCUSDT' })).markPrice)
        .mul('0.97')
        .roundToStep('0.1', 'floor')
        .toFixed(2);
      const base = {
        symbol: 'BTCUSDT',
        type: 'LIMIT',
        timeInForce: 'GTC',
        quantity: '0.002',
        price,
      } as const;
      // One-way (the default): LONG is refused, BOTH is filled in.
      await expect(newOrder(hx.client, { ...base, side: 'BUY', positionSide: 'LONG' })).rejects.toMatchObject(
        {
          name: 'PositionModeError',
          reason: 'positionSide-not-allowed',
          mode: 'one-way',
        },
      );
      await hx.client.request({
        method: 'POST',
        path: '/fapi/v1/positionSide/dual',
        params: { dualSidePosition: 'true' },
        security: 'TRADE',
        weight: 1,
        kind: 'write',
      });
      await hx.layer.refreshAccountMode();
      const missing = await newOrder(hx.client, { ...base, side: 'BUY' }).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(PositionModeError);
      expect(missing).toMatchObject({
        reason: 'positionSide-required',
        mode: 'hedge',
        field: 'positionSide',
      });
      await expect(
        newOrder(hx.client, { ...base, side: 'BUY', positionSide: 'LONG', reduceOnly: 'true' }),
      ).rejects.toMatchObject({ reason: 'reduceOnly-opens' });
      // reduceOnly=false would be -1106 in hedge mode: dropped, with a note.
      const placed = await newOrder(hx.client, {
        ...base,
        side: 'BUY',
        positionSide: 'LONG',
        reduceOnly: 'false',
      });
      expect(placed.order).toMatchObject({ positionSide: 'LONG', status: 'NEW' });
      expect(hx.events).toContainEqual(
        expect.objectContaining({ type: 'shaped', field: 'reduceOnly', clientOrderId: placed.clientOrderId }),
      );
    } finally {
      await hx.close();
    }
  });
});
