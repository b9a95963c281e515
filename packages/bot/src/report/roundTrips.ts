import { Decimal } from '@basis/core';
import type { FillRecord, FundingRecord } from './runRecord.js';

/** Fraction digits kept when a money or price average is divided out (then trailing zeros are dropped). */
export const AVERAGE_SCALE = 8;

/**
 * One round-trip trade on one symbol: from the fill that takes the position away from zero to the fill
 * that brings it back to zero or flips it through zero.
 */
export interface RoundTrip {
  readonly symbol: string;
  readonly side: 'LONG' | 'SHORT';
  readonly openTime: number;
  /** `null` while the trade is still open at the end of the record. */
  readonly closeTime: number | null;
  /** Largest absolute position held during the trade. */
  readonly maxQty: string;
  /** Quantity-weighted price of the fills (or fill parts) that grew the position. */
  readonly entryPrice: string;
  /** Quantity-weighted price of the fills (or fill parts) that shrank it; `null` if none yet. */
  readonly exitPrice: string | null;
  /** Sum of the exchange-reported `realizedPnl` of the fills in the trade. */
  readonly realizedPnl: string;
  /** Fees paid in the quote asset (a flipping fill's fee is split by quantity). */
  readonly fees: string;
  /** Funding in the quote asset for the symbol with `openTime < time ≤ closeTime` (signed, + received). */
  readonly funding: string;
  /** realizedPnl − fees + funding. */
  readonly netPnl: string;
  /** Fills that touched the trade (a flipping fill counts in both trades). */
  readonly fills: number;
}

interface OpenTrade {
  symbol: string;
  side: 'LONG' | 'SHORT';
  openTime: number;
  position: Decimal;
  maxQty: Decimal;
  entryQty: Decimal;
  entryNotional: Decimal;
  exitQty: Decimal;
  exitNotional: Decimal;
  realizedPnl: Decimal;
  fees: Decimal;
  fills: number;
}

/** A round trip still open, as a record carries it (decimals as strings). */
export interface OpenTradeState {
  readonly symbol: string;
  readonly side: 'LONG' | 'SHORT';
  readonly openTime: number;
  readonly position: string;
  readonly maxQty: string;
  readonly entryQty: string;
  readonly entryNotional: string;
  readonly exitQty: string;
  readonly exitNotional: string;
  readonly realizedPnl: string;
  readonly fees: string;
  readonly fills: number;
}

/** A trade the builder has closed (or that is still open, `closeTime` null), before funding. */
interface EndedTrade {
  readonly trade: OpenTrade;
  readonly closeTime: number | null;
}

/**
 * Derives round-trip trades from fills, per symbol, in time order (stable for equal times).
 *
 * Rule: each symbol's position starts at zero and moves by +qty on a BUY and −qty on a SELL. A trade opens
 * when the position leaves zero and closes on the fill that brings it back to zero. A fill that crosses zero
 * (a flip) closes the current trade with the part of its quantity that reaches zero and opens a new trade
 * in the other direction with the rest; its `realizedPnl` belongs to the closing trade and its fee is split
 * by quantity (the closing share rounded half-even to the fee's scale + {@link AVERAGE_SCALE}, the opening
 * share takes the remainder, so the two add up exactly). Fees in an asset other than `quoteAsset` are not
 * in a trade's fees (they are reported per asset in the summary). Funding is attributed afterwards from
 * `funding` (same symbol and quote asset, `openTime < time ≤ closeTime`, or `> openTime` while open).
 *
 * A run that starts with a position already open (possible in live mode) is not seen: the first fills are
 * read as if from flat.
 */
export function deriveRoundTrips(
  fills: readonly FillRecord[],
  funding: readonly FundingRecord[],
  quoteAsset: string,
): RoundTrip[] {
  const builder = new RoundTripBuilder(quoteAsset);
  builder.addAll(fills);
  return builder.trips(funding);
}

/**
 * {@link deriveRoundTrips} one fill at a time: a long run's recorder feeds it the fills it stops
 * listing, and the summary goes on from the trades still open ({@link openState}).
 */
export class RoundTripBuilder {
  readonly #quoteAsset: string;
  readonly #open = new Map<string, OpenTrade>();
  #closed: EndedTrade[] = [];

  constructor(quoteAsset: string, open: readonly OpenTradeState[] = []) {
    this.#quoteAsset = quoteAsset;
    for (const t of open) this.#open.set(t.symbol, openTradeFromState(t));
  }

  /** Adds fills in time order (stable for equal times). */
  addAll(fills: readonly FillRecord[]): void {
    const ordered = fills.map((fill, index) => ({ fill, index }));
    ordered.sort((a, b) => a.fill.time - b.fill.time || a.index - b.index);
    for (const { fill } of ordered) this.add(fill);
  }

