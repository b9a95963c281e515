import { Decimal } from '@basis/core';
import { maxLeverage } from '../margin/brackets.js';
import {
  averagePremiumIndexOf,
  type BookLevel,
  fundingPayment,
  fundingRate,
  INTEREST_RATE_8H,
  impactMarginNotional,
  impactNotionalUnits,
  impactPrice,
  linearImpactPriceOfTicks,
  nextFundingTime,
  PREMIUM_CLAMP_8H,
  perInterval,
  premiumIndex,
} from '../margin/funding.js';
import { basisSample, markPrice } from '../margin/markPrice.js';
import { type BookSide, BUY, SELL } from '../matching/types.js';
import { deliveryMarkPrice, isQuarterly } from './delivery.js';
import type { Market } from './market.js';
import type { VenueProcess } from './process.js';
import type { Venue } from './venue.js';

/** Mark price updates every second; premium index samples for funding every 5 s (Binance's cadence). */
const MARK_INTERVAL_MS = 1000;
const PREMIUM_INTERVAL_MS = 5000;
/** The mark price's basis average covers 5 minutes of 1 s samples. */
const BASIS_SAMPLES = 300;
/** Depth levels read to find the impact bid and ask. */
const IMPACT_DEPTH = 200;
/** Levels read first; a walk that needs more reads on to {@link IMPACT_DEPTH}. */
const IMPACT_FIRST_READ = 8;

/** The price feeds' state as plain JSON (see {@link PriceFeeds.snapshot}). */
export interface PriceFeedsSnapshot {
  readonly nextMark: number;
  readonly nextPremium: number;
  /** Per symbol: the mark price's basis samples, the premium samples since the last funding, the latest premium. */
  readonly feeds: readonly {
    readonly symbol: string;
    readonly basis: readonly string[];
    readonly premiums: readonly string[];
    readonly lastPremium: string;
  }[];
}

interface FundingTerms {
  readonly impactNotional: Decimal;
  /** A linear market's impact notional in tick × step units, for the walk in integers. */
  readonly impactUnits: number | undefined;
  readonly cap: Decimal;
  readonly floor: Decimal;
  /** The interest rate and premium clamp scaled to the market's funding interval. */
  readonly perInterval: { readonly interest: Decimal; readonly clamp: Decimal };
}

interface FeedState {
  /**
   * The mark price's basis samples, a ring of at most {@link BASIS_SAMPLES}: once full, a new sample
   * replaces the oldest, at `basisOldest` (a shift per second moved the whole window). The average
   * needs only their count and sum; {@link oldestFirst} gives them in order for snapshots.
   */
  readonly basis: Decimal[];
  basisOldest: number;
  /** Σ basis, exact, kept with the window (derived: snapshots hold only the samples). */
  basisSum: Decimal;
  premiums: Decimal[];
  /** Σ i×premiums[i-1] (i = 1…n), exact, for the funding average (derived like `basisSum`). */
  premiumWeighted: Decimal;
  lastPremium: Decimal;
}

/**
 * The price feeds derived from each market: every second the mark price (median of the funding-
 * adjusted index, the index plus the 5-minute average basis, and the last price) with its mark,
 * index and premium kline samples; every 5 s a premium index sample from the impact bid and ask;
 * at each funding time the funding rate from the time-weighted premium average, paid between
 * positions. After each mark update the venue re-checks triggers and liquidations.
 */
export class PriceFeeds implements VenueProcess {
  readonly #venue: Venue;
  readonly #state = new Map<string, FeedState>();
  /**
   * Per market, what its spec fixes for funding, parsed once: a market's brackets never change, and its
   * spec only in a quarterly's contract type when the quarter rolls.
   */
  readonly #terms = new WeakMap<Market, FundingTerms>();
  #nextMark: number;
  #nextPremium: number;

