import { Decimal, type DecimalInput } from './decimal.js';
import { DecimalError } from './decimalError.js';
import { pow10 } from './pow10.js';

function positive(step: DecimalInput): Decimal {
  const st = Decimal.from(step);
  if (st.units <= 0n) throw new DecimalError({ rule: 'invalid-step', value: st.toString() });
  return st;
}

/**
 * `value / step` as an exact integer count of ticks or steps, without floats. `step` must be > 0.
 * Throws {@link DecimalError} (`not-a-multiple`) if `value` is not a whole multiple of `step`.
 * @example toSteps('63123.40', '0.10') // 631234n
 */
export function toSteps(value: DecimalInput, step: DecimalInput): bigint {
  const v = Decimal.from(value);
  const st = positive(step);
  let a = v.units;
  let b = st.units;
  if (v.scale > st.scale) b *= pow10(v.scale - st.scale);
  else if (st.scale > v.scale) a *= pow10(st.scale - v.scale);
  const steps = a / b;
  if (steps * b !== a) {
    throw new DecimalError({ rule: 'not-a-multiple', value: v.toString(), detail: `step ${st}` });
  }
  return steps;
}

/**
 * `steps × step` as a Decimal with the step's scale, the inverse of {@link toSteps}. `step` must be > 0.
 * @example fromSteps(631234n, '0.10').toString() // '63123.40'
 */
export function fromSteps(steps: bigint, step: DecimalInput): Decimal {
  if (typeof steps !== 'bigint') throw new DecimalError({ rule: 'invalid-type', value: String(steps) });
  const st = positive(step);
  return Decimal.fromUnits(steps * st.units, st.scale);
}
