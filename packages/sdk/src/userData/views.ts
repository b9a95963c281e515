import {
  type AccountUpdateBalance,
  type AccountUpdatePosition,
  type AlgoOrderDetail,
  type AlgoStatus,
  type AlgoUpdate,
  type BalanceV3,
  type CoinmBalance,
  type CoinmOrder,
  type CoinmPositionRisk,
  type CoinmUserTrade,
  Decimal,
  type Id,
  type Order,
  type OrderSide,
  type OrderStatus,
  type OrderTradeUpdate,
  type PositionRiskV3,
  type PositionSide,
  type UserTrade,
} from '@basis/core';

// The live account state's values: exact decimals (core's `Decimal`), built from either a stream
// event or a REST row, so that both sources compare field by field.

/** An order as the account state keeps it (open orders, and the last known state of finished ones). */
export interface OrderView {
  readonly symbol: string;
  readonly orderId: Id;
  readonly clientOrderId: string;
  readonly side: OrderSide;
  readonly positionSide: PositionSide;
  /** Current order type. */
  readonly type: string;
  readonly origType: string;
  readonly timeInForce: string;
  readonly status: OrderStatus;
  readonly price: Decimal;
  readonly origQty: Decimal;
  readonly executedQty: Decimal;
  readonly avgPrice: Decimal;
  readonly stopPrice: Decimal;
  readonly reduceOnly: boolean;
  readonly closePosition: boolean;
  /** Last update (event `T` / REST `updateTime`), ms. */
  readonly updateTime: number;
}

/** One fill of one of the account's orders. */
export interface TradeView {
  readonly symbol: string;
  readonly tradeId: Id;
  readonly orderId: Id;
  readonly side: OrderSide;
  readonly positionSide: PositionSide;
  readonly price: Decimal;
  readonly qty: Decimal;
  /** Undefined when the event carried no commission. */
  readonly commission: Decimal | undefined;
  readonly commissionAsset: string | undefined;
  readonly realizedPnl: Decimal;
  readonly maker: boolean;
  readonly time: number;
}

/** An algo (conditional) order. */
export interface AlgoOrderView {
  readonly symbol: string;
  readonly algoId: Id;
  readonly clientAlgoId: string;
  readonly orderType: string;
  readonly side: OrderSide;
  readonly positionSide: PositionSide;
  readonly status: AlgoStatus;
  readonly quantity: Decimal;
  readonly triggerPrice: Decimal;
  readonly price: Decimal;
  readonly reduceOnly: boolean;
  readonly closePosition: boolean;
  readonly updateTime: number;
}

/** A position (one-way: side BOTH; hedge: LONG and SHORT). A zero amount means flat. */
export interface PositionView {
  readonly symbol: string;
  readonly positionSide: PositionSide;
  /** Signed amount. */
  readonly positionAmt: Decimal;
  readonly entryPrice: Decimal;
  readonly breakEvenPrice: Decimal;
  /** Unrealized PnL at the last update (it moves with the mark price between updates). */
  readonly unrealizedProfit: Decimal;
  readonly isolatedWallet: Decimal;
  readonly updateTime: number;
}

/** One asset's balance. */
export interface BalanceView {
  readonly asset: string;
  readonly walletBalance: Decimal;
  readonly crossWalletBalance: Decimal;
  readonly updateTime: number;
}

const TERMINAL_ORDER: ReadonlySet<string> = new Set(['FILLED', 'CANCELED', 'EXPIRED', 'EXPIRED_IN_MATCH']);

/** Whether an order in `status` can change no more. */
export function isFinalOrderStatus(status: string): boolean {
  return TERMINAL_ORDER.has(status);
}

/** Whether an algo order in `status` still waits for its trigger (what `openAlgoOrders` lists). */
export function isOpenAlgoStatus(status: string): boolean {
  return status === 'NEW';
}

/** `""` (e.g. an algo quantity with closePosition) and unparsable text read as zero. */
export function dec(text: string | undefined): Decimal {
  if (text === undefined || text === '') return Decimal.ZERO;
  return Decimal.tryParse(text) ?? Decimal.ZERO;
}

/** The key of an order, a trade or an algo order: ids increase per symbol. */
export function idKey(symbol: string, id: Id): string {
  return `${symbol}:${String(id)}`;
}

/** The key of a position. */
export function positionKey(symbol: string, positionSide: string): string {
  return `${symbol}:${positionSide}`;
}

/** From an ORDER_TRADE_UPDATE's `o`. */
export function orderFromEvent(o: OrderTradeUpdate): OrderView {
  return {
    symbol: o.s,
    orderId: o.i,
    clientOrderId: o.c,
    side: o.S,
    positionSide: o.ps,
    type: o.o,
    origType: o.ot,
    timeInForce: o.f,
    status: o.X,
    price: dec(o.p),
    origQty: dec(o.q),
    executedQty: dec(o.z),
    avgPrice: dec(o.ap),
    stopPrice: dec(o.sp),
    reduceOnly: o.R,
    closePosition: o.cp,
    updateTime: o.T,
  };
}

/**
 * From a REST order row (`openOrders`, `order`, `allOrders`), USD-M's or COIN-M's (`cumBase` for
 * `cumQuote`: neither is kept).
 */
export function orderFromRest(order: Order | CoinmOrder): OrderView {
  return {
    symbol: order.symbol,
    orderId: order.orderId,
    clientOrderId: order.clientOrderId,
    side: order.side,
    positionSide: order.positionSide,
    type: order.type,
    origType: order.origType,
    timeInForce: order.timeInForce,
    status: order.status,
    price: dec(order.price),
    origQty: dec(order.origQty),
    executedQty: dec(order.executedQty),
    avgPrice: dec(order.avgPrice),
    stopPrice: dec(order.stopPrice),
    reduceOnly: order.reduceOnly,
    closePosition: order.closePosition,
    updateTime: order.updateTime,
  };
}

