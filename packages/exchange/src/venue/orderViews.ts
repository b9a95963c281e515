import {
  type CoinmOrder,
  Decimal,
  type ExecutionType,
  type Order,
  type OrderTradeUpdateEvent,
} from '@basis/core';
import { averageFillPrice, type ExactValue, exactValueOf } from '../margin/fillValue.js';
import type { Market } from './market.js';
import type { OrderRecord } from './orderRecord.js';

/** Extra decimals Binance prints average prices with, beyond the symbol's price precision. */
const AVG_PRICE_EXTRA_DECIMALS = 3;

/** What an average fill price is computed from: an order record, or what an algo order kept of one. */
export interface FilledAmounts {
  /** Filled quantity in steps. */
  readonly executedQty: number;
  /** Filled value (quote; on inverse markets coin, cut to 8 decimals per fill). */
  readonly cumQuote: Decimal;
  /** Inverse markets: the exact filled value (`cumQuote` stands in when absent). */
  readonly fillValue?: ExactValue | undefined;
}

/**
 * The average fill price as Binance prints it ("0.00000" before any fill). Linear: the filled value
 * over the filled quantity, with 3 decimals more than the symbol's price. Inverse (COIN-M): the
 * harmonic mean of the fill prices, Σ contracts × contractSize / Σ (contracts × contractSize /
 * price) computed exactly, printed at the symbol's price precision as COIN-M's examples show ("0.0"
 * for BTCUSD), half-even.
 */
export function averagePrice(market: Market, order: FilledAmounts): string {
  const contract = market.contract;
  const scale = market.priceDecimals + (contract.kind === 'inverse' ? 0 : AVG_PRICE_EXTRA_DECIMALS);
  if (order.executedQty === 0 || order.cumQuote.isZero()) return Decimal.ZERO.round(scale, 'down').toString();
  const qty = market.qtyOf(order.executedQty);
  if (contract.kind === 'linear') return order.cumQuote.div(qty, scale, 'half-even').toString();
  const value = order.fillValue ?? exactValueOf(order.cumQuote);
  return averageFillPrice(contract, qty, value, scale, 'half-even').toString();
}

function limitPrice(market: Market, order: OrderRecord): string {
  return order.priceTick === 0 ? '0' : market.formatPrice(order.priceTick);
}

function quote(order: OrderRecord): string {
  return order.cumQuote.isZero() ? '0' : order.cumQuote.normalize().toString();
}

/**
 * The order object of `POST/GET/DELETE /fapi/v1/order` and friends. `withTime` adds `time`
 * (GET rows); `withCumQty` adds `cumQty` (responses to POST/PUT/DELETE).
 */
export function orderToWire(
  market: Market,
  order: OrderRecord,
  options: { readonly withTime?: boolean; readonly withCumQty?: boolean } = {},
): Order {
  const executed = market.formatQty(order.executedQty);
  return {
    orderId: order.orderId,
    symbol: order.symbol,
    status: order.status,
    clientOrderId: order.clientOrderId,
    price: limitPrice(market, order),
    avgPrice: averagePrice(market, order),
    origQty: market.formatQty(order.origQty),
    executedQty: executed,
    ...(options.withCumQty === true ? { cumQty: executed } : {}),
    cumQuote: quote(order),
    timeInForce: order.timeInForce,
    type: order.type,
    reduceOnly: order.reduceOnly,
    closePosition: order.closePosition,
    side: order.side,
    positionSide: order.positionSide,
    stopPrice: order.stopPrice,
    workingType: order.workingType,
    priceProtect: order.priceProtect,
    origType: order.origType,
    ...(order.trailing === undefined
      ? {}
      : { activatePrice: order.trailing.activatePrice, priceRate: order.trailing.priceRate }),
    priceMatch: order.priceMatch,
    selfTradePreventionMode: order.selfTradePreventionMode,
    goodTillDate: order.goodTillDate,
    ...(options.withTime === true ? { time: order.time } : {}),
    updateTime: order.updateTime,
  };
}

/**
 * The COIN-M order object (`/dapi/v1/order` and friends) from the USD-M one: the filled value is in
 * base coin (`cumBase`, what the record's `cumQuote` holds for an inverse market), `pair` is added and
 * there is no `goodTillDate`.
 */
export function toCoinmOrder(order: Order, pair: string): CoinmOrder {
  const { cumQuote, goodTillDate: _gtd, symbol, ...rest } = order;
  return { symbol, pair, ...rest, cumBase: cumQuote };
}

/** What one execution adds to an ORDER_TRADE_UPDATE: the fill, its fee and PnL. */
export interface Execution {
  readonly type: ExecutionType;
  readonly lastQtySteps: number;
  readonly lastPriceTick: number;
  readonly tradeId: number | bigint;
  readonly isMaker: boolean;
  readonly commission?: Decimal;
  readonly commissionAsset?: string;
  readonly realizedPnl: Decimal;
  /** Bid and ask notional of the account's open orders on the symbol after this execution. */
  readonly bidsNotional: Decimal;
  readonly asksNotional: Decimal;
  readonly modifyId?: number | bigint;
}

/** `ORDER_TRADE_UPDATE` for one execution of `order` (its state already updated). */
export function orderTradeUpdate(
  market: Market,
  order: OrderRecord,
  execution: Execution,
  time: number,
): OrderTradeUpdateEvent {
  const traded = execution.lastQtySteps > 0;
  return {
    e: 'ORDER_TRADE_UPDATE',
    E: time,
    T: time,
    o: {
      s: order.symbol,
      c: order.clientOrderId,
      S: order.side,
      o: order.type,
      f: order.timeInForce,
      q: market.formatQty(order.origQty),
      p: limitPrice(market, order),
      ap: averagePrice(market, order),
      sp: order.stopPrice,
      x: execution.type,
      X: order.status,
      i: order.orderId,
      ...(execution.modifyId === undefined ? {} : { M: execution.modifyId }),
      l: market.formatQty(execution.lastQtySteps),
      z: market.formatQty(order.executedQty),
      L: traded ? market.formatPrice(execution.lastPriceTick) : '0',
      ...(execution.commission === undefined || execution.commissionAsset === undefined
        ? {}
        : { N: execution.commissionAsset, n: execution.commission.toString() }),
      T: time,
      t: execution.tradeId,
      b: execution.bidsNotional.toString(),
      a: execution.asksNotional.toString(),
      m: execution.isMaker,
      R: order.reduceOnly,
      wt: order.workingType,
      ot: order.origType,
      ps: order.positionSide,
      cp: order.closePosition,
      AP: order.trailing?.activatePrice ?? '0',
      cr: order.trailing?.priceRate ?? '0',
      pP: order.priceProtect,
      si: 0,
      ss: 0,
      rp: execution.realizedPnl.toString(),
      V: order.selfTradePreventionMode,
      pm: order.priceMatch,
      gtd: order.goodTillDate,
      er: order.expireReason as OrderTradeUpdateEvent['o']['er'],
    },
  };
}
