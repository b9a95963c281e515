import { countDecimals, type Decimal, type OrderSide, type RequestPriceMatch } from '@basis/core';
import { apiError } from '../api/apiError.js';
import { type BookSide, BUY, SELL } from '../matching/types.js';
import type { Market } from './market.js';

// Binance's symbol filters (exchangeInfo `filters`), checked in Binance's words.

/** LOT_SIZE (or MARKET_LOT_SIZE): precision -1111, then -4003, -4004, -4005, -4023; returns steps. */
export function checkQuantity(market: Market, qty: Decimal, isMarket: boolean): number {
  if (countDecimals(qty.normalize().toString()) > market.qtyDecimals) throw apiError(-1111);
  if (!qty.isPositive()) throw apiError(-4003);
  const steps = qty.div(market.stepSize, 0, 'down');
  const min = isMarket ? market.marketMinQtySteps : market.minQtySteps;
  const max = isMarket ? market.marketMaxQtySteps : market.maxQtySteps;
  const n = Number(steps.units);
  if (n < min) throw apiError(-4004);
  if (n > max) throw apiError(-4005);
  if (!qty.isMultipleOf(market.stepSize)) throw apiError(-4023);
  return n;
}

/** PRICE_FILTER: precision -1111, then -4001, -4002, -4013, -4014; returns ticks. */
export function checkPrice(market: Market, price: Decimal): number {
  if (countDecimals(price.normalize().toString()) > market.priceDecimals) throw apiError(-1111);
  if (!price.isPositive()) throw apiError(-4001);
  const ticks = Number(price.div(market.tickSize, 0, 'down').units);
  if (market.maxPriceTick > 0 && ticks > market.maxPriceTick) throw apiError(-4002);
  if (ticks < market.minPriceTick) throw apiError(-4013);
  if (!price.isMultipleOf(market.tickSize)) throw apiError(-4014);
  return ticks;
}

/** The price a priceMatch order takes: the n-th best level of the opposite side or of its own side. */
export function priceMatchTick(market: Market, side: BookSide, mode: RequestPriceMatch): number {
  const opponent = mode.startsWith('OPPONENT');
  const n = mode.endsWith('_5') ? 5 : mode.endsWith('_10') ? 10 : mode.endsWith('_20') ? 20 : 1;
  const bookSide: BookSide = opponent ? (side === BUY ? SELL : BUY) : side;
  const tick = market.book.priceAtLevel(bookSide, n);
  if (Number.isNaN(tick)) throw apiError(-5041);
  return tick;
}

/** PERCENT_PRICE: a BUY no higher than mark × multiplierUp, a SELL no lower than mark × multiplierDown. */
export function checkPercentPrice(market: Market, side: OrderSide, price: Decimal | undefined): void {
  if (price === undefined) return;
  if (side === 'BUY' && price.gt(market.markPrice.mul(market.multiplierUp))) throw apiError(-4016);
  if (side === 'SELL' && price.lt(market.markPrice.mul(market.multiplierDown))) throw apiError(-4024);
}

/** MIN_NOTIONAL: price × quantity (MARKET: the mark price), waived for reduce-only orders. */
export function checkMinNotional(
  market: Market,
  qtySteps: number,
  price: Decimal | undefined,
  reducing: boolean,
): void {
  if (reducing) return;
  const notional = market.qtyOf(qtySteps).mul(price ?? market.markPrice);
  if (notional.lt(market.minNotional)) throw apiError(-4164, [market.minNotional.toString()]);
}
