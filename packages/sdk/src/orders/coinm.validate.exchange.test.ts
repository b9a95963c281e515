import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { COINM_PRODUCT, useProductExchange } from './productExchange.testing.js';
import { expectHedgeModeShaping, fields, validationChecks } from './validateChecks.testing.js';

// The order layer on COIN-M, against the local exchange's COIN-M exchangeInfo: whole contracts,
// PRICE_FILTER, PERCENT_PRICE, no MIN_NOTIONAL; explicit rounding; shaping to hedge mode; client
// order ids. The checks USD-M shares live in validateChecks.testing.ts; a refused order must leave
// the exchange untouched.

const suite = useProductExchange(COINM_PRODUCT, { seed: 29 });
const { limit, priceAt, calls } = suite;
const SYMBOL = COINM_PRODUCT.symbol;
const checks = validationChecks(suite);
const { refused } = checks;

describe('order validation on COIN-M (BTCUSD_PERP: tick 0.1, whole contracts, no MIN_NOTIONAL)', () => {
  test('default: the layer loads /dapi/v1/exchangeInfo; the rules have no MIN_NOTIONAL; a valid order is placed', async () => {
    const { fx } = suite;
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
    await checks.expectPrecisionRefusals({
      price: {
        value: '96000.15',
        limits: { pricePrecision: '1', tickSize: '0.1' },
        nearest: { below: '96000.1', above: '96000.2' },
      },
      quantity: { value: '1.5', nearest: { below: '1', above: '2' } },
    });
  });

  test('behavior: PRICE_FILTER.minPrice and maxPrice; LOT_SIZE and MARKET_LOT_SIZE in contracts', async () => {
    await checks.expectPriceFilterRefusals({
      limits: { minPrice: '1000', maxPrice: '4529764', tickSize: '0.1' },
      belowMin: { price: '999.9', nearestAbove: '1000.0' },
      aboveMax: { price: '4529764.1', nearestBelow: '4529764.0' },
    });
    await checks.expectLotSizeRefusals({
      limits: { minQty: '1', maxQty: '1000000', stepSize: '1' },
      nearestAboveZero: '1',
      aboveMax: { quantity: '1000001', nearestBelow: '1000000' },
      market: {
        limits: { minQty: '1', maxQty: '60000', stepSize: '1' },
        quantity: '60001',
        nearestBelow: '60000',
      },
    });
  });

  test('behavior: PERCENT_PRICE against the mark (given, or read from /dapi/v1/premiumIndex)', async () => {
    await checks.expectPercentPriceBand({
      markPrice: '96000',
      above: { price: '101000.0', nearestBelow: '100800.0' },
      below: { price: '91000.0', nearestAbove: '91200.0' },
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
    const down = suite.fx.client.newOrder({ ...stopLimit('SELL', '80000.0'), validate: false });
    await expect(down).rejects.toMatchObject({ name: 'PercentPriceError', code: -4152 });
    await expect(down).rejects.toThrow(/85500\.0/);
    const up = suite.fx.client.newOrder({ ...stopLimit('BUY', '100000.0'), validate: false });
    await expect(up).rejects.toMatchObject({ code: -4151 });
    await expect(up).rejects.toThrow(/94500\.0/);
  });

  test('behavior: MAX_NUM_ORDERS, numbers, missing parameters, unknown symbols and bad client order ids', async () => {
    await checks.expectMaxNumOrdersRefused();
    // BTCUSDT is USD-M's: COIN-M does not list it.
    await checks.expectMalformedOrdersRefused({ numberQuantity: 2, unknownSymbol: 'BTCUSDT' });
  });

  test('behavior: batches: size, and a conditional item is allowed on COIN-M; errors name the item', async () => {
    await checks.expectBatchRefusals([
      { overrides: { quantity: '2.5' }, error: { rule: 'PRECISION.quantityPrecision' } },
    ]);
    const { fx } = suite;
    const item = limit({});
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
    await checks.expectExplicitRounding({ price, quantity: '2.4' }, { price: priceAt('0.97'), origQty: '3' });
  });

  test('behavior: generated client order ids are unique and the exchange finds orders by them', async () => {
    const { fx } = suite;
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
    const hx = await COINM_PRODUCT.start({ seed: 31 });
    try {
      const { price } = await expectHedgeModeShaping(COINM_PRODUCT, hx);
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
