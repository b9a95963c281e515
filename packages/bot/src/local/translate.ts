import {
  type AccountUpdateEvent,
  ALGO_ORDER_TYPES,
  type AlgoOrderType,
  type AlgoStatus,
  type AlgoUpdateEvent,
  Decimal,
  type OrderTradeUpdateEvent,
} from '@basis/core';
import type { AlgoUpdate, Fill, OrderUpdate } from '../strategy/events.js';

/** A wire decimal; "" (Binance's "not applicable") reads as zero. */
export function dec(text: string | undefined): Decimal {
  return text === undefined || text === '' ? Decimal.ZERO : Decimal.parse(text);
}

/** ORDER_TRADE_UPDATE → the order's update, and the fill when it is a trade. */
export function orderEvents(
  event: OrderTradeUpdateEvent,
  quoteAsset: string,
): { update: OrderUpdate; fill: Fill | undefined } {
  const o = event.o;
  const update: OrderUpdate = {
    symbol: o.s,
    orderId: String(o.i),
    clientOrderId: o.c,
    side: o.S,
    type: o.o,
    status: o.X,
    execution: o.x,
    price: dec(o.p),
    quantity: dec(o.q),
    filledQty: dec(o.z),
    avgPrice: dec(o.ap),
    reduceOnly: o.R,
    time: o.T,
  };
  const fill: Fill | undefined =
    o.x === 'TRADE'
      ? {
          symbol: o.s,
          orderId: String(o.i),
          clientOrderId: o.c,
          tradeId: String(o.t),
          side: o.S,
          price: dec(o.L),
          qty: dec(o.l),
          fee: dec(o.n),
          feeAsset: o.N ?? quoteAsset,
          realizedPnl: dec(o.rp),
          maker: o.m,
          time: o.T,
        }
      : undefined;
  return { update, fill };
}

export function algoEvent(event: AlgoUpdateEvent): AlgoUpdate {
  const o = event.o;
  return {
    symbol: o.s,
    algoId: String(o.aid),
    clientAlgoId: o.caid,
    type: o.o,
    side: o.S,
    status: o.X,
    triggerPrice: dec(o.tp),
    quantity: dec(o.q),
    closePosition: o.cp,
    reduceOnly: o.R,
    orderId: o.ai,
    time: event.E,
  };
}

const CONDITIONAL_TYPES: ReadonlySet<string> = new Set(ALGO_ORDER_TYPES);

/** An order type of the conditional kind (stop, take-profit, trailing stop). */
export function isConditionalType(type: string): type is AlgoOrderType {
  return CONDITIONAL_TYPES.has(type);
}

/** ORDER_TRADE_UPDATE `er` when a conditional order's trigger expired it (its order follows). */
const TRIGGERED = 8;

/**
 * COIN-M places conditional orders as ordinary orders (no ALGO_UPDATE): while waiting, an
 * ORDER_TRADE_UPDATE still shows the conditional type (`o` = `ot` = STOP_MARKET, …); the trigger
 * expires it with `er` 8, then the same orderId goes on as a MARKET or LIMIT order. This is the
 * waiting part as the bot's algo update, so a strategy sees the same events on both products.
 */
export function conditionalEvent(event: OrderTradeUpdateEvent): AlgoUpdate {
  const o = event.o;
  const status: AlgoStatus =
    o.X === 'EXPIRED'
      ? Number(o.er) === TRIGGERED
        ? 'TRIGGERED'
        : 'EXPIRED'
      : o.X === 'CANCELED' || o.X === 'REJECTED'
        ? o.X
        : 'NEW';
  return {
    symbol: o.s,
    algoId: String(o.i),
    clientAlgoId: o.c,
    type: o.o as AlgoOrderType,
    side: o.S,
    status,
    triggerPrice: dec(o.sp),
    quantity: dec(o.q),
    closePosition: o.cp,
    reduceOnly: o.R,
    orderId: status === 'TRIGGERED' ? String(o.i) : '',
    time: event.E,
  };
}

/** The one-way (BOTH) position rows of an ACCOUNT_UPDATE. */
export function positionRows(
  event: AccountUpdateEvent,
): { symbol: string; amount: Decimal; entryPrice: Decimal }[] {
  return event.a.P.filter((p) => p.ps === 'BOTH').map((p) => ({
    symbol: p.s,
    amount: dec(p.pa),
    entryPrice: dec(p.ep),
  }));
}
