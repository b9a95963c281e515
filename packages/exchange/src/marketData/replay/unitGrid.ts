import { Decimal } from '@basis/core';
import { type CsvFields, decimalToSteps } from './csvRows.js';

/**
 * A tick or step size, for reading replayed prices and quantities as whole ticks and steps: exact when
 * a value is on the grid (no Decimal made), rounded half-even when it is not (older files carry
 * finer prices than today's filters allow).
 */
export class UnitGrid {
  readonly size: Decimal;
  readonly #units: number;
  readonly #scale: number;

  constructor(size: Decimal) {
    this.size = size;
    this.#units = Number(size.units);
    this.#scale = size.scale;
  }

  /** `text` in whole units of the grid; 0 when it is not a decimal. */
  ofText(text: string): number {
    return decimalToSteps(text, this.#units, this.#scale) ?? this.#rounded(text);
  }

  /** Field `i` of a split CSV line in whole units of the grid; 0 when it is not a decimal. */
  ofField(fields: CsvFields, i: number): number {
    return fields.steps(i, this.#units, this.#scale) ?? this.#rounded(fields.text(i));
  }

  #rounded(text: string): number {
    const value = Decimal.tryParse(text);
    return value === undefined ? 0 : Number(value.div(this.size, 0, 'half-even').units);
  }
}
