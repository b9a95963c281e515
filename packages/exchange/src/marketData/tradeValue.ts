import { Decimal, type DecimalInput } from '@basis/core';
import { MarketDataArgumentError } from './marketDataError.js';

/** Fraction digits of an inverse contract's trade value (coin): `Market.valueOf` cuts fills to 8. */
const INVERSE_VALUE_DECIMALS = 8;

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * What one trade is worth, as a whole number of {@link TradeValue.unit}s: the amount behind kline
 * index 7 and 10, the 24 h ticker's `quoteVolume` / `baseVolume` and a trade's `quoteQty` / `baseQty`.
 * Every market-data path values trades here, so candles, tickers and trade rows add up:
 * - linear (USD-M): `price × qty` in the quote asset, exact (units of tickSize × stepSize);
 * - inverse (COIN-M, `contractSize` given): `qty × contractSize / price` in the base asset, each trade
 *   cut toward zero to 8 decimals as `Market.valueOf` values a fill, so a candle's base volume is the
 *   sum of its trades' `baseQty`.
 *
 * @example
 * const btcusd = TradeValue.of('0.1', '1', '100');
 * btcusd.decimal(963500, 1).toString(); // '0.01037882' (1 contract at 96350.0)
 */
export class TradeValue {
  /** Value of one unit: tickSize × stepSize (linear) or 10^-8 of the coin (inverse). */
  readonly unit: Decimal;
  /** USD per contract of an inverse market; `undefined` for linear ones. */
  readonly contractSize: Decimal | undefined;
  // Inverse: units = ⌊qtySteps × num / (priceTick × den)⌋, as bigints and (when safe) numbers.
  readonly #num: bigint;
  readonly #den: bigint;
  readonly #numF: number;
  readonly #denF: number;

  private constructor(tickSize: Decimal, stepSize: Decimal, contractSize: Decimal | undefined) {
    this.contractSize = contractSize;
    if (contractSize === undefined) {
      this.unit = Decimal.fromUnits(tickSize.units * stepSize.units, tickSize.scale + stepSize.scale);
      this.#num = this.#den = 1n;
    } else {
      this.unit = Decimal.fromUnits(1n, INVERSE_VALUE_DECIMALS);
      // qty × CS / price × 10^8 with qty = qtySteps × step and price = priceTick × tick, in integers.
      const num =
        stepSize.units * contractSize.units * 10n ** BigInt(INVERSE_VALUE_DECIMALS + tickSize.scale);
      const den = tickSize.units * 10n ** BigInt(stepSize.scale + contractSize.scale);
      const g = gcd(num, den);
      this.#num = num / g;
      this.#den = den / g;
    }
    this.#numF = Number(this.#num);
    this.#denF = Number(this.#den);
  }

  /** The value rule of a market with these filters; `contractSize` makes it inverse. */
  static of(tickSize: DecimalInput, stepSize: DecimalInput, contractSize?: DecimalInput): TradeValue {
    const tick = Decimal.from(tickSize);
    const step = Decimal.from(stepSize);
    const cs = contractSize === undefined ? undefined : Decimal.from(contractSize);
    if (!tick.isPositive() || !step.isPositive() || (cs !== undefined && !cs.isPositive())) {
      throw new MarketDataArgumentError('Tick size, step size and contract size must be positive.');
    }
    return new TradeValue(tick, step, cs);
  }

  /** Whether trades are valued in the base asset (COIN-M) rather than the quote asset. */
  get inverse(): boolean {
    return this.contractSize !== undefined;
  }

  /**
   * The value of `qtySteps` at `priceTick` in units (hot path: a number while it is a safe integer,
   * a bigint beyond). `priceTick` must be positive for inverse markets.
   */
  units(priceTick: number, qtySteps: number): number | bigint {
    if (this.contractSize === undefined) {
      const product = priceTick * qtySteps;
      return product <= Number.MAX_SAFE_INTEGER ? product : BigInt(priceTick) * BigInt(qtySteps);
    }
    if (!(priceTick > 0)) throw new MarketDataArgumentError(`Price must be positive, got ${priceTick}.`);
    const n = qtySteps * this.#numF;
    const d = priceTick * this.#denF;
    // Both exact below 2^53, and then ⌊n / d⌋ in floating point is exact too: the quotient is at
    // least 1/d away from the next integer, more than its rounding error.
    if (n <= Number.MAX_SAFE_INTEGER && d <= Number.MAX_SAFE_INTEGER) return Math.floor(n / d);
    return (BigInt(qtySteps) * this.#num) / (BigInt(priceTick) * this.#den);
  }

  /** The value of `qtySteps` at `priceTick` as a decimal of the quote (linear) or base (inverse) asset. */
  decimal(priceTick: number, qtySteps: number): Decimal {
    return this.fromUnits(this.units(priceTick, qtySteps));
  }

  /** `units` of this rule's {@link unit} as a decimal. */
  fromUnits(units: number | bigint): Decimal {
    return Decimal.fromUnits(BigInt(units) * this.unit.units, this.unit.scale);
  }

  /**
   * The mean price of `qty` that traded for `value` (24 h `weightedAvgPrice`), half-up at `scale`:
   * `value / qty` for linear (quantity-weighted), `qty × contractSize / value` for inverse (the
   * harmonic mean, as the USD value of the contracts over their coin value [U: Binance's formula
   * is not documented]); 0 without volume.
   */
  averagePrice(qty: Decimal, value: Decimal, scale: number): Decimal {
    const cs = this.contractSize;
    if (cs === undefined)
      return qty.isZero() ? Decimal.ZERO.round(scale, 'half-up') : value.div(qty, scale, 'half-up');
    return value.isZero() ? Decimal.ZERO.round(scale, 'half-up') : qty.mul(cs).div(value, scale, 'half-up');
  }
}
