/** A sliding-window counter of order actions: at most `count` within any `perMs`. */
export class OrderRateWindow {
  readonly #count: number;
  readonly #perMs: number;
  readonly #times: number[] = [];

  constructor(count: number, perMs: number) {
    this.#count = count;
    this.#perMs = perMs;
  }

  /** Whether one more action at `now` fits; records it when it does. */
  tryTake(now: number): boolean {
    const from = now - this.#perMs;
    let drop = 0;
    while (drop < this.#times.length && this.#times[drop]! <= from) drop++;
    if (drop > 0) this.#times.splice(0, drop);
    if (this.#times.length >= this.#count) return false;
    this.#times.push(now);
    return true;
  }
}