  constructor(venue: Venue) {
    this.#venue = venue;
    this.#nextMark = Math.floor(venue.now / MARK_INTERVAL_MS) * MARK_INTERVAL_MS + MARK_INTERVAL_MS;
    this.#nextPremium =
      Math.floor(venue.now / PREMIUM_INTERVAL_MS) * PREMIUM_INTERVAL_MS + PREMIUM_INTERVAL_MS;
    this.syncMarkets();
  }

  /**
   * Follows the venue's listing: a market listed since gets empty sample windows and, when it is a
   * perpetual, its next funding time; a delisted one loses its windows. Delivery contracts have no
   * funding: their `nextFundingTime` stays 0, as Binance prints it.
   */
  syncMarkets(): void {
    const venue = this.#venue;
    for (const market of venue.markets.values()) {
      if (this.#state.has(market.symbol)) continue;
      if (!isQuarterly(market)) {
        market.nextFundingTime = nextFundingTime(venue.now, market.spec.fundingIntervalHours);
      }
      this.#state.set(market.symbol, {
        basis: [],
        basisOldest: 0,
        basisSum: Decimal.ZERO,
        premiums: [],
        premiumWeighted: Decimal.ZERO,
        lastPremium: Decimal.ZERO,
      });
    }
    for (const symbol of [...this.#state.keys()]) if (!venue.markets.has(symbol)) this.#state.delete(symbol);
  }

  nextDue(): number {
    let due = Math.min(this.#nextMark, this.#nextPremium);
    for (const market of this.#venue.markets.values()) {
      if (!isQuarterly(market)) due = Math.min(due, market.nextFundingTime);
    }
    return due;
  }

  run(time: number): void {
    for (const market of this.#venue.markets.values()) {
      if (!isQuarterly(market) && market.nextFundingTime <= time) this.#settleFunding(market, time);
    }
    if (this.#nextPremium <= time) {
      for (const market of this.#venue.markets.values()) this.#samplePremium(market);
      this.#nextPremium = time - (time % PREMIUM_INTERVAL_MS) + PREMIUM_INTERVAL_MS;
    }
    if (this.#nextMark <= time) {
      for (const market of this.#venue.markets.values()) {
        // A delivering or delivered contract keeps its delivery price as its mark.
        if (market.status === 'TRADING') this.#updateMark(market, time);
      }
      this.#nextMark = time - (time % MARK_INTERVAL_MS) + MARK_INTERVAL_MS;
    }
  }

  skipTo(time: number): void {
    this.#nextMark = time;
    this.#nextPremium = time;
    for (const market of this.#venue.markets.values()) {
      if (!isQuarterly(market)) {
        market.nextFundingTime = nextFundingTime(time, market.spec.fundingIntervalHours);
      }
    }
  }

  /** The feeds' schedule and sample windows (funding times live in the markets). */
  snapshot(): PriceFeedsSnapshot {
    return {
      nextMark: this.#nextMark,
      nextPremium: this.#nextPremium,
      // In listing order, so a restored venue (whose listing is rebuilt) writes the same snapshot.
      feeds: [...this.#venue.markets.keys()]
        .map((symbol) => [symbol, this.#feed(symbol)] as const)
        .map(([symbol, f]) => ({
          symbol,
          basis: oldestFirst(f).map(String),
          premiums: f.premiums.map(String),
          lastPremium: f.lastPremium.toString(),
        })),
    };
  }

  /** Continues from a {@link snapshot}. */
  restore(snapshot: PriceFeedsSnapshot): void {
    this.#nextMark = snapshot.nextMark;
    this.#nextPremium = snapshot.nextPremium;
    for (const f of snapshot.feeds) {
      const state = this.#state.get(f.symbol);
      if (state === undefined)
        throw new RangeError(`the snapshot has a price feed for ${f.symbol}, the venue none`);
      state.basis.length = 0;
      state.basisOldest = 0;
      state.basisSum = Decimal.ZERO;
      for (const b of f.basis) {
        const sample = Decimal.parse(b);
        state.basis.push(sample);
        state.basisSum = state.basisSum.add(sample);
      }
      state.premiums = [];
      state.premiumWeighted = Decimal.ZERO;
      for (const p of f.premiums) addPremium(state, Decimal.parse(p));
      state.lastPremium = Decimal.parse(f.lastPremium);
    }
  }

  #feed(symbol: string): FeedState {
    const state = this.#state.get(symbol);
    if (state === undefined) throw new Error(`no price feed for ${symbol}`);
    return state;
  }

  #updateMark(market: Market, time: number): void {
    const state = this.#feed(market.symbol);
    const bid = market.bookView.bestBid();
    const ask = market.bookView.bestAsk();
    if (!Number.isNaN(bid) && !Number.isNaN(ask)) {
      const sample = basisSample(market.priceOf(bid), market.priceOf(ask), market.indexPrice);
      state.basisSum = state.basisSum.add(sample);
      if (state.basis.length < BASIS_SAMPLES) {
        state.basis.push(sample);
      } else {
        state.basisSum = state.basisSum.sub(state.basis[state.basisOldest]!);
        state.basis[state.basisOldest] = sample;
        state.basisOldest = (state.basisOldest + 1) % BASIS_SAMPLES;
      }
    }
    const intervalMs = market.spec.fundingIntervalHours * 3_600_000;
    // A replay with mark-price klines plays Binance's own mark; otherwise Binance's formula (the
    // quarterly one for delivery contracts).
    market.markPrice =
      this.#venue.replay?.markPrice(market.symbol) ??
      (isQuarterly(market)
        ? deliveryMarkPrice({
            indexPrice: market.indexPrice,
            basisSamples: state.basis,
            basisSum: state.basisSum,
            msUntilDelivery: market.spec.deliveryDate - time,
          })
        : undefined) ??
      markPrice({
        indexPrice: market.indexPrice,
        lastFundingRate: market.lastFundingRate,
        msUntilNextFunding: Math.max(0, market.nextFundingTime - time),
        fundingIntervalMs: intervalMs,
        basisSamples: state.basis,
        basisSum: state.basisSum,
        lastPrice: market.lastPrice(),
      });
    market.markKlines.addSample(time, market.markPrice);
    market.indexKlines.addSample(time, market.indexPrice);
    market.premiumKlines.addSample(time, state.lastPremium);
    this.#venue.markPriceChanged(market);
  }

  #samplePremium(market: Market): void {
    const state = this.#feed(market.symbol);
    const terms = this.#termsOf(market);
    const impactBid = this.#impactPrice(market, BUY, terms);
    const impactAsk = this.#impactPrice(market, SELL, terms);
    const bid = impactBid ?? market.indexPrice;
    const ask = impactAsk ?? market.indexPrice;
    state.lastPremium = premiumIndex(bid, ask, market.indexPrice);
    if (isQuarterly(market)) return; // no funding: the premium only feeds the premium index klines
    addPremium(state, state.lastPremium);
    // The estimate Binance shows between settlements: the rate the samples so far would give.
    market.lastFundingRate = this.#rate(market, state);
  }

  /** The impact price of one side: in integer ticks and steps where exact, else the decimal walk. */
  #impactPrice(market: Market, side: BookSide, terms: FundingTerms): Decimal | undefined {
    if (terms.impactUnits !== undefined) {
      // The best few levels first, as the decimal walk reads them; all of IMPACT_DEPTH when they fall short.
      let depth = market.bookView.depth(side, IMPACT_FIRST_READ);
      let price = linearImpactPriceOfTicks(depth, market.tickSize, terms.impactUnits);
      if (price === 'short' && depth.length === 2 * IMPACT_FIRST_READ) {
        depth = market.bookView.depth(side, IMPACT_DEPTH);
        price = linearImpactPriceOfTicks(depth, market.tickSize, terms.impactUnits);
      }
      if (price !== undefined) return price === 'short' ? undefined : price;
    }
    return impactPrice(market.contract, levels(market, side), terms.impactNotional);
  }

  #rate(market: Market, state: FeedState): Decimal {
    const n = state.premiums.length;
    const terms = this.#termsOf(market);
    return fundingRate({
      averagePremiumIndex: n === 0 ? Decimal.ZERO : averagePremiumIndexOf(state.premiumWeighted, n),
      intervalHours: market.spec.fundingIntervalHours,
      perInterval: terms.perInterval,
      cap: terms.cap,
      floor: terms.floor,
    });
  }

  #termsOf(market: Market): FundingTerms {
    let terms = this.#terms.get(market);
    if (terms === undefined) {
      const impactNotional = impactMarginNotional(maxLeverage(market.brackets));
      terms = {
        impactNotional,
        impactUnits:
          market.contract.kind === 'linear'
            ? impactNotionalUnits(impactNotional, market.tickSize, market.stepSize)
            : undefined,
        perInterval: {
          interest: perInterval(INTEREST_RATE_8H, market.spec.fundingIntervalHours),
          clamp: perInterval(PREMIUM_CLAMP_8H, market.spec.fundingIntervalHours),
        },
        cap: Decimal.parse(market.spec.fundingRateCap),
        floor: Decimal.parse(market.spec.fundingRateFloor),
      };
      this.#terms.set(market, terms);
    }
    return terms;
  }

