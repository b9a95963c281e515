import { Decimal, fromSteps } from '@basis/core';

/**
 * A quantity kept as a whole number of steps, its decimal built only when read. The replay moves the
 * market flow's positions and open interest on every print; as integers that costs an addition,
 * where decimals cost a BigInt conversion and two products per print. A value set off the step grid
 * (which fills never make) is kept as the decimal itself, and sums stay exact either way.
 */
export class StepCount {
  readonly #step: Decimal;
  /** Whole steps; meaningful only while `#onGrid`. */
  #steps = 0;
  #onGrid = true;
  /** The decimal of `#steps` once built, or the value itself off the grid. */
  #value: Decimal | undefined = Decimal.ZERO;

  constructor(step: Decimal, value: Decimal = Decimal.ZERO) {
    this.#step = step;
    this.value = value;
  }

  /** Whole steps, or `undefined` when the value is off the step grid. */
  get steps(): number | undefined {
    return this.#onGrid ? this.#steps : undefined;
  }

  get value(): Decimal {
    if (this.#value === undefined) this.#value = fromSteps(BigInt(this.#steps), this.#step);
    return this.#value;
  }

  set value(value: Decimal) {
    this.#value = value;
    const steps = value.div(this.#step, 0, 'down');
    this.#onGrid = steps.mul(this.#step).eq(value) && Number.isSafeInteger(Number(steps.units));
    this.#steps = this.#onGrid ? Number(steps.units) : 0;
  }

  /** Adds `steps` (signed) steps. */
  add(steps: number): void {
    const next = this.#steps + steps;
    if (this.#onGrid && Number.isSafeInteger(next)) {
      this.#steps = next;
      this.#value = undefined;
    } else {
      this.value = this.value.add(fromSteps(BigInt(steps), this.#step));
    }
  }
}
