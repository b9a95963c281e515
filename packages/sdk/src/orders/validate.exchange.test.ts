import { describe, expect, test } from 'vitest';
import { USDM_PRODUCT, useProductExchange } from './productExchange.testing.js';
import { expectHedgeModeShaping, fields, validationChecks } from './validateChecks.testing.js';

// The order layer on USD-M, against the local exchange's BTCUSDT rules. The checks COIN-M shares
// live in validateChecks.testing.ts; a refused order must leave the exchange untouched.

const suite = useProductExchange(USDM_PRODUCT, { seed: 3 });
const checks = validationChecks(suite);
const { limit } = suite;
const { refused } = checks;

/** BTCUSDT's PRICE_FILTER on the local exchange. */
const PRICE_FILTER = { minPrice: '261.10', maxPrice: '809484', tickSize: '0.10' };

describe('order validation against the local exchange (BTCUSDT: tick 0.10, step 0.001, min notional 100)', () => {
  test('default: a valid order passes and is placed', async () => {
    const placed = await suite.fx.client.newOrder(limit({}));
    expect(placed.order.status).toBe('NEW');
    await suite.fx.client.cancelOrder({ symbol: 'BTCUSDT', orderId: placed.order.orderId });
  });

  test('behavior: PRICE_FILTER.tickSize names the rule, the value and the ticks either side', async () => {
    const error = await refused(limit({ price: '90000.15' }));
    expect(fields(error)).toEqual({
      rule: 'PRICE_FILTER.tickSize',
      field: 'price',
      value: '90000.15',
      limits: PRICE_FILTER,
      nearest: { below: '90000.10', above: '90000.20' },
      binanceCode: -4014,
    });
    expect(error.message).toContain('breaks PRICE_FILTER.tickSize on BTCUSDT');
  });

  test('behavior: PRICE_FILTER.minPrice and maxPrice', async () => {
    await checks.expectPriceFilterRefusals({
      limits: PRICE_FILTER,
      belowMin: { price: '100', nearestAbove: '261.10' },
      aboveMax: { price: '900000', nearestBelow: '809484.00' },
    });
  });

  test('behavior: PRECISION (more decimals than the symbol allows)', async () => {
    await checks.expectPrecisionRefusals({
      price: {
        value: '90000.123',
        limits: { pricePrecision: '2', tickSize: '0.10' },
        nearest: { below: '90000.10', above: '90000.20' },
      },
      quantity: { value: '0.0025', nearest: { below: '0.002', above: '0.003' } },
    });
  });

  test('behavior: LOT_SIZE.minQty and maxQty; MARKET_LOT_SIZE.maxQty for MARKET orders', async () => {
    await checks.expectLotSizeRefusals({
      limits: { minQty: '0.001', maxQty: '1000', stepSize: '0.001' },
      nearestAboveZero: '0.001',
      aboveMax: { quantity: '1000.001', nearestBelow: '1000.000' },
      market: {
        limits: { minQty: '0.001', maxQty: '120', stepSize: '0.001' },
        quantity: '121',
        nearestBelow: '120.000',
      },
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
    await checks.expectPercentPriceBand({
      markPrice: '90000',
      above: { price: '95000.00', nearestBelow: '94500.00' },
      below: { price: '85000.00', nearestAbove: '85500.00' },
    });
  });

  test('behavior: MAX_NUM_ORDERS against the open orders the caller counts', async () => {
    await checks.expectMaxNumOrdersRefused();
  });

  test('behavior: numbers, missing parameters, unknown symbols and bad client order ids are refused', async () => {
    await checks.expectMalformedOrdersRefused({ numberQuantity: 0.002, unknownSymbol: 'FOOUSDT' });
  });

  test('behavior: batches: size and order type, with the item index', async () => {
    await checks.expectBatchRefusals([
      // A conditional type: USD-M takes those one by one at the algo service, never in a batch.
      { overrides: { type: 'STOP' }, error: { rule: 'ORDER_TYPE', binanceCode: -4120 } },
      { overrides: { price: '90000.15' }, error: { rule: 'PRICE_FILTER.tickSize' } },
    ]);
  });

  test('behavior: explicit rounding puts values on the grid before validation; nothing is rounded otherwise', async () => {
    await checks.expectExplicitRounding(
      { price: '90000.19', quantity: '0.0029' },
      { price: '90000.10', origQty: '0.003' },
    );
  });

  test('behavior: exchangeInfo is cached, refreshed on demand, and reloaded once for an unknown symbol', async () => {
    const { fx } = suite;
    const loaded = fx.events.filter((e) => e.type === 'exchangeInfoLoaded').length;
    expect(loaded).toBeGreaterThanOrEqual(1);
    const at = fx.layer.exchangeInfoLoadedAt();
    expect(at).toBeTypeOf('number');
    await fx.client
      .newOrder(limit({ validate: true, openOrders: 0 }))
      .then((p) => fx.client.cancelOrder({ symbol: 'BTCUSDT', orderId: p.order.orderId }));
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
    const hx = await USDM_PRODUCT.start({ seed: 4 });
    try {
      await expectHedgeModeShaping(USDM_PRODUCT, hx);
    } finally {
      await hx.close();
    }
  });
});
