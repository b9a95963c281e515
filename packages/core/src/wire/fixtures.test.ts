import { describe, expect, expectTypeOf, test } from 'vitest';
import type { Income, PositionRiskV3 } from './account.js';
import type { CoinmKline } from './coinm/market.js';
import type { CoinmOrder } from './coinm/trade.js';
import type { CoinmUserDataEvent } from './coinm/userData.js';
import type { BatchResult, BinanceErrorBody, BooleanString, Id, SignedRequestExtras } from './common.js';
import {
  ADL_QUANTILES,
  ALGO_STATUSES,
  CONTRACT_STATUSES,
  EXECUTION_TYPES,
  EXPIRY_REASONS,
  INCOME_TYPES,
  ORDER_SIDES,
  ORDER_STATUSES,
  POSITION_MARGIN_TYPES,
  POSITION_SIDES,
  PRICE_MATCHES,
  RESPONSE_ORDER_TYPES,
  RESPONSE_TIME_IN_FORCES,
  SELF_TRADE_PREVENTION_MODES,
  USER_DATA_EVENT_TYPES,
  WORKING_TYPES,
} from './enums.js';
import type { PriceFilter, SymbolFilter } from './exchangeInfo.js';
import * as fixtures from './fixtures.js';
import type { AggTrade, Depth, Kline, PriceLevel } from './market.js';
import type { CancelOrderParams, NewOrderParams } from './params/trade.js';
import type { DepthUpdateEvent, MarketStreamEvent } from './streams.js';
import type { Order, UserTrade } from './trade.js';
import type { OrderTradeUpdate, TradeLiteEvent, UserDataEvent } from './userData.js';
import type { WsApiMethodMap, WsApiRequest } from './wsApi.js';

const includes = (list: readonly unknown[], value: unknown): boolean => list.includes(value);

