import type { Rng, RngState } from '@basis/core';
import { Decimal, type DecimalInput, normal, poisson } from '@basis/core';
import type { SymbolSpec } from '../config/symbolSpec.js';
import { assertInteger, MarketDataArgumentError } from './marketDataError.js';

/** Merton jumps: log-normal jumps arriving as a Poisson process. */
export interface JumpParams {
  /** Expected jumps per year (e.g. 20). */
  readonly intensityPerYear: number;
  /** Mean of the log jump size (e.g. -0.01 for a 1% average drop). */
  readonly meanLogJump: number;
  /** Standard deviation of the log jump size (e.g. 0.03). */
  readonly stdLogJump: number;
}

/** Parameters of {@link IndexProcess}. */
export interface IndexProcessParams {
  /** Starting price (> 0). */
  readonly initialPrice: DecimalInput;
  /** Annualised volatility σ of the log price, e.g. 0.5 for 50%. */
  readonly annualVolatility: number;
  /** Annualised drift μ (default 0: the price is a martingale). */
  readonly annualDrift?: number;
  /** Jumps (Merton); off when absent. The drift is compensated, so jumps do not move the mean. */
  readonly jumps?: JumpParams | undefined;
  /** Fraction digits of the price (default 8, as Binance prints index prices). */
  readonly decimals?: number;
}

/** Milliseconds in a year of 365 days: crypto trades every day, so volatility is annualised over 365. */
export const YEAR_MS = 365 * 86_400_000;

interface Move {
  readonly fromLog: number;
  readonly target: Decimal;
  readonly toLog: number;
  readonly duration: number;
  elapsed: number;
}

/** An {@link IndexProcess}'s state as plain JSON (see {@link IndexProcess.snapshot}). */
export interface IndexProcessSnapshot {
  readonly rng: RngState;
  /** The log price the walk continues from (a double: JSON keeps it exactly). */
  readonly log: number;
  readonly price: string;
  /** The scripted move in progress, if any. */
  readonly move: {
    readonly fromLog: number;
    readonly target: string;
    readonly toLog: number;
    readonly duration: number;
    readonly elapsed: number;
  } | null;
}

/**
 * The synthetic index price of one underlying asset: a geometric Brownian motion with the asset's
 * annual volatility, optional Merton jumps, and a scripted override for the admin API ("go to price X
 * over N ms": a log-linear path, noise-free, ending exactly at X, after which the random walk resumes).
 *
 * Deterministic: all randomness comes from the injected `Rng` (give it a fork of its own, e.g.
 * `rng.fork('index:BTC')`), and the number of draws per `advance` does not depend on the price.
 *
 * @example
 * const index = new IndexProcess({ initialPrice: '96000', annualVolatility: 0.5 }, rng.fork('index:BTC'));
 * index.advance(1000); // a Decimal with 8 decimals, e.g. 96001.83412345
 * index.moveTo('90000', 60_000); // the admin API: crash 6% over a minute
 */
export class IndexProcess {
  /** Fraction digits of the price. */
  readonly decimals: number;
  readonly #rng: Rng;
  readonly #sigma: number;
  readonly #drift: number;
  readonly #jumps: JumpParams | undefined;
  /** E[e^J] − 1, the mean relative jump, for the drift compensation. */
  readonly #jumpMean: number;
  readonly #scale: number;
  #log: number;
  #price: Decimal;
  #move: Move | undefined;

  constructor(params: IndexProcessParams, rng: Rng) {
    this.decimals = params.decimals ?? 8;
    assertInteger('decimals', this.decimals, 0);
    const sigma = params.annualVolatility;
    if (!(sigma >= 0 && Number.isFinite(sigma))) {
      throw new MarketDataArgumentError(`annualVolatility must be finite and >= 0, got ${sigma}.`);
    }
    this.#rng = rng;
    this.#sigma = sigma;
    this.#drift = params.annualDrift ?? 0;
    this.#jumps = params.jumps;
    this.#jumpMean =
      params.jumps === undefined
        ? 0
        : Math.exp(params.jumps.meanLogJump + params.jumps.stdLogJump ** 2 / 2) - 1;
    this.#scale = 10 ** this.decimals;
    this.#price = this.#checkedPrice(params.initialPrice);
    this.#log = Math.log(this.#price.toNumber());
  }

  /** The current price, rounded half-up to `decimals`. */
  get price(): Decimal {
    return this.#price;
  }

  /** Whether a scripted move is in progress. */
  get moving(): boolean {
    return this.#move !== undefined;
  }

