import {
  type AlgoOrder,
  type AlgoOrderDetail,
  type BatchResult,
  Decimal,
  type Id,
  type NewOrderType,
  type Order,
} from '@basis/core';
import { afterAll, beforeAll } from 'vitest';
import type { CoinmActions } from '../clients/decorators/coinm.js';
import type { UsdmActions } from '../clients/decorators/usdm.js';
import type { RequestCall } from '../request/types.js';
import {
  startCoinmTradingExchange,
  startTradingExchange,
  type TradingExchange,
  type TradingExchangeOptions,
} from '../testing/tradingExchange.js';
import type { OrderInput, OrderLayerCallOptions } from './prepare.js';

// The order layer's exchange tests run on USD-M (`/fapi`, BTCUSDT) and COIN-M (`/dapi`,
// BTCUSD_PERP) alike. This module names the two products (their symbol, grid and client) and starts
// one for a test file; the shared checks (validateChecks, reconcileChecks) and the user-data
// workload use the product's client through `OrderLayerTestActions`, the few methods they call.

/** New-order parameters both products take (COIN-M has no GTD). */
export type OrderParameters = Omit<OrderInput, 'goodTillDate'> & OrderLayerCallOptions;

/** A LIMIT order's parameters. */
export type LimitOrderParameters = OrderParameters & { readonly type: 'LIMIT' };

/** The order fields both products answer with (USD-M adds `cumQuote`, `goodTillDate`). */
export type ProductOrder = Omit<Order, 'cumQuote' | 'goodTillDate'>;

/** What `newOrder` answers for a LIMIT or MARKET order, on either product. */
export interface PlacedProductOrder {
  readonly endpoint: 'order';
  readonly clientOrderId: string;
  readonly order: ProductOrder;
}

/** What `newOrder` answers for a conditional order (placed with the algo service), on either product. */
export interface PlacedProductAlgoOrder {
  readonly endpoint: 'algo';
  readonly clientOrderId: string;
  readonly order: AlgoOrder;
}

/**
 * The client methods the shared order checks call. USD-M's and COIN-M's clients both have them,
 * each with its own product's types; this names only what the two have in common.
 */
export interface OrderLayerTestActions {
  newOrder<const Parameters extends OrderParameters>(
    parameters: Parameters,
  ): Promise<Parameters['type'] extends NewOrderType ? PlacedProductOrder : PlacedProductAlgoOrder>;
  batchOrders(
    parameters: { readonly batchOrders: readonly OrderParameters[] } & OrderLayerCallOptions,
  ): Promise<BatchResult<ProductOrder>[]>;
  cancelOrder(parameters: { symbol: string; orderId: Id }): Promise<ProductOrder>;
  cancelBatchOrders(parameters: {
    symbol: string;
    origClientOrderIdList: string[];
  }): Promise<BatchResult<ProductOrder>[]>;
  cancelAllOpenOrders(parameters: { symbol: string }): Promise<unknown>;
  getAllOrders(parameters: { symbol: string; limit: number }): Promise<ProductOrder[]>;
  getAllAlgoOrders(parameters: { symbol: string; limit: number }): Promise<AlgoOrderDetail[]>;
  setPositionMode(parameters: { dualSidePosition: 'true' | 'false' }): Promise<unknown>;
}

/** A futures product as the exchange tests drive it. */
export interface TestProduct<Actions extends OrderLayerTestActions> {
  /** The routes' prefix: `/fapi` or `/dapi`. */
  readonly api: '/fapi' | '/dapi';
  readonly symbol: string;
  /** A quantity of a resting order that passes every filter (coin on USD-M, contracts on COIN-M). */
  readonly quantity: string;
  /** Decimals the tests write a price with (both ticks are 0.1; USD-M's tests write two). */
  readonly priceDecimals: number;
  /** A local exchange and this product's client of its default account. */
  start(options: TradingExchangeOptions): Promise<TradingExchange<Actions>>;
  /** The symbol's mark price, read through the product's premiumIndex (an object on USD-M, an array on COIN-M). */
  markPrice(client: Actions): Promise<Decimal>;
}

