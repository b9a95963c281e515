/**
 * The lifecycle every long-lived part of the bot follows (nautilus_trader's component FSM, reduced):
 * READY → STARTING → RUNNING → STOPPING → STOPPED, or FAULTED from anywhere when something failed.
 */
export type ComponentState = 'READY' | 'STARTING' | 'RUNNING' | 'STOPPING' | 'STOPPED' | 'FAULTED';

const NEXT: Readonly<Record<ComponentState, readonly ComponentState[]>> = {
  READY: ['STARTING', 'FAULTED'],
  STARTING: ['RUNNING', 'STOPPING', 'FAULTED'],
  RUNNING: ['STOPPING', 'FAULTED'],
  STOPPING: ['STOPPED', 'FAULTED'],
  STOPPED: [],
  FAULTED: ['STOPPING', 'STOPPED'],
};

/** A state holder that refuses transitions the lifecycle does not allow. */
export class Lifecycle {
  #state: ComponentState = 'READY';
  readonly #name: string;

  constructor(name: string) {
    this.#name = name;
  }

  get state(): ComponentState {
    return this.#state;
  }

  to(next: ComponentState): void {
    if (!NEXT[this.#state].includes(next)) {
      throw new Error(`${this.#name} cannot go from ${this.#state} to ${next}`);
    }
    this.#state = next;
  }
}
