import { expect } from 'vitest';
import type { TradingExchange } from '../testing/tradingExchange.js';
import { OrderValidationError, PositionModeError } from './errors.js';
import {
  limitOrder,
  type OrderLayerTestActions,
  type OrderParameters,
  type ProductExchange,
  type TestProduct,
  tickPrice,
} from './productExchange.testing.js';

// The order-validation checks USD-M and COIN-M share (validate.exchange.test.ts,
// coinm.validate.exchange.test.ts): the layer refuses an order before anything is sent, names the
// broken rule with its limits and nearest valid values, and shapes orders to the position mode.
// The values differ per product (its filters, grid and mark): the test files pass them in; the
// rules, the fields they name and their codes do not differ.

/** What an `OrderValidationError` tells the caller, for comparing as a whole. */
export function fields(error: OrderValidationError) {
  return {
    rule: error.rule,
    field: error.field,
    value: error.value,
    limits: error.limits,
    nearest: error.nearest,
    binanceCode: error.binanceCode,
  };
}

/** PRICE_FILTER: its limits, a price below the minimum and one above the maximum, each with the nearest that passes. */
export interface PriceFilterCases {
  readonly limits: { readonly minPrice: string; readonly maxPrice: string; readonly tickSize: string };
  readonly belowMin: { readonly price: string; readonly nearestAbove: string };
  readonly aboveMax: { readonly price: string; readonly nearestBelow: string };
}

/** PRECISION: a price and a quantity with one decimal too many, and the grid values either side. */
export interface PrecisionCases {
  readonly price: {
    readonly value: string;
    readonly limits: { readonly pricePrecision: string; readonly tickSize: string };
    readonly nearest: { readonly below: string; readonly above: string };
  };
  readonly quantity: {
    readonly value: string;
    readonly nearest: { readonly below: string; readonly above: string };
  };
}

/** LOT_SIZE (LIMIT orders) and MARKET_LOT_SIZE (MARKET orders): their limits and quantities beyond them. */
export interface LotSizeCases {
  readonly limits: { readonly minQty: string; readonly maxQty: string; readonly stepSize: string };
  /** The least quantity that passes (a zero quantity is below the minimum). */
  readonly nearestAboveZero: string;
  readonly aboveMax: { readonly quantity: string; readonly nearestBelow: string };
  readonly market: {
    readonly limits: { readonly minQty: string; readonly maxQty: string; readonly stepSize: string };
    readonly quantity: string;
    readonly nearestBelow: string;
  };
}

/** A PERCENT_PRICE band around a given mark: the prices just outside it and the nearest ones inside. */
export interface PercentPriceBand {
  readonly markPrice: string;
  /** A buy above the band, and the highest price that passes. */
  readonly above: { readonly price: string; readonly nearestBelow: string };
  /** A sell below the band, and the lowest price that passes. */
  readonly below: { readonly price: string; readonly nearestAbove: string };
}

/** A second batch item (overrides of a valid LIMIT) and the error that must name it. */
export interface BadBatchItem {
  readonly overrides: Partial<OrderParameters>;
  readonly error: object;
}

/** The validation checks on one product's exchange. */
export interface ValidationChecks {
  /** The validation error `parameters` cause, asserting that nothing was sent and the exchange took nothing. */
  refused(parameters: OrderParameters): Promise<OrderValidationError>;
  /** PRICE_FILTER refuses a price below the minimum (-4013), a zero price (-4001) and one above the maximum (-4002). */
  expectPriceFilterRefusals(cases: PriceFilterCases): Promise<void>;
  /** PRECISION refuses a price and a quantity with more decimals than the symbol allows (-1111). */
  expectPrecisionRefusals(cases: PrecisionCases): Promise<void>;
  /** LOT_SIZE refuses a zero quantity (-4003) and one above the maximum (-4005); MARKET_LOT_SIZE a MARKET order above its own (-4005). */
  expectLotSizeRefusals(cases: LotSizeCases): Promise<void>;
  /** PERCENT_PRICE against a given mark refuses a buy above the band (-4016) and a sell below it (-4024). */
  expectPercentPriceBand(band: PercentPriceBand): Promise<void>;
  /** MAX_NUM_ORDERS against the open orders the caller counts (200 is the limit on both products). */
  expectMaxNumOrdersRefused(): Promise<void>;
  /**
   * A number where a decimal string belongs, a missing price, a symbol the product does not list
   * and a bad client order id are each refused with their own rule and code.
   */
  expectMalformedOrdersRefused(cases: {
    readonly numberQuantity: number;
    readonly unknownSymbol: string;
  }): Promise<void>;
  /** A batch of six is refused (-4082); each bad second item fails a two-order batch, its error naming item 1. */
  expectBatchRefusals(badSecondItems: readonly BadBatchItem[]): Promise<void>;
  /**
   * With explicit rounding modes (price down, quantity up) an off-grid LIMIT is placed on the grid:
   * `placed` is the price and quantity the exchange shows. The order is cancelled afterwards.
   */
  expectExplicitRounding(
    sent: { readonly price: string; readonly quantity: string },
    placed: { readonly price: string; readonly origQty: string },
  ): Promise<void>;
}