/** USD-M: BTCUSDT (tick 0.10, step 0.001, min notional 100). */
export const USDM_PRODUCT: TestProduct<UsdmActions> = {
  api: '/fapi',
  symbol: 'BTCUSDT',
  quantity: '0.002',
  priceDecimals: 2,
  start: startTradingExchange,
  markPrice: async (client) => Decimal.parse((await client.getPremiumIndex({ symbol: 'BTCUSDT' })).markPrice),
};

/** COIN-M: BTCUSD_PERP (tick 0.1, whole contracts of 100 USD, no min notional). */
export const COINM_PRODUCT: TestProduct<CoinmActions> = {
  api: '/dapi',
  symbol: 'BTCUSD_PERP',
  quantity: '2',
  priceDecimals: 1,
  start: startCoinmTradingExchange,
  markPrice: async (client) => {
    const [index] = await client.getPremiumIndex({ symbol: 'BTCUSD_PERP' });
    if (index === undefined) throw new Error('no premiumIndex row for BTCUSD_PERP');
    return Decimal.parse(index.markPrice);
  },
};

/** `factor` × `mark`, floored to the 0.1 tick, written with the product's decimals. */
export function tickPrice(
  product: TestProduct<OrderLayerTestActions>,
  mark: Decimal,
  factor: string,
): string {
  return mark.mul(factor).roundToStep('0.1', 'floor').toFixed(product.priceDecimals);
}

/** A GTC LIMIT buy of the product's symbol and quantity at `price`, with `overrides`. */
export function limitOrder(
  product: TestProduct<OrderLayerTestActions>,
  price: string,
  overrides: Partial<OrderParameters> = {},
): LimitOrderParameters {
  return {
    symbol: product.symbol,
    side: 'BUY',
    timeInForce: 'GTC',
    quantity: product.quantity,
    price,
    ...overrides,
    type: 'LIMIT',
  };
}

/** A product's exchange, started for one test file. */
export interface ProductExchange<Actions extends OrderLayerTestActions> {
  readonly product: TestProduct<Actions>;
  /** The running exchange and client (reading it before `beforeAll` ran throws). */
  readonly fx: TradingExchange<Actions>;
  /** Every call the client handed to its pipeline, oldest first. */
  readonly calls: readonly RequestCall[];
  /** `factor` × the symbol's mark price when the exchange started, on the tick. */
  priceAt(factor: string): string;
  /** A GTC LIMIT buy of the product's quantity at 0.97 × the starting mark (resting, within PERCENT_PRICE), with `overrides`. */
  limit(overrides?: Partial<OrderParameters>): LimitOrderParameters;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start `product`'s trading exchange (recording the
 * client's calls) and close it, and returns a handle on it.
 */
export function useProductExchange<Actions extends OrderLayerTestActions>(
  product: TestProduct<Actions>,
  options: Omit<TradingExchangeOptions, 'onRequest'>,
): ProductExchange<Actions> {
  // State per call, never per module: test files share a worker's module cache (vitest `isolate: false`).
  let started: { readonly fx: TradingExchange<Actions>; readonly mark: Decimal } | undefined;
  const calls: RequestCall[] = [];
  const current = () => {
    if (started === undefined)
      throw new Error(`the ${product.api} exchange is not started (use it inside a test)`);
    return started;
  };
  beforeAll(async () => {
    const fx = await product.start({ ...options, onRequest: (call) => calls.push(call) });
    started = { fx, mark: await product.markPrice(fx.client) };
  });
  afterAll(async () => {
    await started?.fx.close();
  });
  const priceAt = (factor: string) => tickPrice(product, current().mark, factor);
  return {
    product,
    get fx() {
      return current().fx;
    },
    calls,
    priceAt,
    limit: (overrides = {}) => limitOrder(product, priceAt('0.97'), overrides),
  };
}
