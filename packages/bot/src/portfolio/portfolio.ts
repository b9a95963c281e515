import { Decimal } from '@basis/core';
import type { Cache } from '../data/cache.js';
import type { Fill, FundingPayment } from '../strategy/events.js';

/** Running totals of a run, in its accounting asset (the quote asset; the margin coin on COIN-M). */
export interface PortfolioTotals {
  readonly realizedPnl: Decimal;
  readonly fees: Decimal;
  readonly funding: Decimal;
  /** realizedPnl − fees + funding: what trading did to the wallet. */
  readonly netPnl: Decimal;
}

/** Digits of an inverse contract's unrealized PnL before the record cuts money to 8. */
const INVERSE_SCALE = 12;

/**
 * Profit and loss over the cache, in the run's accounting asset: realized PnL, fees and funding as
 * they happen, unrealized PnL and equity at the latest prices. Linear (USDⓈ-M) contracts:
 * PnL = (price − entry) × amount. Inverse (COIN-M) contracts, in coin:
 * PnL = amount × contractSize × (1/entry − 1/price) (reference §13.2).
 */
export class Portfolio {
  /** The accounting asset (named for USDⓈ-M, where it is the quote asset). */
  readonly quoteAsset: string;
  readonly #cache: Cache;
  readonly #contractSize: (symbol: string) => Decimal | undefined;
  #realized = Decimal.ZERO;
  #fees = Decimal.ZERO;
  #funding = Decimal.ZERO;

  /** `contractSize` answers an inverse symbol's contract size, undefined for a linear one. */
  constructor(
    cache: Cache,
    quoteAsset: string,
    contractSize: (symbol: string) => Decimal | undefined = () => undefined,
  ) {
    this.#cache = cache;
    this.quoteAsset = quoteAsset;
    this.#contractSize = contractSize;
  }

  applyFill(fill: Fill): void {
    this.#realized = this.#realized.add(fill.realizedPnl);
    if (fill.feeAsset === this.quoteAsset) this.#fees = this.#fees.add(fill.fee);
  }

  applyFunding(payment: FundingPayment): void {
    if (payment.asset === this.quoteAsset) this.#funding = this.#funding.add(payment.amount);
  }

  unrealizedPnl(symbol?: string): Decimal {
    let total = Decimal.ZERO;
    for (const [s, p] of this.#cache.positions) {
      if (symbol !== undefined && s !== symbol) continue;
      if (p.amount.isZero()) continue;
      const price = this.#cache.price(s);
      if (price === undefined) continue;
      const size = this.#contractSize(s);
      if (size === undefined) total = total.add(price.sub(p.entryPrice).mul(p.amount));
      else if (!p.entryPrice.isZero() && !price.isZero()) {
        // amount × size × (1/entry − 1/price) = amount × size × (price − entry) / (entry × price)
        const pnl = p.amount.mul(size).mul(price.sub(p.entryPrice));
        total = total.add(pnl.div(p.entryPrice.mul(price), INVERSE_SCALE, 'half-even'));
      }
    }
    return total;
  }

  wallet(): Decimal {
    return this.#cache.wallet(this.quoteAsset);
  }

  equity(): Decimal {
    return this.wallet().add(this.unrealizedPnl());
  }

  totals(): PortfolioTotals {
    return {
      realizedPnl: this.#realized,
      fees: this.#fees,
      funding: this.#funding,
      netPnl: this.#realized.sub(this.#fees).add(this.#funding),
    };
  }
}