  /**
   * Moves time forward by `dtMs` (≥ 0) and returns the new price. A step of any length is exact in
   * distribution (GBM has log-normal increments), so a clock jump is one step.
   */
  advance(dtMs: number): Decimal {
    if (!(dtMs >= 0) || !Number.isFinite(dtMs))
      throw new MarketDataArgumentError(`dtMs must be >= 0, got ${dtMs}.`);
    if (dtMs === 0) return this.#price;
    let remaining = dtMs;
    const move = this.#move;
    if (move !== undefined) {
      const step = Math.min(remaining, move.duration - move.elapsed);
      move.elapsed += step;
      remaining -= step;
      if (move.elapsed >= move.duration) {
        this.#move = undefined;
        this.#log = move.toLog;
        this.#price = move.target;
        if (remaining === 0) return this.#price;
      } else {
        this.#log = move.fromLog + ((move.toLog - move.fromLog) * move.elapsed) / move.duration;
      }
    }
    if (remaining > 0) this.#log += this.#logIncrement(remaining / YEAR_MS);
    this.#price = this.#toDecimal(this.#log);
    return this.#price;
  }

  /** Sets the price at once (admin API), ending any scripted move. */
  set(price: DecimalInput): void {
    this.#move = undefined;
    this.#price = this.#checkedPrice(price);
    this.#log = Math.log(this.#price.toNumber());
  }

  /**
   * Scripts a move to `target` over `durationMs` of venue time (admin API): the log price goes linearly
   * to `target` and lands on it exactly; then the random walk resumes. A duration of 0 sets the price.
   */
  moveTo(target: DecimalInput, durationMs: number): void {
    if (!(durationMs >= 0) || !Number.isFinite(durationMs)) {
      throw new MarketDataArgumentError(`durationMs must be >= 0, got ${durationMs}.`);
    }
    if (durationMs === 0) {
      this.set(target);
      return;
    }
    const price = this.#checkedPrice(target);
    this.#move = {
      fromLog: this.#log,
      target: price,
      toLog: Math.log(price.toNumber()),
      duration: durationMs,
      elapsed: 0,
    };
  }

  /** The process's state, for venue snapshots: restoring it continues the exact same path. */
  snapshot(): IndexProcessSnapshot {
    const move = this.#move;
    return {
      rng: this.#rng.snapshot(),
      log: this.#log,
      price: this.#price.toString(),
      move:
        move === undefined
          ? null
          : {
              fromLog: move.fromLog,
              target: move.target.toString(),
              toLog: move.toLog,
              duration: move.duration,
              elapsed: move.elapsed,
            },
    };
  }

  /** Continues from a {@link snapshot} (of a process with the same parameters). */
  restore(snapshot: IndexProcessSnapshot): void {
    this.#rng.restore(snapshot.rng);
    this.#log = snapshot.log;
    this.#price = Decimal.parse(snapshot.price);
    const move = snapshot.move;
    this.#move =
      move === null
        ? undefined
        : {
            fromLog: move.fromLog,
            target: Decimal.parse(move.target),
            toLog: move.toLog,
            duration: move.duration,
            elapsed: move.elapsed,
          };
  }

  #logIncrement(years: number): number {
    const sigma = this.#sigma;
    const jumps = this.#jumps;
    let x =
      (this.#drift -
        (sigma * sigma) / 2 -
        (jumps === undefined ? 0 : jumps.intensityPerYear * this.#jumpMean)) *
      years;
    if (sigma > 0) x += normal(this.#rng, 0, sigma * Math.sqrt(years));
    if (jumps !== undefined && jumps.intensityPerYear > 0) {
      const n = poisson(this.#rng, jumps.intensityPerYear * years);
      for (let i = 0; i < n; i++) x += normal(this.#rng, jumps.meanLogJump, jumps.stdLogJump);
    }
    return x;
  }

  #toDecimal(log: number): Decimal {
    const units = Math.max(1, Math.round(Math.exp(log) * this.#scale));
    if (!Number.isSafeInteger(units)) {
      throw new MarketDataArgumentError(`The index price left the representable range (log ${log}).`);
    }
    return Decimal.fromUnits(BigInt(units), this.decimals);
  }

  #checkedPrice(value: DecimalInput): Decimal {
    const price = Decimal.from(value).round(this.decimals, 'half-up');
    if (!price.isPositive()) throw new MarketDataArgumentError(`An index price must be > 0, got ${price}.`);
    return price;
  }
}

/** Index parameters of a symbol's synthetic market (`spec.synthetic`): its start price and volatility. */
export function indexParamsFromSpec(spec: SymbolSpec): IndexProcessParams {
  return {
    initialPrice: spec.synthetic.initialPrice,
    annualVolatility: Decimal.parse(spec.synthetic.annualVolatility).toNumber(),
  };
}