/** The validation checks on `suite`'s product; `refused` counts what the exchange took on its symbol. */
export function validationChecks(suite: ProductExchange<OrderLayerTestActions>): ValidationChecks {
  const { api, symbol } = suite.product;

  /** Placements sent so far, to either endpoint. */
  const placements = () =>
    suite.calls.filter(
      (call) =>
        call.method === 'POST' && (call.path === `${api}/v1/order` || call.path === `${api}/v1/algoOrder`),
    ).length;

  /** Orders and algo orders the exchange ever took on the symbol. */
  const orderCount = async () => {
    const orders = await suite.fx.client.getAllOrders({ symbol, limit: 1000 });
    const algos = await suite.fx.client.getAllAlgoOrders({ symbol, limit: 1000 });
    return orders.length + algos.length;
  };

  async function refused(parameters: OrderParameters): Promise<OrderValidationError> {
    const before = await orderCount();
    const sent = placements();
    const error = await suite.fx.client.newOrder(parameters).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrderValidationError);
    expect(placements()).toBe(sent);
    expect(await orderCount()).toBe(before);
    return error as OrderValidationError;
  }

  /** Asserts `parameters` are refused with (at least) `expected`. */
  const refusedWith = async (parameters: OrderParameters, expected: Partial<ReturnType<typeof fields>>) => {
    expect(fields(await refused(parameters))).toMatchObject(expected);
  };

  return {
    refused,

    async expectPriceFilterRefusals({ limits, belowMin, aboveMax }) {
      await refusedWith(suite.limit({ price: belowMin.price }), {
        rule: 'PRICE_FILTER.minPrice',
        field: 'price',
        value: belowMin.price,
        limits,
        nearest: { above: belowMin.nearestAbove },
        binanceCode: -4013,
      });
      // Zero is no price at all: Binance answers it with its own code.
      await refusedWith(suite.limit({ price: '0' }), { rule: 'PRICE_FILTER.minPrice', binanceCode: -4001 });
      await refusedWith(suite.limit({ price: aboveMax.price }), {
        rule: 'PRICE_FILTER.maxPrice',
        field: 'price',
        value: aboveMax.price,
        limits,
        nearest: { below: aboveMax.nearestBelow },
        binanceCode: -4002,
      });
    },

    async expectPrecisionRefusals({ price, quantity }) {
      await refusedWith(suite.limit({ price: price.value }), {
        rule: 'PRECISION.pricePrecision',
        field: 'price',
        value: price.value,
        limits: price.limits,
        nearest: price.nearest,
        binanceCode: -1111,
      });
      await refusedWith(suite.limit({ quantity: quantity.value }), {
        rule: 'PRECISION.quantityPrecision',
        field: 'quantity',
        value: quantity.value,
        nearest: quantity.nearest,
        binanceCode: -1111,
      });
    },

    async expectLotSizeRefusals({ limits, nearestAboveZero, aboveMax, market }) {
      await refusedWith(suite.limit({ quantity: '0' }), {
        rule: 'LOT_SIZE.minQty',
        field: 'quantity',
        value: '0',
        limits,
        nearest: { above: nearestAboveZero },
        binanceCode: -4003,
      });
      await refusedWith(suite.limit({ quantity: aboveMax.quantity }), {
        rule: 'LOT_SIZE.maxQty',
        field: 'quantity',
        value: aboveMax.quantity,
        limits,
        nearest: { below: aboveMax.nearestBelow },
        binanceCode: -4005,
      });
      await refusedWith(
        { symbol, side: 'BUY', type: 'MARKET', quantity: market.quantity },
        {
          rule: 'MARKET_LOT_SIZE.maxQty',
          field: 'quantity',
          value: market.quantity,
          limits: market.limits,
          nearest: { below: market.nearestBelow },
          binanceCode: -4005,
        },
      );
    },

    async expectPercentPriceBand({ markPrice, above, below }) {
      expect(fields(await refused(suite.limit({ price: above.price, markPrice })))).toEqual({
        rule: 'PERCENT_PRICE.multiplierUp',
        field: 'price',
        value: above.price,
        limits: { multiplierUp: '1.0500', markPrice },
        nearest: { below: above.nearestBelow },
        binanceCode: -4016,
      });
      expect(fields(await refused(suite.limit({ side: 'SELL', price: below.price, markPrice })))).toEqual({
        rule: 'PERCENT_PRICE.multiplierDown',
        field: 'price',
        value: below.price,
        limits: { multiplierDown: '0.9500', markPrice },
        nearest: { above: below.nearestAbove },
        binanceCode: -4024,
      });
    },

    async expectMaxNumOrdersRefused() {
      expect(fields(await refused(suite.limit({ openOrders: 200 })))).toEqual({
        rule: 'MAX_NUM_ORDERS.limit',
        field: 'openOrders',
        value: '200',
        limits: { limit: '200' },
        nearest: {},
        binanceCode: -2025,
      });
    },

    async expectMalformedOrdersRefused({ numberQuantity, unknownSymbol }) {
      // A binary float, deliberately past the types: what a JavaScript caller could send.
      await refusedWith(suite.limit({ quantity: numberQuantity as unknown as string }), {
        rule: 'DECIMAL',
        field: 'quantity',
        value: String(numberQuantity),
        binanceCode: -1100,
      });
      const { price: _price, ...noPrice } = suite.limit();
      await refusedWith(noPrice, { rule: 'REQUIRED', field: 'price', binanceCode: -1102 });
      await refusedWith(suite.limit({ symbol: unknownSymbol }), {
        rule: 'SYMBOL',
        value: unknownSymbol,
        binanceCode: -1121,
      });
      await refusedWith(suite.limit({ newClientOrderId: 'bad id!' }), {
        rule: 'CLIENT_ORDER_ID',
        field: 'newClientOrderId',
        binanceCode: -4015,
      });
    },

    async expectBatchRefusals(badSecondItems) {
      const { client } = suite.fx;
      const item = suite.limit();
      await expect(client.batchOrders({ batchOrders: Array(6).fill(item) })).rejects.toMatchObject({
        rule: 'BATCH_SIZE',
        binanceCode: -4082,
      });
      for (const { overrides, error } of badSecondItems) {
        const batch = client.batchOrders({ batchOrders: [item, { ...item, ...overrides }] });
        await expect(batch).rejects.toMatchObject({ ...error, index: 1 });
      }
    },

    async expectExplicitRounding(sent, placed) {
      const { client } = suite.fx;
      const { order } = await client.newOrder(
        suite.limit({ ...sent, round: { price: 'down', quantity: 'up' } }),
      );
      expect(order).toMatchObject(placed);
      await client.cancelOrder({ symbol, orderId: order.orderId });
    },
  };
}

