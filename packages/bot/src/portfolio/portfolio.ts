import { Decimal } from '@basis/core';
import type { Cache } from '../data/cache.js';
import type { Fill, FundingPayment } from '../strategy/events.js';

/** Running totals of a run, in the quote asset. */
export interface PortfolioTotals {
  readonly realizedPnl: Decimal;
  readonly fees: Decimal;
  readonly funding: Decimal;
  /** realizedPnl − fees + funding: what trading did to the wallet. */
  readonly netPnl: Decimal;
}

/**
 * Profit and loss over the cache: realized PnL, fees and funding as they happen, unrealized PnL and
 * equity at the latest prices. Linear (USDⓈ-M) contracts: PnL = (price − entry) × amount.
 */
export class Portfolio {
  readonly quoteAsset: string;
  readonly #cache: Cache;
  #realized = Decimal.ZERO;
  #fees = Decimal.ZERO;
  #funding = Decimal.ZERO;

  constructor(cache: Cache, quoteAsset: string) {
    this.#cache = cache;
    this.quoteAsset = quoteAsset;
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
      total = total.add(price.sub(p.entryPrice).mul(p.amount));
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