  add(fill: FillRecord): void {
    const qty = Decimal.parse(fill.qty);
    if (qty.isZero()) return;
    const price = Decimal.parse(fill.price);
    const fee = fill.feeAsset === this.#quoteAsset ? Decimal.parse(fill.fee) : Decimal.ZERO;
    const delta = fill.side === 'BUY' ? qty : qty.neg();
    const realized = Decimal.parse(fill.realizedPnl);
    const open = this.#open;

    let trade = open.get(fill.symbol);
    if (trade === undefined) {
      open.set(fill.symbol, startTrade(fill.symbol, fill.time, delta, qty, price, fee, realized));
      return;
    }

    const increases = trade.position.sign() === delta.sign();
    if (increases) {
      trade.position = trade.position.add(delta);
      trade.maxQty = trade.maxQty.max(trade.position.abs());
      trade.entryQty = trade.entryQty.add(qty);
      trade.entryNotional = trade.entryNotional.add(price.mul(qty));
      trade.realizedPnl = trade.realizedPnl.add(realized);
      trade.fees = trade.fees.add(fee);
      trade.fills += 1;
      return;
    }

    const held = trade.position.abs();
    const closingQty = qty.min(held);
    const openingQty = qty.sub(closingQty);
    const closingFee = openingQty.isZero()
      ? fee
      : fee.mul(closingQty).div(qty, fee.decimals() + AVERAGE_SCALE, 'half-even');
    trade.position = trade.position.add(delta.sign() > 0 ? closingQty : closingQty.neg());
    trade.exitQty = trade.exitQty.add(closingQty);
    trade.exitNotional = trade.exitNotional.add(price.mul(closingQty));
    trade.realizedPnl = trade.realizedPnl.add(realized);
    trade.fees = trade.fees.add(closingFee);
    trade.fills += 1;

    if (trade.position.isZero()) {
      this.#closed.push({ trade, closeTime: fill.time });
      open.delete(fill.symbol);
      if (!openingQty.isZero()) {
        const openingDelta = delta.sign() > 0 ? openingQty : openingQty.neg();
        trade = startTrade(
          fill.symbol,
          fill.time,
          openingDelta,
          openingQty,
          price,
          fee.sub(closingFee),
          Decimal.ZERO,
        );
        open.set(fill.symbol, trade);
      }
    }
  }

  /** The trades closed since the last call, with their funding; they are no longer kept. */
  takeClosed(funding: readonly FundingRecord[]): RoundTrip[] {
    const closed = this.#closed;
    this.#closed = [];
    return withFunding(closed, funding, this.#quoteAsset);
  }

  /** Every trade closed so far and the open ones, with their funding, by open time. */
  trips(funding: readonly FundingRecord[]): RoundTrip[] {
    const ended: EndedTrade[] = [...this.#closed];
    for (const trade of this.#open.values()) ended.push({ trade, closeTime: null });
    ended.sort((a, b) => a.trade.openTime - b.trade.openTime);
    return withFunding(ended, funding, this.#quoteAsset);
  }

  /** The trades open now, to carry in a record. */
  openState(): OpenTradeState[] {
    return [...this.#open.values()].map((t) => ({
      symbol: t.symbol,
      side: t.side,
      openTime: t.openTime,
      position: t.position.toString(),
      maxQty: t.maxQty.toString(),
      entryQty: t.entryQty.toString(),
      entryNotional: t.entryNotional.toString(),
      exitQty: t.exitQty.toString(),
      exitNotional: t.exitNotional.toString(),
      realizedPnl: t.realizedPnl.toString(),
      fees: t.fees.toString(),
      fills: t.fills,
    }));
  }
}

function openTradeFromState(t: OpenTradeState): OpenTrade {
  return {
    symbol: t.symbol,
    side: t.side,
    openTime: t.openTime,
    position: Decimal.parse(t.position),
    maxQty: Decimal.parse(t.maxQty),
    entryQty: Decimal.parse(t.entryQty),
    entryNotional: Decimal.parse(t.entryNotional),
    exitQty: Decimal.parse(t.exitQty),
    exitNotional: Decimal.parse(t.exitNotional),
    realizedPnl: Decimal.parse(t.realizedPnl),
    fees: Decimal.parse(t.fees),
    fills: t.fills,
  };
}

function withFunding(
  ended: readonly EndedTrade[],
  funding: readonly FundingRecord[],
  quoteAsset: string,
): RoundTrip[] {
  const fundingBySymbol = new Map<string, { time: number; amount: Decimal }[]>();
  for (const f of funding) {
    if (f.asset !== quoteAsset) continue;
    let list = fundingBySymbol.get(f.symbol);
    if (list === undefined) {
      list = [];
      fundingBySymbol.set(f.symbol, list);
    }
    list.push({ time: f.time, amount: Decimal.parse(f.amount) });
  }

  return ended.map(({ trade, closeTime }) => {
    let fundingSum = Decimal.ZERO;
    for (const f of fundingBySymbol.get(trade.symbol) ?? []) {
      if (f.time > trade.openTime && (closeTime === null || f.time <= closeTime)) {
        fundingSum = fundingSum.add(f.amount);
      }
    }
    const priceScale = Math.max(trade.entryNotional.decimals(), trade.exitNotional.decimals());
    return {
      symbol: trade.symbol,
      side: trade.side,
      openTime: trade.openTime,
      closeTime,
      maxQty: trade.maxQty.toString(),
      entryPrice: average(trade.entryNotional, trade.entryQty, priceScale),
      exitPrice: trade.exitQty.isZero() ? null : average(trade.exitNotional, trade.exitQty, priceScale),
      realizedPnl: trade.realizedPnl.toString(),
      fees: trade.fees.normalize().toString(),
      funding: fundingSum.toString(),
      netPnl: trade.realizedPnl.sub(trade.fees).add(fundingSum).normalize().toString(),
      fills: trade.fills,
    };
  });
}

function startTrade(
  symbol: string,
  time: number,
  delta: Decimal,
  qty: Decimal,
  price: Decimal,
  fee: Decimal,
  realized: Decimal,
): OpenTrade {
  return {
    symbol,
    side: delta.isPositive() ? 'LONG' : 'SHORT',
    openTime: time,
    position: delta,
    maxQty: qty,
    entryQty: qty,
    entryNotional: price.mul(qty),
    exitQty: Decimal.ZERO,
    exitNotional: Decimal.ZERO,
    realizedPnl: realized,
    fees: fee,
    fills: 1,
  };
}

function average(notional: Decimal, qty: Decimal, scale: number): string {
  return notional.div(qty, Math.max(scale, AVERAGE_SCALE), 'half-even').normalize().toString();
}
