import type { Clock } from '@basis/core';
import type { RunRecord } from '../report/runRecord.js';
import type { Kernel } from './kernel.js';
import { type RealTimeUpdate, realTimeUpdate } from './realTimeUpdate.js';

export type { RealTimeUpdate } from './realTimeUpdate.js';

/** How {@link runRealTime} runs a started kernel. */
export interface RealTimeLoopOptions {
  readonly symbols: readonly string[];
  readonly sampleEveryMs: number;
  /** Stop after this long, ms (default: until `signal` aborts). */
  readonly durationMs?: number;
  readonly signal?: AbortSignal;
  readonly onUpdate?: (update: RealTimeUpdate) => void;
  /** Runs before each 100 ms tick of the kernel (paper: moves the embedded exchange forward). */
  readonly beforeTick?: () => void;
}

const TICK_MS = 100;

/**
 * Drives a started kernel on a real-time clock (paper and live share it): a 100 ms tick for timers,
 * an update every sample period, until `durationMs`, `signal` or a strategy fault; then settles and
 * stops the kernel and returns its record. A fault is rethrown after the kernel has stopped.
 */
export async function runRealTime(
  kernel: Kernel,
  clock: Clock,
  options: RealTimeLoopOptions,
): Promise<RunRecord> {
  await new Promise<void>((resolve) => {
    const done = () => {
      clock.clearInterval(ticker);
      clock.clearInterval(updates);
      clock.clearTimeout(deadline);
      options.signal?.removeEventListener('abort', done);
      resolve();
    };
    const ticker = clock.setInterval(() => {
      options.beforeTick?.();
      kernel.onTime(clock.now());
      if (kernel.fault !== undefined) done();
    }, TICK_MS);
    const updates = clock.setInterval(() => {
      options.onUpdate?.(realTimeUpdate(kernel, options.symbols, clock.now()));
    }, options.sampleEveryMs);
    const deadline =
      options.durationMs === undefined ? undefined : clock.setTimeout(done, options.durationMs);
    if (options.signal?.aborted) done();
    else options.signal?.addEventListener('abort', done, { once: true });
  });
  await kernel.settle();
  if (kernel.fault !== undefined) {
    await kernel.stop().catch(() => undefined);
    throw kernel.fault;
  }
  return kernel.stop();
}
