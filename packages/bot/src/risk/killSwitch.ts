import { Decimal } from '@basis/core';

const DAY_MS = 86_400_000;

/** Why the kill switch tripped. */
export interface KillSwitchTrip {
  readonly rule: 'maxDrawdown' | 'maxDailyLoss';
  readonly message: string;
}

/** What the kill switch remembers across restarts (see {@link KillSwitch.state}): money as strings. */
export interface KillSwitchState {
  /** The highest equity seen, the drawdown's reference. */
  readonly peak?: string;
  /** The UTC day (days since the epoch) of `dayStart`. */
  readonly day?: number;
  /** Equity at the start of `day`, the daily loss's reference. */
  readonly dayStart?: string;
}

/**
 * Watches equity for the kill switch: the drawdown from the peak, and the loss since the start of
 * the UTC day. Pure bookkeeping; the risk engine acts on a trip.
 */
export class KillSwitch {
  readonly #maxDrawdown: Decimal | undefined;
  readonly #maxDailyLoss: Decimal | undefined;
  #peak: Decimal | undefined;
  #day = Number.NaN;
  #dayStart: Decimal = Decimal.ZERO;

  constructor(limits: { readonly maxDrawdown?: string; readonly maxDailyLoss?: string }) {
    this.#maxDrawdown = limits.maxDrawdown === undefined ? undefined : Decimal.parse(limits.maxDrawdown);
    this.#maxDailyLoss = limits.maxDailyLoss === undefined ? undefined : Decimal.parse(limits.maxDailyLoss);
  }

  /** Its references, to carry into a restarted run ({@link restore}). */
  state(): KillSwitchState {
    return {
      ...(this.#peak === undefined ? {} : { peak: this.#peak.toString() }),
      ...(Number.isNaN(this.#day) ? {} : { day: this.#day, dayStart: this.#dayStart.toString() }),
    };
  }

  /**
   * Continues from an earlier run's {@link state}: its peak stays the drawdown's reference, and on the
   * same UTC day its day start the daily loss's. Call before the first {@link observe}.
   */
  restore(state: KillSwitchState): void {
    if (state.peak !== undefined) this.#peak = Decimal.parse(state.peak);
    if (state.day !== undefined && state.dayStart !== undefined) {
      this.#day = state.day;
      this.#dayStart = Decimal.parse(state.dayStart);
    }
  }

  get armed(): boolean {
    return this.#maxDrawdown !== undefined || this.#maxDailyLoss !== undefined;
  }

  /** Takes an equity sample; answers a trip when a limit is crossed. */
  observe(time: number, equity: Decimal): KillSwitchTrip | undefined {
    const day = Math.floor(time / DAY_MS);
    if (day !== this.#day) {
      this.#day = day;
      this.#dayStart = equity;
    }
    if (this.#peak === undefined || equity.gt(this.#peak)) this.#peak = equity;
    if (this.#maxDrawdown !== undefined && this.#peak.isPositive()) {
      const floor = this.#peak.sub(this.#peak.mul(this.#maxDrawdown));
      if (equity.lt(floor)) {
        return {
          rule: 'maxDrawdown',
          message: `equity ${equity.round(2, 'down')} fell more than ${this.#maxDrawdown} below its peak ${this.#peak.round(2, 'down')}`,
        };
      }
    }
    if (this.#maxDailyLoss !== undefined) {
      const loss = this.#dayStart.sub(equity);
      if (loss.gt(this.#maxDailyLoss)) {
        return {
          rule: 'maxDailyLoss',
          message: `lost ${loss.round(2, 'down')} today, more than ${this.#maxDailyLoss}`,
        };
      }
    }
    return undefined;
  }
}
