import { Decimal } from '@basis/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CoinmActions } from '../clients/decorators/coinm.js';
import type { RequestCall } from '../request/types.js';
import { startCoinmTradingExchange, type TradingExchange } from '../testing/tradingExchange.js';
import { OrderValidationError, PositionModeError } from './errors.js';

// The order layer on COIN-M, against the local exchange's COIN-M exchangeInfo: whole contracts,
// PRICE_FILTER, PERCENT_PRICE, no MIN_NOTIONAL; explicit rounding; shaping to hedge mode; client
// order ids. A refused order must leave the exchange untouched.

let fx: TradingExchange<CoinmActions>;
let mark: Decimal;
const calls: RequestCall[] = [];

beforeAll(async () => {
  fx = await startCoinmTradingExchange({ seed: 29, onRequest: (call) => calls.push(call) });
  mark = Decimal.parse((await fx.client.getPremiumIndex({ symbol: SYMBOL }))[0]!.markPrice);
});

afterAll(async () => {
  await fx.close();
});

const SYMBOL = 'BTCUSD_PERP';
type NewOrder = Parameters<CoinmActions['newOrder']>[0];

/** A BTCUSD_PERP price `factor` × mark, on the 0.1 tick. */
function priceAt(factor: string): string {
  return mark.mul(factor).roundToStep('0.1', 'floor').toFixed(1);
}

const limit = (overrides: Partial<NewOrder>) =>
  ({
    symbol: SYMBOL,
    side: 'BUY',
    type: 'LIMIT',
    timeInForce: 'GTC',
    quantity: '2',
    price: priceAt('0.97'),
    ...overrides,
  }) as NewOrder & { readonly type: 'LIMIT' };

/** Orders and algo orders the exchange ever took on BTCUSD_PERP. */
async function orderCount(): Promise<number> {
  const orders = await fx.client.getAllOrders({ symbol: SYMBOL, limit: 1000 });
  const algos = await fx.client.getAllAlgoOrders({ symbol: SYMBOL, limit: 1000 });
  return orders.length + algos.length;
}

/** Placements sent so far, to either endpoint. */
function placements(): number {
  return calls.filter(
    (c) => c.method === 'POST' && (c.path === '/dapi/v1/order' || c.path === '/dapi/v1/algoOrder'),
  ).length;
}

/** The validation error `parameters` cause, asserting that nothing reached the exchange. */
async function refused(parameters: NewOrder): Promise<OrderValidationError> {
  const before = await orderCount();
  const sent = placements();
  const error = await fx.client.newOrder(parameters).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OrderValidationError);
  expect(placements()).toBe(sent);
  expect(await orderCount()).toBe(before);
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

