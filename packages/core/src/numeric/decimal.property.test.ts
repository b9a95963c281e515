import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { Decimal } from './decimal.js';
import { ROUNDING_MODES, type RoundingMode } from './rounding.js';
import { fromSteps, toSteps } from './steps.js';

// The reference: decimal.js with 1000 significant digits (far beyond any quotient digit these tests
// look at), truncating intermediate results, and never printing an exponent.
const Ref = DecimalJs.clone({
  precision: 1000,
  rounding: DecimalJs.ROUND_DOWN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

const REF_MODE: Record<RoundingMode, DecimalJs.Rounding> = {
  down: DecimalJs.ROUND_DOWN,
  up: DecimalJs.ROUND_UP,
  floor: DecimalJs.ROUND_FLOOR,
  ceil: DecimalJs.ROUND_CEIL,
  'half-up': DecimalJs.ROUND_HALF_UP,
  'half-down': DecimalJs.ROUND_HALF_DOWN,
  'half-even': DecimalJs.ROUND_HALF_EVEN,
};

const RUNS = { numRuns: 10_000 };

/** A cheap `expect(actual).toBe(expected)` for the inner loop of 10,000-run properties (fast-check reports the counterexample). */
function same(actual: unknown, expected: unknown, what = 'value'): void {
  if (actual !== expected) throw new Error(`${what}: got ${String(actual)}, expected ${String(expected)}`);
}
const LIMIT = 10n ** 40n - 1n;

/** Formats units/10^scale independently of the implementation under test. */
function plain(units: bigint, scale: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  const body = scale === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return units < 0n ? `-${body}` : body;
}

/** decimal.js prints a zero that came from a negative value as "-0.00"; Basis has no negative zero. */
function fixed(value: DecimalJs, scale: number, mode: RoundingMode = 'down'): string {
  const text = value.toFixed(scale, REF_MODE[mode]);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

// Uniform in digit count as well as biased small and large, so every length (16 and 17 digits, where
// doubles stop being exact, included) gets plenty of cases.
const digitCount = fc.integer({ min: 1, max: 40 });
const units = fc.oneof(
  fc.bigInt({ min: -LIMIT, max: LIMIT }),
  fc.bigInt({ min: -1_000_000n, max: 1_000_000n }),
  fc
    .tuple(digitCount, fc.boolean())
    .chain(([n, negative]) =>
      fc.bigInt({ min: 10n ** BigInt(n - 1), max: 10n ** BigInt(n) - 1n }).map((u) => (negative ? -u : u)),
    ),
);
const scale = fc.integer({ min: 0, max: 18 });
/** A decimal string with up to 40 digits and 0..18 fraction digits, with its scale. */
const decimal = fc.record({ units, scale }).map(({ units, scale }) => ({ text: plain(units, scale), scale }));
const nonZero = decimal.filter(({ text }) => !/^-?0(\.0*)?$/.test(text));
const step = fc
  .record({ units: fc.bigInt({ min: 1n, max: 1_000_000n }), scale: fc.integer({ min: 0, max: 10 }) })
  .map(({ units, scale }) => ({ text: plain(units, scale), scale }));

describe('properties against decimal.js', () => {
  test('behavior: parse and toString round-trip, keeping the scale', () => {
    fc.assert(
      fc.property(decimal, ({ text, scale }) => {
        const value = Decimal.parse(text);
        same(value.toString(), text);
        same(value.scale, scale);
        same(fixed(new Ref(text), scale), text);
        same(Decimal.parse(value.toString()).units, value.units);
      }),
      RUNS,
    );
  });

  test('behavior: exponent input equals its plain value', () => {
    const exponent = fc.integer({ min: -40, max: 40 });
    fc.assert(
      fc.property(decimal, exponent, fc.boolean(), ({ text, scale }, e, upper) => {
        const input = `${text}${upper ? 'E' : 'e'}${e >= 0 && upper ? '+' : ''}${e}`;
        const value = Decimal.parse(input);
        same(value.scale, Math.max(0, scale - e));
        same(value.toString(), fixed(new Ref(input), value.scale));
      }),
      RUNS,
    );
  });

  test('behavior: add and sub are exact with the larger scale', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const s = Math.max(a.scale, b.scale);
        same(Decimal.parse(a.text).add(b.text).toString(), fixed(new Ref(a.text).plus(b.text), s));
        same(Decimal.parse(a.text).sub(b.text).toString(), fixed(new Ref(a.text).minus(b.text), s));
      }),
      RUNS,
    );
  });

  test('behavior: mul is exact with the summed scale', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const product = Decimal.parse(a.text).mul(b.text);
        same(product.scale, a.scale + b.scale);
        same(product.toString(), fixed(new Ref(a.text).times(b.text), a.scale + b.scale));
      }),
      RUNS,
    );
  });

  test('behavior: div rounds the exact quotient once, in every mode, at random scales', () => {
    fc.assert(
      fc.property(decimal, nonZero, fc.integer({ min: 0, max: 30 }), (a, b, s) => {
        const dividend = Decimal.parse(a.text);
        const quotient = new Ref(a.text).div(b.text);
        for (const m of ROUNDING_MODES) {
          same(dividend.div(b.text, s, m).toString(), fixed(quotient, s, m), m);
        }
      }),
      RUNS,
    );
  });

  test('behavior: round matches toDecimalPlaces in every mode', () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 20 }), ({ text }, s) => {
        const value = Decimal.parse(text);
        const ref = new Ref(text);
        for (const m of ROUNDING_MODES) {
          const rounded = value.round(s, m);
          same(rounded.scale, s);
          same(rounded.toString(), fixed(ref.toDecimalPlaces(s, REF_MODE[m]), s), m);
        }
      }),
      RUNS,
    );
  });

  test('behavior: roundToStep matches toNearest in every mode and carries the step scale', () => {
    fc.assert(
      fc.property(decimal, step, (a, st) => {
        const value = Decimal.parse(a.text);
        const ref = new Ref(a.text);
        for (const m of ROUNDING_MODES) {
          const rounded = value.roundToStep(st.text, m);
          same(rounded.scale, st.scale);
          same(rounded.toString(), fixed(ref.toNearest(st.text, REF_MODE[m]), st.scale), m);
          same(rounded.isMultipleOf(st.text), true);
        }
        same(value.isMultipleOf(st.text), ref.mod(st.text).isZero());
      }),
      RUNS,
    );
  });

  test('behavior: cmp and the predicates match decimal.js, across scales', () => {
    // Half the time b is a rescaled copy of a, so equal values at different scales are common.
    const pair = fc.oneof(
      fc.tuple(decimal, decimal),
      fc.tuple(decimal, fc.integer({ min: 0, max: 5 })).map(([a, extra]) => {
        const b = extra === 0 ? a.text : `${a.text}${a.scale === 0 ? '.' : ''}${'0'.repeat(extra)}`;
        return [a, { text: b, scale: a.scale + extra }] as const;
      }),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const x = Decimal.parse(a.text);
        const expected = new Ref(a.text).cmp(b.text);
        same(x.cmp(b.text), expected);
        same(x.eq(b.text), expected === 0);
        same(x.lt(b.text), expected < 0);
        same(x.gte(b.text), expected >= 0);
        same(x.min(b.text).toString(), expected <= 0 ? a.text : b.text);
      }),
      RUNS,
    );
  });

  test('behavior: normalize drops exactly the trailing zeros; rescale back restores the value', () => {
    fc.assert(
      fc.property(decimal, ({ text, scale }) => {
        const value = Decimal.parse(text);
        const normal = value.normalize();
        same(normal.toString(), fixed(new Ref(text), new Ref(text).decimalPlaces()));
        same(normal.rescale(scale).toString(), text);
      }),
      RUNS,
    );
  });

  test('behavior: toSteps and fromSteps are inverse on multiples of the step', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -LIMIT, max: LIMIT }),
        step,
        fc.integer({ min: 0, max: 4 }),
        (k, st, pad) => {
          const value = Decimal.parse(st.text)
            .mul(k)
            .rescale(st.scale + pad);
          same(toSteps(value, st.text), k);
          same(fromSteps(k, st.text).eq(value), true);
          same(fromSteps(k, st.text).scale, st.scale);
        },
      ),
      RUNS,
    );
  });

  test('behavior: toNumber is the nearest double, like Number(text)', () => {
    fc.assert(
      fc.property(decimal, ({ text }) => {
        const expected = Number(text);
        same(Decimal.parse(text).toNumber(), expected === 0 ? 0 : expected);
      }),
      RUNS,
    );
  });
});