/**
 * Position-mode shaping on `hx` (a fresh account, in one-way mode): one-way refuses LONG; after
 * switching to hedge mode LONG/SHORT is required, reduceOnly=true on an opening side is refused,
 * and reduceOnly=false is dropped with a note (it would be -1106). Returns the LIMIT price it used
 * (0.97 × mark) for the product's further checks.
 */
export async function expectHedgeModeShaping<Actions extends OrderLayerTestActions>(
  product: TestProduct<Actions>,
  hx: TradingExchange<Actions>,
): Promise<{ readonly price: string }> {
  const price = tickPrice(product, await product.markPrice(hx.client), '0.97');
  const buy = limitOrder(product, price);
  // One-way (the default): LONG is refused, BOTH is filled in.
  await expect(hx.client.newOrder({ ...buy, positionSide: 'LONG' })).rejects.toMatchObject({
    name: 'PositionModeError',
    reason: 'positionSide-not-allowed',
    mode: 'one-way',
  });
  expect(hx.events).toContainEqual(
    expect.objectContaining({ type: 'accountModeLoaded', dualSidePosition: false, multiAssetsMargin: false }),
  );
  await hx.client.setPositionMode({ dualSidePosition: 'true' });
  await hx.layer.refreshAccountMode();
  const missing = await hx.client.newOrder(buy).catch((e: unknown) => e);
  expect(missing).toBeInstanceOf(PositionModeError);
  expect(missing).toMatchObject({ reason: 'positionSide-required', mode: 'hedge', field: 'positionSide' });
  await expect(
    hx.client.newOrder({ ...buy, positionSide: 'LONG', reduceOnly: 'true' }),
  ).rejects.toMatchObject({
    reason: 'reduceOnly-opens',
  });
  // reduceOnly=false would be -1106 in hedge mode: dropped, with a note.
  const placed = await hx.client.newOrder({ ...buy, positionSide: 'LONG', reduceOnly: 'false' });
  expect(placed.order).toMatchObject({
    positionSide: 'LONG',
    status: 'NEW',
    reduceOnly: false,
    clientOrderId: placed.clientOrderId,
  });
  expect(hx.events).toContainEqual(
    expect.objectContaining({ type: 'shaped', field: 'reduceOnly', clientOrderId: placed.clientOrderId }),
  );
  return { price };
}