/** The fill of an ORDER_TRADE_UPDATE, when it reports one (`x` TRADE or CALCULATED, `t` ≠ 0). */
export function tradeFromEvent(o: OrderTradeUpdate): TradeView | undefined {
  if ((o.x !== 'TRADE' && o.x !== 'CALCULATED') || String(o.t) === '0') return undefined;
  return {
    symbol: o.s,
    tradeId: o.t,
    orderId: o.i,
    side: o.S,
    positionSide: o.ps,
    price: dec(o.L),
    qty: dec(o.l),
    commission: o.n === undefined ? undefined : dec(o.n),
    commissionAsset: o.N,
    realizedPnl: dec(o.rp),
    maker: o.m,
    time: o.T,
  };
}

/** From a `userTrades` row, USD-M's or COIN-M's (which has no `quoteQty`; `qty` is contracts). */
export function tradeFromRest(trade: UserTrade | CoinmUserTrade): TradeView {
  return {
    symbol: trade.symbol,
    tradeId: trade.id,
    orderId: trade.orderId,
    side: trade.side,
    positionSide: trade.positionSide,
    price: dec(trade.price),
    qty: dec(trade.qty),
    commission: dec(trade.commission),
    commissionAsset: trade.commissionAsset,
    realizedPnl: dec(trade.realizedPnl),
    maker: trade.maker,
    time: trade.time,
  };
}

/** From an ALGO_UPDATE's `o` and its transaction time. */
export function algoFromEvent(o: AlgoUpdate, time: number): AlgoOrderView {
  return {
    symbol: o.s,
    algoId: o.aid,
    clientAlgoId: o.caid,
    orderType: o.o,
    side: o.S,
    positionSide: o.ps,
    status: o.X,
    quantity: dec(o.q),
    triggerPrice: dec(o.tp),
    price: dec(o.p),
    reduceOnly: o.R,
    closePosition: o.cp,
    updateTime: time,
  };
}

/** From a REST algo order row. */
export function algoFromRest(algo: AlgoOrderDetail): AlgoOrderView {
  return {
    symbol: algo.symbol,
    algoId: algo.algoId,
    clientAlgoId: algo.clientAlgoId,
    orderType: algo.orderType,
    side: algo.side,
    positionSide: algo.positionSide,
    status: algo.algoStatus,
    quantity: dec(algo.quantity),
    triggerPrice: dec(algo.triggerPrice),
    price: dec(algo.price),
    reduceOnly: algo.reduceOnly,
    closePosition: algo.closePosition,
    updateTime: algo.updateTime,
  };
}

/** From an ACCOUNT_UPDATE position. */
export function positionFromEvent(p: AccountUpdatePosition, time: number): PositionView {
  return {
    symbol: p.s,
    positionSide: p.ps,
    positionAmt: dec(p.pa),
    entryPrice: dec(p.ep),
    breakEvenPrice: dec(p.bep),
    unrealizedProfit: dec(p.up),
    isolatedWallet: dec(p.iw),
    updateTime: time,
  };
}

/**
 * From a `positionRisk` row: USD-M's v3 or COIN-M's v1 (amounts in contracts; `isolatedWallet`,
 * missing from Binance's example, reads as zero when absent).
 */
export function positionFromRest(p: PositionRiskV3 | CoinmPositionRisk): PositionView {
  return {
    symbol: p.symbol,
    positionSide: p.positionSide,
    positionAmt: dec(p.positionAmt),
    entryPrice: dec(p.entryPrice),
    breakEvenPrice: dec(p.breakEvenPrice),
    unrealizedProfit: dec(p.unRealizedProfit),
    isolatedWallet: dec(p.isolatedWallet),
    updateTime: p.updateTime,
  };
}

/** From an ACCOUNT_UPDATE balance. */
export function balanceFromEvent(b: AccountUpdateBalance, time: number): BalanceView {
  return { asset: b.a, walletBalance: dec(b.wb), crossWalletBalance: dec(b.cw), updateTime: time };
}

/** From a `balance` row (USD-M v3, COIN-M v1: coin balances). */
export function balanceFromRest(b: BalanceV3 | CoinmBalance): BalanceView {
  return {
    asset: b.asset,
    walletBalance: dec(b.balance),
    crossWalletBalance: dec(b.crossWalletBalance),
    updateTime: b.updateTime,
  };
}

/** Whether two orders differ in anything but their update time. */
export function sameOrder(a: OrderView, b: OrderView): boolean {
  return (
    a.status === b.status &&
    a.executedQty.eq(b.executedQty) &&
    a.origQty.eq(b.origQty) &&
    a.price.eq(b.price) &&
    a.avgPrice.eq(b.avgPrice) &&
    a.stopPrice.eq(b.stopPrice) &&
    a.type === b.type
  );
}

/** Whether two positions hold the same amount and prices (unrealized PnL aside: it follows the mark). */
export function samePosition(a: PositionView, b: PositionView): boolean {
  return (
    a.positionAmt.eq(b.positionAmt) &&
    a.entryPrice.eq(b.entryPrice) &&
    a.breakEvenPrice.eq(b.breakEvenPrice) &&
    a.isolatedWallet.eq(b.isolatedWallet)
  );
}

/** Whether two balances hold the same amounts. */
export function sameBalance(a: BalanceView, b: BalanceView): boolean {
  return a.walletBalance.eq(b.walletBalance) && a.crossWalletBalance.eq(b.crossWalletBalance);
}
