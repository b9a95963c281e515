/**
 * Client order ids of a run: `<prefix>-<n>`, deterministic (the same run gives the same ids) and
 * within Binance's pattern `^[.A-Z:/a-z0-9_-]{1,36}$`.
 */
export class ClientIds {
  readonly #prefix: string;
  #next = 1;

  constructor(name: string) {
    const clean = name.replace(/[^A-Za-z0-9]/g, '').slice(0, 12);
    this.#prefix = clean === '' ? 'basis' : clean;
  }

  next(): string {
    return `${this.#prefix}-${this.#next++}`;
  }
}
