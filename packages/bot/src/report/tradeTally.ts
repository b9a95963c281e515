import { Decimal } from '@basis/core';

/** The closed round trips' figures a record carries for the ones it no longer lists. */
export interface TradeTallyState {
  readonly closed: number;
  readonly wins: number;
  readonly losses: number;
  readonly grossProfit: string;
  readonly grossLoss: string;
  readonly total: string;
  readonly largestWin: string | null;
  readonly largestLoss: string | null;
}

/** Wins, losses and their sums over closed round trips, one net PnL at a time. */
export class TradeTally {
  closed = 0;
  wins = 0;
  losses = 0;
  grossProfit = Decimal.ZERO;
  /** Positive: the sum of the losses' magnitudes. */
  grossLoss = Decimal.ZERO;
  total = Decimal.ZERO;
  largestWin: Decimal | null = null;
  largestLoss: Decimal | null = null;

  constructor(state?: TradeTallyState) {
    if (state === undefined) return;
    this.closed = state.closed;
    this.wins = state.wins;
    this.losses = state.losses;
    this.grossProfit = Decimal.parse(state.grossProfit);
    this.grossLoss = Decimal.parse(state.grossLoss);
    this.total = Decimal.parse(state.total);
    this.largestWin = state.largestWin === null ? null : Decimal.parse(state.largestWin);
    this.largestLoss = state.largestLoss === null ? null : Decimal.parse(state.largestLoss);
  }

  add(netPnl: Decimal): void {
    this.closed += 1;
    this.total = this.total.add(netPnl);
    if (netPnl.isPositive()) {
      this.wins += 1;
      this.grossProfit = this.grossProfit.add(netPnl);
      this.largestWin = this.largestWin === null ? netPnl : this.largestWin.max(netPnl);
    } else if (netPnl.isNegative()) {
      this.losses += 1;
      this.grossLoss = this.grossLoss.add(netPnl.neg());
      this.largestLoss = this.largestLoss === null ? netPnl : this.largestLoss.min(netPnl);
    }
  }

  state(): TradeTallyState {
    return {
      closed: this.closed,
      wins: this.wins,
      losses: this.losses,
      grossProfit: this.grossProfit.toString(),
      grossLoss: this.grossLoss.toString(),
      total: this.total.toString(),
      largestWin: this.largestWin?.toString() ?? null,
      largestLoss: this.largestLoss?.toString() ?? null,
    };
  }
}
