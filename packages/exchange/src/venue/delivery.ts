import { type CoinmContractType, Decimal } from '@basis/core';
import { quarterlyContract, quarterlyDeliveriesAfter } from '../config/coinmSymbols.js';
import { applyFill } from '../margin/position.js';
import { toPrice } from '../margin/precision.js';
import { Rational } from '../margin/rational.js';
import type { Account, PositionState } from './account.js';
import type { Market } from './market.js';
import { expireOrder } from './orderLifecycle.js';
import type { VenueProcess } from './process.js';
import type { Venue } from './venue.js';

const MINUTE_MS = 60_000;
const YEAR_MS = 365 * 24 * 60 * MINUTE_MS;

/**
 * The delivery price is the average of the index price taken every second over the last 30 minutes
 * before delivery: 1,800 samples (Binance's rule since 2024-11-11; an hour and 3,600 before).
 */
export const SETTLEMENT_WINDOW_MS = 30 * MINUTE_MS;
const SAMPLE_MS = 1000;

/**
 * How long a contract stays DELIVERING before it reads DELIVERED. Binance publishes no duration; the
 * emulator keeps the state visible for ten minutes (orders are refused with -4108 throughout).
 */
export const DELIVERING_MS = 10 * MINUTE_MS;

/** How long a DELIVERED contract stays listed (exchangeInfo, market data) before it is removed. */
export const DELIVERED_LISTING_MS = 24 * 60 * MINUTE_MS;

/**
 * The annualised basis the synthetic market quotes quarterlies at over the index (contango): the
 * premium shrinks in proportion to the time left and is gone at delivery.
 */
export const SYNTHETIC_ANNUAL_BASIS: Decimal = Decimal.parse('0.05');

/** Expiry reason of orders a delivery ends (`er` 7: the symbol stops trading). */
const DELIVERY_EXPIRE_REASON = 7;

/** A delivery contract: anything but a perpetual. It has a delivery date and no funding. */
export function isQuarterly(market: Market): boolean {
  return market.spec.contractType !== 'PERPETUAL';
}

/**
 * The `contractType` a COIN-M contract reads (exchangeInfo, openInterest): its own, with `_DELIVERING`
 * while it delivers (core's `CoinmContractType`, reference §13.1: those values go with the DELIVERING
 * status only; a DELIVERED contract reads its type again).
 */
export function coinmContractType(market: Market): CoinmContractType {
  const type = market.spec.contractType;
  return market.status === 'DELIVERING' ? `${type}_DELIVERING` : type;
}

/**
 * Whether `market` is the contract a continuous series of `pair` and `contractType` follows now
 * (continuous klines, REST and stream): a trading one of that type. A delivering or delivered quarter
 * has handed its type on to the contract the roll made current.
 */
export function followsContinuous(market: Market, pair: string, contractType: string): boolean {
  return (
    market.spec.pair === pair && market.spec.contractType === contractType && market.status === 'TRADING'
  );
}

/**
 * The mark price of a quarterly contract (Binance FAQ "Mark Price in Quarterly Futures Contract"):
 * the index plus the moving average of the basis `(bid₁ + ask₁)/2 − index`. As the contract runs
 * down to expiry the basis leaves the mark: its weight falls linearly to 0 over the settlement window,
 * so the mark meets the index the delivery price averages. Rounded like every mark (8 decimals, half-up).
 */
export function deliveryMarkPrice(input: {
  readonly indexPrice: Decimal;
  readonly basisSamples: readonly Decimal[];
  /** The exact sum of `basisSamples`. */
  readonly basisSum: Decimal;
  readonly msUntilDelivery: number;
}): Decimal {
  const n = input.basisSamples.length;
  if (n === 0) return toPrice(input.indexPrice);
  const weight = Rational.ratio(
    Math.min(Math.max(input.msUntilDelivery, 0), SETTLEMENT_WINDOW_MS),
    SETTLEMENT_WINDOW_MS,
  );
  return toPrice(Rational.of(input.indexPrice).add(Rational.ratio(input.basisSum, n).mul(weight)));
}

/**
 * Where the synthetic market centres a quarterly's quotes: the index with a premium of
 * {@link SYNTHETIC_ANNUAL_BASIS} per year for the time left, 0 at delivery. Exact to 8 decimals.
 */
export function deliveryFairPrice(indexPrice: Decimal, msUntilDelivery: number): Decimal {
  const left = Math.max(msUntilDelivery, 0);
  return toPrice(
    Rational.of(indexPrice).mul(Rational.ratio(SYNTHETIC_ANNUAL_BASIS.mul(left), YEAR_MS).add(Rational.ONE)),
  );
}

