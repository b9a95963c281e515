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
  const ordered = fills.map((fill, index) => ({ fill, index }));
  ordered.sort((a, b) => a.fill.time - b.fill.time || a.index - b.index);

  const open = new Map<string, OpenTrade>();
  const closed: { trade: OpenTrade; closeTime: number | null }[] = [];

  for (const { fill } of ordered) {
    const qty = Decimal.parse(fill.qty);
    if (qty.isZero()) continue;
    const price = Decimal.parse(fill.price);
    const fee = fill.feeAsset === quoteAsset ? Decimal.parse(fill.fee) : Decimal.ZERO;
    const delta = fill.side === 'BUY' ? qty : qty.neg();
    const realized = Decimal.parse(fill.realizedPnl);

    let trade = open.get(fill.symbol);
    if (trade === undefined) {
      open.set(fill.symbol, startTrade(fill.symbol, fill.time, delta, qty, price, fee, realized));
      continue;
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
      continue;
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
      closed.push({ trade, closeTime: fill.time });
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
  for (const trade of open.values()) closed.push({ trade, closeTime: null });
  closed.sort((a, b) => a.trade.openTime - b.trade.openTime);

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

  return closed.map(({ trade, closeTime }) => {
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