describe('order validation on COIN-M (BTCUSD_PERP: tick 0.1, whole contracts, no MIN_NOTIONAL)', () => {
  test('default: the layer loads /dapi/v1/exchangeInfo; the rules have no MIN_NOTIONAL; a valid order is placed', async () => {
    const rules = (await fx.layer.symbolRules(SYMBOL))!;
    expect(calls.some((c) => c.path === '/dapi/v1/exchangeInfo')).toBe(true);
    expect(rules).toMatchObject({ status: 'TRADING', pricePrecision: 1, quantityPrecision: 0 });
    expect(rules.minNotional).toBeUndefined();
    expect(rules.lotSize?.stepSize.toString()).toBe('1');
    expect(rules.percentPrice?.multiplierUp.toString()).toBe('1.0500');
    // A single contract (100 USD) passes: nothing like USD-M's minimum notional.
    const { order: placed } = await fx.client.newOrder(limit({ quantity: '1' }));
    expect(placed).toMatchObject({ status: 'NEW', origQty: '1', price: priceAt('0.97') });
    await fx.client.cancelOrder({ symbol: SYMBOL, orderId: placed.orderId });
  });

  test('behavior: PRECISION: contracts are whole; the price has one decimal', async () => {
    expect(fields(await refused(limit({ quantity: '1.5' })))).toMatchObject({
      rule: 'PRECISION.quantityPrecision',
      field: 'quantity',
      value: '1.5',
      nearest: { below: '1', above: '2' },
      binanceCode: -1111,
    });
    expect(fields(await refused(limit({ price: '96000.15' })))).toMatchObject({
      rule: 'PRECISION.pricePrecision',
      field: 'price',
      limits: { pricePrecision: '1', tickSize: '0.1' },
      nearest: { below: '96000.1', above: '96000.2' },
      binanceCode: -1111,
    });
  });

  test('behavior: PRICE_FILTER.minPrice and maxPrice; LOT_SIZE and MARKET_LOT_SIZE in contracts', async () => {
    expect(fields(await refused(limit({ price: '999.9' })))).toMatchObject({
      rule: 'PRICE_FILTER.minPrice',
      value: '999.9',
      limits: { minPrice: '1000', maxPrice: '4529764', tickSize: '0.1' },
      nearest: { above: '1000.0' },
      binanceCode: -4013,
    });
    expect(fields(await refused(limit({ price: '4529764.1' })))).toMatchObject({
      rule: 'PRICE_FILTER.maxPrice',
      nearest: { below: '4529764.0' },
      binanceCode: -4002,
    });
    expect(fields(await refused(limit({ quantity: '0' })))).toMatchObject({
      rule: 'LOT_SIZE.minQty',
      limits: { minQty: '1', maxQty: '1000000', stepSize: '1' },
      nearest: { above: '1' },
      binanceCode: -4003,
    });
    expect(fields(await refused(limit({ quantity: '1000001' })))).toMatchObject({
      rule: 'LOT_SIZE.maxQty',
      nearest: { below: '1000000' },
      binanceCode: -4005,
    });
    expect(
      fields(await refused({ symbol: SYMBOL, side: 'BUY', type: 'MARKET', quantity: '60001' })),
    ).toMatchObject({
      rule: 'MARKET_LOT_SIZE.maxQty',
      limits: { minQty: '1', maxQty: '60000', stepSize: '1' },
      nearest: { below: '60000' },
      binanceCode: -4005,
    });
  });

  test('behavior: PERCENT_PRICE against the mark (given, or read from /dapi/v1/premiumIndex)', async () => {
    expect(fields(await refused(limit({ price: '101000.0', markPrice: '96000' })))).toEqual({
      rule: 'PERCENT_PRICE.multiplierUp',
      field: 'price',
      value: '101000.0',
      limits: { multiplierUp: '1.0500', markPrice: '96000' },
      nearest: { below: '100800.0' },
      binanceCode: -4016,
    });
    expect(fields(await refused(limit({ side: 'SELL', price: '91000.0', markPrice: '96000' })))).toEqual({
      rule: 'PERCENT_PRICE.multiplierDown',
      field: 'price',
      value: '91000.0',
      limits: { multiplierDown: '0.9500', markPrice: '96000' },
      nearest: { above: '91200.0' },
      binanceCode: -4024,
    });
    // Without a given mark the layer reads COIN-M's premiumIndex (an array, weight 10).
    const error = await refused(limit({ price: priceAt('1.06') }));
    expect(error.rule).toBe('PERCENT_PRICE.multiplierUp');
    expect(calls.findLast((c) => c.path === '/dapi/v1/premiumIndex')).toMatchObject({ weight: 10 });
  });

  test('behavior: a stop-limit price stays within PERCENT_PRICE of its stop price: COIN-M codes, as the exchange answers', async () => {
    const stopLimit = (side: 'BUY' | 'SELL', price: string) =>
      ({
        symbol: SYMBOL,
        side,
        type: 'STOP',
        timeInForce: 'GTC',
        quantity: '1',
        price,
        stopPrice: '90000.0',
      }) as const;
    expect(fields(await refused(stopLimit('SELL', '80000.0')))).toMatchObject({
      rule: 'PERCENT_PRICE.multiplierDown',
      field: 'price',
      nearest: { above: '85500.0' },
      binanceCode: -4152,
    });
    expect(fields(await refused(stopLimit('BUY', '100000.0')))).toMatchObject({
      rule: 'PERCENT_PRICE.multiplierUp',
      nearest: { below: '94500.0' },
      binanceCode: -4151,
    });
    // Sent unvalidated, the exchange refuses them with the same codes and bounds.
    const down = fx.client.newOrder({ ...stopLimit('SELL', '80000.0'), validate: false });
    await expect(down).rejects.toMatchObject({ name: 'PercentPriceError', code: -4152 });
    await expect(down).rejects.toThrow(/85500\.0/);
    const up = fx.client.newOrder({ ...stopLimit('BUY', '100000.0'), validate: false });
    await expect(up).rejects.toMatchObject({ code: -4151 });
    await expect(up).rejects.toThrow(/94500\.0/);
  });

  test('behavior: MAX_NUM_ORDERS, numbers, missing parameters, unknown symbols and bad client order ids', async () => {
    expect(fields(await refused(limit({ openOrders: 200 })))).toMatchObject({
      rule: 'MAX_NUM_ORDERS.limit',
      limits: { limit: '200' },
      binanceCode: -2025,
    });
    expect(fields(await refused(limit({ quantity: 2 as unknown as string })))).toMatchObject({
      rule: 'DECIMAL',
      field: 'quantity',
      binanceCode: -1100,
    });
    const { price: _price, ...noPrice } = limit({}) as NewOrder & { price: string };
    expect(fields(await refused(noPrice as NewOrder))).toMatchObject({ rule: 'REQUIRED', field: 'price' });
    expect(fields(await refused(limit({ symbol: 'BTCUSDT' })))).toMatchObject({
      rule: 'SYMBOL',
      value: 'BTCUSDT',
      binanceCode: -1121,
    });
    expect(fields(await refused(limit({ newClientOrderId: 'bad id!' })))).toMatchObject({
      rule: 'CLIENT_ORDER_ID',
      binanceCode: -4015,
    });
  });

  test('behavior: batches: size, and a conditional item is allowed on COIN-M; errors name the item', async () => {
    const item = limit({}) as Parameters<CoinmActions['batchOrders']>[0]['batchOrders'][number];
    await expect(fx.client.batchOrders({ batchOrders: Array(6).fill(item) })).rejects.toMatchObject({
      rule: 'BATCH_SIZE',
      binanceCode: -4082,
    });
    await expect(
      fx.client.batchOrders({ batchOrders: [item, { ...item, quantity: '2.5' }] }),
    ).rejects.toMatchObject({ rule: 'PRECISION.quantityPrecision', index: 1 });
    const results = await fx.client.batchOrders({
      batchOrders: [
        item,
        { symbol: SYMBOL, side: 'SELL', type: 'STOP_MARKET', quantity: '2', stopPrice: priceAt('0.9') },
      ],
    });
    expect(results).toMatchObject([
      { status: 'NEW', type: 'LIMIT' },
      { status: 'NEW', type: 'STOP_MARKET', stopPrice: priceAt('0.9') },
    ]);
    await fx.client.cancelAllOpenOrders({ symbol: SYMBOL });
  });

  test('behavior: explicit rounding puts price and contracts on the grid; nothing is rounded otherwise', async () => {
    const price = Decimal.parse(priceAt('0.97')).add('0.09').toFixed(2);
    const { order: placed } = await fx.client.newOrder(
      limit({ price, quantity: '2.4', round: { price: 'down', quantity: 'up' } }),
    );
    expect(placed).toMatchObject({ price: priceAt('0.97'), origQty: '3' });
    await fx.client.cancelOrder({ symbol: SYMBOL, orderId: placed.orderId });
  });

  test('behavior: generated client order ids are unique and the exchange finds orders by them', async () => {
    const placed = await Promise.all(
      ['0.95', '0.951', '0.952', '0.953'].map((factor) =>
        fx.client.newOrder(limit({ price: priceAt(factor) })),
      ),
    );
    const ids = placed.map((order) => order.clientOrderId);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) {
      expect(id).toMatch(/^basis-[0-9A-Za-z]{22}$/);
      expect((await fx.client.getOrder({ symbol: SYMBOL, origClientOrderId: id })).clientOrderId).toBe(id);
    }
    await fx.client.cancelAllOpenOrders({ symbol: SYMBOL });
  });
});