/** The delivery price: the mean of the index samples, rounded half-up to the contract's tick. */
export function settlementPrice(sum: Decimal, count: number, tickSize: Decimal): Decimal {
  return toPrice(Rational.ratio(sum, count), { step: tickSize, mode: 'half-up' });
}

/** The delivery process's state as plain JSON (see {@link Delivery.snapshot}). */
export interface DeliverySnapshot {
  /** Per quarterly in its settlement window: Σ index samples, their count, the next sample time. */
  readonly sampling: readonly {
    readonly symbol: string;
    readonly sum: string;
    readonly count: number;
    readonly next: number;
  }[];
  /** The delivery price of each delivered contract still listed. */
  readonly prices: readonly (readonly [symbol: string, price: string])[];
}

interface Sampling {
  sum: Decimal;
  count: number;
  next: number;
}

/**
 * Quarterly delivery, as Binance runs it: over the last 30 minutes the index is sampled every second;
 * at `deliveryDate` the contract turns DELIVERING (new orders get -4108), its open orders expire (its
 * conditional orders are canceled), every position is closed at the delivery price (their average)
 * with the PnL paid in coin as DELIVERED_SETTELMENT income, and the quarter rolls: the next-quarter
 * contract becomes the current one and a new next quarter is listed. Ten minutes later it reads DELIVERED; a day later it leaves
 * the listing. Delivery contracts pay no funding (the price feeds skip them).
 */
export class Delivery implements VenueProcess {
  readonly #venue: Venue;
  readonly #sampling = new Map<string, Sampling>();
  readonly #prices = new Map<string, Decimal>();

  constructor(venue: Venue) {
    this.#venue = venue;
  }

  /** The price a delivered contract settled at (undefined before its delivery). */
  deliveryPrice(symbol: string): Decimal | undefined {
    return this.#prices.get(symbol);
  }

  /**
   * `estimatedSettlePrice`: in the settlement window the mean of the samples so far, otherwise the
   * index; the delivery price once delivered.
   */
  estimatedSettlePrice(market: Market): Decimal {
    const delivered = this.#prices.get(market.symbol);
    if (delivered !== undefined) return delivered;
    const s = this.#sampling.get(market.symbol);
    return s === undefined || s.count === 0 ? market.indexPrice : toPrice(Rational.ratio(s.sum, s.count));
  }

