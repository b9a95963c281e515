import { type Clock, createLiveClock, type VirtualClock } from '@basis/core';

/** The wall clock shifted by `skewMs` (changeable at any time): a client whose clock is wrong. */
export interface SkewedClock extends Clock {
  skewMs: number;
}

/** A wall clock off by `skewMs`; timers are the wall clock's. */
export function skewedClock(skewMs: number): SkewedClock {
  const live = createLiveClock();
  return {
    skewMs,
    now() {
      return Date.now() + this.skewMs;
    },
    setTimeout: (fn, ms) => live.setTimeout(fn, ms),
    setInterval: (fn, ms) => live.setInterval(fn, ms),
    clearTimeout: (handle) => live.clearTimeout(handle),
    clearInterval: (handle) => live.clearInterval(handle),
  };
}

/** Lets pending promise callbacks and I/O callbacks run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Drives a virtual clock until `promise` settles: flush, then advance by `stepMs`, at most
 * `maxSteps` times (bounded), and returns (or throws) what the promise did.
 */
export async function settle<T>(
  promise: Promise<T>,
  clock: VirtualClock,
  options: { readonly stepMs?: number; readonly maxSteps?: number } = {},
): Promise<T> {
  const stepMs = options.stepMs ?? 100;
  const maxSteps = options.maxSteps ?? 10_000;
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  for (let step = 0; step < maxSteps; step++) {
    await flush();
    if (done) return promise;
    clock.advance(stepMs);
  }
  await flush();
  if (done) return promise;
  throw new Error(`settle: the promise did not settle within ${maxSteps} steps of ${stepMs} ms`);
}