describe('position mode shaping on COIN-M', () => {
  test('behavior: hedge mode (read from /dapi/v1/positionSide/dual): LONG/SHORT required, reduceOnly dropped on a closing side, refused on an opening one', async () => {
    const hx = await startCoinmTradingExchange({ seed: 31 });
    try {
      const price = Decimal.parse((await hx.client.getPremiumIndex({ symbol: SYMBOL }))[0]!.markPrice)
        .mul('0.97')
        .roundToStep('0.1', 'floor')
        .toFixed(1);
      const base = { symbol: SYMBOL, type: 'LIMIT', timeInForce: 'GTC', quantity: '2', price } as const;
      // One-way (the default): LONG is refused, BOTH is filled in.
      await expect(hx.client.newOrder({ ...base, side: 'BUY', positionSide: 'LONG' })).rejects.toMatchObject({
        name: 'PositionModeError',
        reason: 'positionSide-not-allowed',
        mode: 'one-way',
      });
      expect(hx.events).toContainEqual(
        expect.objectContaining({
          type: 'accountModeLoaded',
          dualSidePosition: false,
          multiAssetsMargin: false,
        }),
      );
      await hx.client.setPositionMode({ dualSidePosition: 'true' });
      await hx.layer.refreshAccountMode();
      const missing = await hx.client.newOrder({ ...base, side: 'BUY' }).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(PositionModeError);
      expect(missing).toMatchObject({ reason: 'positionSide-required', mode: 'hedge' });
      await expect(
        hx.client.newOrder({ ...base, side: 'BUY', positionSide: 'LONG', reduceOnly: 'true' }),
      ).rejects.toMatchObject({ reason: 'reduceOnly-opens' });
      // reduceOnly=false would be -1106 in hedge mode: dropped, with a note.
      const { order: placed } = await hx.client.newOrder({
        ...base,
        side: 'BUY',
        positionSide: 'LONG',
        reduceOnly: 'false',
      });
      expect(placed).toMatchObject({ positionSide: 'LONG', status: 'NEW', reduceOnly: false });
      expect(hx.events).toContainEqual(
        expect.objectContaining({ type: 'shaped', field: 'reduceOnly', clientOrderId: placed.clientOrderId }),
      );
      // Open a long of 3 contracts, then close it with SELL LONG reduceOnly=true (dropped: it can only reduce).
      await hx.client.newOrder({
        symbol: SYMBOL,
        side: 'BUY',
        positionSide: 'LONG',
        type: 'MARKET',
        quantity: '3',
      });
      const { order: closing } = await hx.client.newOrder({
        symbol: SYMBOL,
        side: 'SELL',
        positionSide: 'LONG',
        type: 'MARKET',
        quantity: '3',
        reduceOnly: 'true',
        newOrderRespType: 'RESULT',
      });
      expect(closing).toMatchObject({ status: 'FILLED', positionSide: 'LONG', executedQty: '3' });
      expect(hx.events).toContainEqual(
        expect.objectContaining({
          type: 'shaped',
          field: 'reduceOnly',
          clientOrderId: closing.clientOrderId,
        }),
      );
      const rows = await hx.client.getPositionRisk({ pair: 'BTCUSD' });
      const long = rows.find((row) => row.symbol === SYMBOL && row.positionSide === 'LONG')!;
      expect(long.positionAmt).toBe('0');
      // closePosition on a hedge side: a STOP_MARKET closing LONG without quantity.
      await hx.client.newOrder({
        symbol: SYMBOL,
        side: 'BUY',
        positionSide: 'LONG',
        type: 'MARKET',
        quantity: '1',
      });
      const stop = await hx.client.newOrder({
        symbol: SYMBOL,
        side: 'SELL',
        positionSide: 'LONG',
        type: 'STOP_MARKET',
        stopPrice: Decimal.parse(price).mul('0.9').roundToStep('0.1', 'floor').toFixed(1),
        closePosition: 'true',
      });
      // Placed with the algo service, as production takes COIN-M conditional orders.
      expect(stop).toMatchObject({
        endpoint: 'algo',
        order: { closePosition: true, positionSide: 'LONG', orderType: 'STOP_MARKET' },
      });
      await expect(
        hx.client.newOrder({
          symbol: SYMBOL,
          side: 'BUY',
          positionSide: 'LONG',
          type: 'STOP_MARKET',
          stopPrice: price,
          closePosition: 'true',
        }),
      ).rejects.toMatchObject({ reason: 'closePosition-side' });
    } finally {
      await hx.close();
    }
  });
});