  nextDue(): number {
    let due = Number.POSITIVE_INFINITY;
    for (const market of this.#venue.markets.values()) {
      if (isQuarterly(market)) due = Math.min(due, this.#dueOf(market));
    }
    return due;
  }

  run(time: number): void {
    for (const market of [...this.#venue.markets.values()]) {
      if (!isQuarterly(market) || this.#dueOf(market) > time) continue;
      const delivery = market.spec.deliveryDate;
      if (market.status === 'TRADING') {
        const s = this.#samplingOf(market);
        if (s.next < delivery) {
          s.sum = s.sum.add(market.indexPrice);
          s.count++;
          s.next += SAMPLE_MS;
        } else {
          this.#deliver(market, s);
        }
      } else if (market.status === 'DELIVERING') {
        market.status = 'DELIVERED';
      } else {
        this.#prices.delete(market.symbol);
        this.#venue.delistMarket(market.symbol);
      }
    }
  }

  /** A restart after downtime: samples the gap missed are missed; a delivery due still happens. */
  skipTo(time: number): void {
    for (const s of this.#sampling.values()) s.next = Math.max(s.next, wholeSecondFrom(time));
  }

  snapshot(): DeliverySnapshot {
    return {
      sampling: [...this.#sampling].map(([symbol, s]) => ({
        symbol,
        sum: s.sum.toString(),
        count: s.count,
        next: s.next,
      })),
      prices: [...this.#prices].map(([symbol, price]) => [symbol, price.toString()] as const),
    };
  }

  restore(snapshot: DeliverySnapshot): void {
    this.#sampling.clear();
    for (const s of snapshot.sampling) {
      this.#sampling.set(s.symbol, { sum: Decimal.parse(s.sum), count: s.count, next: s.next });
    }
    this.#prices.clear();
    for (const [symbol, price] of snapshot.prices) this.#prices.set(symbol, Decimal.parse(price));
  }

  #dueOf(market: Market): number {
    const delivery = market.spec.deliveryDate;
    if (market.status === 'DELIVERING') return delivery + DELIVERING_MS;
    if (market.status === 'DELIVERED') return delivery + DELIVERED_LISTING_MS;
    const s = this.#sampling.get(market.symbol);
    if (s !== undefined) return Math.min(s.next, delivery);
    return Math.min(Math.max(delivery - SETTLEMENT_WINDOW_MS, wholeSecondFrom(this.#venue.now)), delivery);
  }

  /** The window's accumulator, opened at its first sample (or at delivery for a venue started later). */
  #samplingOf(market: Market): Sampling {
    let s = this.#sampling.get(market.symbol);
    if (s === undefined) {
      const start = Math.max(
        market.spec.deliveryDate - SETTLEMENT_WINDOW_MS,
        wholeSecondFrom(this.#venue.now),
      );
      s = { sum: Decimal.ZERO, count: 0, next: start };
      this.#sampling.set(market.symbol, s);
    }
    return s;
  }

  #deliver(market: Market, sampling: Sampling): void {
    const venue = this.#venue;
    const price =
      sampling.count === 0
        ? settlementPrice(market.indexPrice, 1, market.tickSize)
        : settlementPrice(sampling.sum, sampling.count, market.tickSize);
    this.#sampling.delete(market.symbol);
    this.#prices.set(market.symbol, price);
    market.status = 'DELIVERING';
    market.markPrice = price;
    for (const account of venue.accounts.values()) {
      // Conditional orders end too (COIN-M: its STOP/TAKE_PROFIT/trailing orders, as CANCELED).
      venue.algo.cancelAll(account, market.symbol);
      const open = account.openOrders.get(market.symbol);
      for (const order of [...(open?.values() ?? [])]) {
        expireOrder(venue, market, account, order, 'EXPIRED', DELIVERY_EXPIRE_REASON, true);
      }
      if (account.countdowns.has(market.symbol)) venue.setCountdown(account, market.symbol, 0);
      for (const side of ['BOTH', 'LONG', 'SHORT'] as const) {
        const position = account.positions.get(`${market.symbol}|${side}`);
        if (position !== undefined && !position.amount.isZero())
          settle(venue, account, market, position, price);
      }
    }
    market.openInterest = Decimal.ZERO;
    venue.markPriceChanged(market);
    this.#roll(market);
  }

  /**
   * The quarter rolls: the pair's live quarterlies, nearest first, become CURRENT_QUARTER then
   * NEXT_QUARTER, with a new contract listed a quarter after the last of them.
   */
  #roll(delivered: Market): void {
    const venue = this.#venue;
    const live = [...venue.markets.values()]
      .filter((m) => m.spec.pair === delivered.spec.pair && isQuarterly(m) && m.status === 'TRADING')
      .sort((a, b) => a.spec.deliveryDate - b.spec.deliveryDate);
    const last = live.at(-1) ?? delivered;
    const [date] = quarterlyDeliveriesAfter(last.spec.deliveryDate, 1) as [number];
    const listed = venue.listMarket(quarterlyContract(last.spec, date, 'NEXT_QUARTER'));
    listed.indexPrice = delivered.indexPrice;
    listed.markPrice = delivered.indexPrice;
    live.forEach((market, rank) => {
      const contractType = rank === 0 ? 'CURRENT_QUARTER' : 'NEXT_QUARTER';
      if (market.spec.contractType !== contractType) market.spec = { ...market.spec, contractType };
    });
  }
}

/**
 * Closes a position at the delivery price: the realized PnL (coin for COIN-M) goes to the wallet as
 * DELIVERED_SETTELMENT income (Binance's spelling), an isolated position's margin returns to the cross
 * wallet, and the account hears an ACCOUNT_UPDATE with the closed position. No fee: the reference
 * documents none for delivery.
 */
function settle(
  venue: Venue,
  account: Account,
  market: Market,
  position: PositionState,
  price: Decimal,
): void {
  const asset = market.spec.marginAsset;
  const pnl = applyFill(market.contract, position, position.amount.neg(), price).realizedPnl;
  position.amount = Decimal.ZERO;
  position.entryPrice = Decimal.ZERO;
  position.openingCommission = Decimal.ZERO;
  position.isolatedWallet = Decimal.ZERO;
  position.accumulatedRealized = position.accumulatedRealized.add(pnl);
  position.updateTime = venue.now;
  venue.changeWallet(account, asset, pnl);
  venue.recordIncome(account, {
    incomeType: 'DELIVERED_SETTELMENT',
    income: pnl,
    asset,
    symbol: market.symbol,
    info: 'DELIVERED_SETTELMENT',
  });
  // The reference names no ACCOUNT_UPDATE reason for delivery; Binance closes through a
  // `settlement_autoclose-` order, so the position change is reported as an ORDER one.
  venue.emitAccountUpdate(account, 'ORDER', [{ asset, balanceChange: Decimal.ZERO }], [position]);
}

function wholeSecondFrom(time: number): number {
  return Math.ceil(time / SAMPLE_MS) * SAMPLE_MS;
}