describe('wire fixtures', () => {
  test('default', () => {
    const entries = Object.entries(fixtures);
    expect(entries.length).toBeGreaterThan(90);
    for (const [name, value] of entries) {
      // Plain JSON: no undefined members, no bigint, no functions; survives a round trip unchanged.
      expect(JSON.parse(JSON.stringify(value)), name).toEqual(value);
    }
  });

  test('behavior: order fixtures use enum values the runtime lists know', () => {
    const orders: Order[] = [fixtures.newOrderResponse, fixtures.queryOrderResponse];
    const coinmOrders: CoinmOrder[] = [fixtures.coinmQueryOrderResponse, fixtures.coinmModifyOrderResponse];
    for (const order of [...orders, ...coinmOrders]) {
      expect(includes(ORDER_SIDES, order.side)).toBe(true);
      expect(includes(POSITION_SIDES, order.positionSide)).toBe(true);
      expect(includes(ORDER_STATUSES, order.status)).toBe(true);
      expect(includes(RESPONSE_ORDER_TYPES, order.type)).toBe(true);
      expect(includes(RESPONSE_ORDER_TYPES, order.origType)).toBe(true);
      expect(includes(RESPONSE_TIME_IN_FORCES, order.timeInForce)).toBe(true);
      expect(includes(WORKING_TYPES, order.workingType)).toBe(true);
      expect(includes(PRICE_MATCHES, order.priceMatch)).toBe(true);
      expect(includes(SELF_TRADE_PREVENTION_MODES, order.selfTradePreventionMode)).toBe(true);
    }
    expect(includes(ALGO_STATUSES, fixtures.newAlgoOrderResponse.algoStatus)).toBe(true);
    expect(includes(INCOME_TYPES, fixtures.incomeResponse[0]?.incomeType)).toBe(true);
    expect(includes(CONTRACT_STATUSES, fixtures.contractInfoEvent.cs)).toBe(true);
    expect(includes(POSITION_MARGIN_TYPES, fixtures.positionRiskV2Response[0]?.marginType)).toBe(true);
    expect(includes(ADL_QUANTILES, fixtures.positionRiskV3Response[0]?.adl)).toBe(true);
  });

  test('behavior: user-data fixtures carry known event types and codes', () => {
    const events: UserDataEvent[] = [
      fixtures.accountUpdateEvent,
      fixtures.orderTradeUpdateEvent,
      fixtures.tradeLiteEvent,
      fixtures.accountConfigLeverageEvent,
      fixtures.accountConfigMultiAssetsEvent,
      fixtures.marginCallEvent,
      fixtures.algoUpdateEvent,
      fixtures.conditionalOrderTriggerRejectEvent,
      fixtures.strategyUpdateEvent,
      fixtures.gridUpdateEvent,
      fixtures.listenKeyExpiredEvent,
    ];
    expect(new Set(events.map((event) => event.e))).toEqual(new Set(USER_DATA_EVENT_TYPES));
    const coinmEvents: CoinmUserDataEvent[] = [
      fixtures.coinmAccountUpdateEvent,
      fixtures.coinmOrderTradeUpdateEvent,
      fixtures.coinmMarginCallEvent,
      fixtures.coinmAccountConfigUpdateEvent,
    ];
    expect(coinmEvents.every((event) => includes(USER_DATA_EVENT_TYPES, event.e))).toBe(true);
    const update = fixtures.orderTradeUpdateEvent.o;
    expect(includes(EXECUTION_TYPES, update.x)).toBe(true);
    // The docs send `er` as a string; the numeric code is the same table.
    expect(includes(EXPIRY_REASONS, Number(update.er))).toBe(true);
  });

  test('behavior: ids accept both number and bigint', () => {
    const beyondSafe = 2n ** 63n - 1n;
    const bigOrder = { ...fixtures.newOrderResponse, orderId: beyondSafe } satisfies Order;
    const bigDepth = { ...fixtures.depthResponse, lastUpdateId: beyondSafe } satisfies Depth;
    const bigAgg = {
      a: beyondSafe,
      p: '1',
      q: '1',
      f: beyondSafe - 1n,
      l: beyondSafe,
      T: 1,
      m: true,
    } satisfies AggTrade;
    const bigDiff = {
      ...fixtures.depthUpdateEvent,
      U: beyondSafe - 5n,
      u: beyondSafe,
      pu: beyondSafe - 6n,
    } satisfies DepthUpdateEvent;
    const bigTrade = { ...fixtures.userTradesResponse[0]!, id: beyondSafe, orderId: 1 } satisfies UserTrade;
    const bigIncome = { ...fixtures.incomeResponse[0]!, tranId: beyondSafe } satisfies Income;
    const bigEvent = {
      ...fixtures.orderTradeUpdateEvent.o,
      i: beyondSafe,
      t: beyondSafe,
    } satisfies OrderTradeUpdate;
    expect(typeof bigOrder.orderId).toBe('bigint');
    expect(typeof fixtures.newOrderResponse.orderId).toBe('number');
    expect(bigDepth.lastUpdateId).toBe(beyondSafe);
    expect(bigAgg.l - bigAgg.f).toBe(1n);
    expect(bigDiff.u > bigDiff.pu).toBe(true);
    expect(typeof bigTrade.id).toBe('bigint');
    expect(typeof bigTrade.orderId).toBe('number');
    expect(bigIncome.tranId).toBe(beyondSafe);
    expect(bigEvent.i).toBe(beyondSafe);
    expectTypeOf<Order['orderId']>().toEqualTypeOf<Id>();
    expectTypeOf<Depth['lastUpdateId']>().toEqualTypeOf<Id>();
    expectTypeOf<DepthUpdateEvent['pu']>().toEqualTypeOf<Id>();
    expectTypeOf<TradeLiteEvent['t']>().toEqualTypeOf<Id>();
    expectTypeOf<Id>().toEqualTypeOf<number | bigint>();
  });

  test('behavior: a batch result is an order or an inline error, told apart by `code`', () => {
    const results: BatchResult<Order>[] = fixtures.batchOrdersResponse;
    const isError = (item: BatchResult<Order>): item is BinanceErrorBody => 'code' in item;
    expect(results.filter(isError).map((error) => error.code)).toEqual([-2022]);
    expect(results.filter((item) => !isError(item)).length).toBe(1);
  });

  test('behavior: filters narrow on filterType', () => {
    const filters: SymbolFilter[] = fixtures.exchangeInfoResponse.symbols[0]!.filters;
    const price = filters.find((filter): filter is PriceFilter => filter.filterType === 'PRICE_FILTER');
    expect(price?.tickSize).toBe('0.0001');
    expectTypeOf<Extract<SymbolFilter, { filterType: 'MIN_NOTIONAL' }>['notional']>().toEqualTypeOf<string>();
  });

  test('behavior: tuples and events have the documented shapes', () => {
    expect(fixtures.klinesResponse[0]).toHaveLength(12);
    expect(fixtures.coinmKlinesResponse[0]).toHaveLength(12);
    expectTypeOf<Kline['length']>().toEqualTypeOf<12>();
    expectTypeOf<Kline[7]>().toEqualTypeOf<string>();
    expectTypeOf<CoinmKline[8]>().toEqualTypeOf<number>();
    expectTypeOf<Depth['bids']>().toEqualTypeOf<PriceLevel[]>();
    expectTypeOf<Extract<UserDataEvent, { e: 'TRADE_LITE' }>>().toEqualTypeOf<TradeLiteEvent>();
    expectTypeOf<Extract<CoinmUserDataEvent, { e: 'TRADE_LITE' }>>().toBeNever();
    expectTypeOf<Extract<MarketStreamEvent, { e: 'depthUpdate' }>>().toEqualTypeOf<DepthUpdateEvent>();
    expectTypeOf<PositionRiskV3['adl']>().toEqualTypeOf<0 | 1 | 2 | 3 | 4>();
  });

  test('behavior: request parameters follow the typed-params convention', () => {
    expectTypeOf<NewOrderParams['quantity']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NewOrderParams['reduceOnly']>().toEqualTypeOf<BooleanString | undefined>();
    expectTypeOf<NewOrderParams['goodTillDate']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<NewOrderParams>().not.toHaveProperty('timestamp');
    expectTypeOf<NewOrderParams>().not.toHaveProperty('signature');
    expectTypeOf<SignedRequestExtras>().toHaveProperty('recvWindow');

    const limit = {
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '0.001',
      price: '50000',
    } satisfies NewOrderParams;
    expect(limit.price).toBe('50000');
    // @ts-expect-error: DECIMAL params are exact strings, never numbers.
    const numericPrice: NewOrderParams = { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', price: 50000 };
    // @ts-expect-error: conditional types go through the algo endpoints on USD-M.
    const stop: NewOrderParams = { symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET' };
    // @ts-expect-error: a cancel needs orderId or origClientOrderId.
    const cancelNothing: CancelOrderParams = { symbol: 'BTCUSDT' };
    const cancelByClientId = { symbol: 'BTCUSDT', origClientOrderId: 'abc' } satisfies CancelOrderParams;
    expect([numericPrice, stop, cancelNothing, cancelByClientId]).toHaveLength(4);
  });

  test('behavior: WebSocket API requests require params only when the method needs them', () => {
    expect(fixtures.wsApiSessionStatusRequest).not.toHaveProperty('params');
    expect(fixtures.wsApiOrderPlaceRequest.params.symbol).toBe('BTCUSDT');
    // @ts-expect-error: order.place has mandatory params.
    const missing: WsApiRequest<'order.place'> = { id: 1, method: 'order.place' };
    expect(missing.method).toBe('order.place');
    expectTypeOf<WsApiMethodMap['order.place']['result']>().toEqualTypeOf<Order>();
    expectTypeOf(fixtures.wsApiFailureResponse.error).toExtend<BinanceErrorBody>();
  });
});
