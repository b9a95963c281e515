// @ts-expect-error big.js ships no type declarations; the shape used here is typed below.
import BigUntyped from 'big.js';
import { Decimal as DecimalJs } from 'decimal.js';
import { bench, describe } from 'vitest';
import { Decimal } from './decimal.js';

type BigValue = {
  plus(other: BigValue): BigValue;
  times(other: BigValue): BigValue;
  div(other: BigValue): BigValue;
  round(dp: number, rm: number): BigValue;
  cmp(other: BigValue): number;
  toString(): string;
};
type BigConstructor = { (value: string): BigValue; (): BigConstructor; DP: number; RM: number };

const Big = BigUntyped as BigConstructor;
// Separate constructors, so the benches configure them without touching the shared defaults.
const BigDown3 = Big();
BigDown3.DP = 3;
BigDown3.RM = 0; // roundDown
// decimal.js divides to `precision` significant digits first; 40 is enough to make div exact here.
const DecimalJs40 = DecimalJs.clone({ precision: 40 });

/** A tiny seeded LCG (Numerical Recipes constants), so every run and every library sees the same inputs. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const N = 1000;
const random = lcg(20240601);
const digits = (n: number): string =>
  Math.floor(random() * 10 ** n)
    .toString()
    .padStart(n, '0');
const int = (max: number): string => String(1 + Math.floor(random() * max));

// Realistic Binance values: prices like 63123.40, quantities like 0.003, balances like 122607.35137903.
const prices = Array.from({ length: N }, () => `${int(99_999)}.${digits(2)}`);
const quantities = Array.from({ length: N }, () => `${int(5) === '1' ? int(9) : '0'}.${digits(3)}`);
const balances = Array.from({ length: N }, () => `${int(999_999)}.${digits(8)}`);
// Interleaved, so add and cmp see both equal and different scales.
const mixed = Array.from({ length: N }, (_, i) => [prices, quantities, balances][i % 3]![i]!);
// Unrounded order quantities (balance / price at 10 digits) for rounding to the step size.
const rawQuantities = Array.from({ length: N }, () => `0.${digits(10)}`);

const basis = {
  mixed: mixed.map((s) => Decimal.parse(s)),
  prices: prices.map((s) => Decimal.parse(s)),
  quantities: quantities.map((s) => Decimal.parse(s)),
  balances: balances.map((s) => Decimal.parse(s)),
  raw: rawQuantities.map((s) => Decimal.parse(s)),
  step: Decimal.parse('0.001'),
};
const djs = {
  mixed: mixed.map((s) => new DecimalJs40(s)),
  prices: prices.map((s) => new DecimalJs40(s)),
  quantities: quantities.map((s) => new DecimalJs40(s)),
  balances: balances.map((s) => new DecimalJs40(s)),
  raw: rawQuantities.map((s) => new DecimalJs40(s)),
  step: new DecimalJs40('0.001'),
};
const big = {
  mixed: mixed.map((s) => Big(s)),
  prices: prices.map((s) => Big(s)),
  quantities: quantities.map((s) => Big(s)),
  balances: balances.map((s) => Big(s)),
  raw: rawQuantities.map((s) => Big(s)),
  step: Big('0.001'),
  // big.js rounds a quotient to the DP and RM of the dividend's constructor.
  balancesDown3: balances.map((s) => BigDown3(s)),
};

// Every bench runs the same 1000 inputs per iteration and keeps a result so nothing is optimised away.
const sink: unknown[] = [undefined];

describe('parse', () => {
  bench('basis Decimal', () => {
    for (let i = 0; i < N; i++) sink[0] = Decimal.parse(mixed[i]!);
  });
  bench('decimal.js', () => {
    for (let i = 0; i < N; i++) sink[0] = new DecimalJs40(mixed[i]!);
  });
  bench('big.js', () => {
    for (let i = 0; i < N; i++) sink[0] = Big(mixed[i]!);
  });
});

describe('toString', () => {
  bench('basis Decimal', () => {
    for (let i = 0; i < N; i++) sink[0] = basis.mixed[i]!.toString();
  });
  bench('decimal.js', () => {
    for (let i = 0; i < N; i++) sink[0] = djs.mixed[i]!.toString();
  });
  bench('big.js', () => {
    for (let i = 0; i < N; i++) sink[0] = big.mixed[i]!.toString();
  });
});

describe('add', () => {
  bench('basis Decimal', () => {
    for (let i = 0; i < N - 1; i++) sink[0] = basis.mixed[i]!.add(basis.mixed[i + 1]!);
  });
  bench('decimal.js', () => {
    for (let i = 0; i < N - 1; i++) sink[0] = djs.mixed[i]!.plus(djs.mixed[i + 1]!);
  });
  bench('big.js', () => {
    for (let i = 0; i < N - 1; i++) sink[0] = big.mixed[i]!.plus(big.mixed[i + 1]!);
  });
});

describe('mul (price × quantity)', () => {
  bench('basis Decimal', () => {
    for (let i = 0; i < N; i++) sink[0] = basis.prices[i]!.mul(basis.quantities[i]!);
  });
  bench('decimal.js', () => {
    for (let i = 0; i < N; i++) sink[0] = djs.prices[i]!.times(djs.quantities[i]!);
  });
  bench('big.js', () => {
    for (let i = 0; i < N; i++) sink[0] = big.prices[i]!.times(big.quantities[i]!);
  });
});

describe('div (balance / price → 3 dp, down)', () => {
  bench('basis Decimal', () => {
    for (let i = 0; i < N; i++) sink[0] = basis.balances[i]!.div(basis.prices[i]!, 3, 'down');
  });
  bench('decimal.js', () => {
    for (let i = 0; i < N; i++) {
      sink[0] = djs.balances[i]!.div(djs.prices[i]!).toDecimalPlaces(3, DecimalJs.ROUND_DOWN);
    }
  });
  bench('big.js', () => {
    for (let i = 0; i < N; i++) sink[0] = big.balancesDown3[i]!.div(big.prices[i]!);
  });
});

describe('roundToStep (quantity to step 0.001, down)', () => {
  bench('basis Decimal', () => {
    for (let i = 0; i < N; i++) sink[0] = basis.raw[i]!.roundToStep(basis.step, 'down');
  });
  bench('decimal.js', () => {
    for (let i = 0; i < N; i++) sink[0] = djs.raw[i]!.toNearest(djs.step, DecimalJs.ROUND_DOWN);
  });
  bench('big.js', () => {
    for (let i = 0; i < N; i++) sink[0] = big.raw[i]!.div(big.step).round(0, 0).times(big.step);
  });
});

describe('cmp', () => {
  bench('basis Decimal', () => {
    for (let i = 0; i < N - 1; i++) sink[0] = basis.mixed[i]!.cmp(basis.mixed[i + 1]!);
  });
  bench('decimal.js', () => {
    for (let i = 0; i < N - 1; i++) sink[0] = djs.mixed[i]!.cmp(djs.mixed[i + 1]!);
  });
  bench('big.js', () => {
    for (let i = 0; i < N - 1; i++) sink[0] = big.mixed[i]!.cmp(big.mixed[i + 1]!);
  });
});