  /** Settles funding: every position pays or receives notional at mark × rate (longs pay when positive). */
  #settleFunding(market: Market, time: number): void {
    const state = this.#feed(market.symbol);
    const rate = this.#rate(market, state);
    state.premiums = [];
    state.premiumWeighted = Decimal.ZERO;
    market.lastFundingRate = rate;
    market.fundingHistory.push({
      fundingRate: rate,
      fundingTime: market.nextFundingTime,
      markPrice: market.markPrice,
    });
    const venue = this.#venue;
    for (const account of venue.accounts.values()) {
      if (account.system) continue;
      for (const side of ['BOTH', 'LONG', 'SHORT'] as const) {
        const position = account.positions.get(`${market.symbol}|${side}`);
        if (position === undefined || position.amount.isZero()) continue;
        const payment = fundingPayment(market.contract, position.amount, market.markPrice, rate);
        venue.payFunding(account, market, position, payment);
      }
    }
    market.nextFundingTime = nextFundingTime(time, market.spec.fundingIntervalHours);
  }
}

/** A feed's basis samples, oldest first (the ring read from its oldest sample). */
function oldestFirst(state: FeedState): Decimal[] {
  return [...state.basis.slice(state.basisOldest), ...state.basis.slice(0, state.basisOldest)];
}

/** Appends a premium sample, keeping `Σ i×Pᵢ` (`averagePremiumIndex`'s numerator) running. */
function addPremium(state: FeedState, premium: Decimal): void {
  state.premiums.push(premium);
  state.premiumWeighted = state.premiumWeighted.add(premium.mul(Decimal.from(state.premiums.length)));
}

/**
 * The book side as price levels (best first) for the impact-price walk, made as the walk reaches them.
 * The walk rarely goes past a few levels, so it reads the best few first and the rest of
 * {@link IMPACT_DEPTH} only when it needs them (a replay's ladder view computes levels as asked).
 */
function* levels(market: Market, side: BookSide): Generator<BookLevel> {
  let read = 0;
  for (const depth of [IMPACT_FIRST_READ, IMPACT_DEPTH]) {
    const flat = market.bookView.depth(side, depth);
    for (let i = 2 * read; i < flat.length; i += 2) {
      yield { price: market.priceOf(flat[i]!), qty: market.qtyOf(flat[i + 1]!) };
    }
    read = flat.length / 2;
    if (read < depth) return;
  }
}
