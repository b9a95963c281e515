import type { QueuePolicy } from './descriptors.js';
import { StreamOverflowError } from './errors.js';

/**
 * A bounded queue between a stream and one async-iterator consumer.
 *
 * - `latest` (book ticker, mark price, tickers, partial depth): when `maxQueue` values wait, the
 *   oldest is dropped and `dropped` counts it; the consumer always catches up to the newest values.
 * - `lossless` (trades, klines, liquidations, diff depth, user data): nothing is ever dropped. When
 *   the consumer falls `maxQueue` events behind, the subscription ends and the next `next()` throws
 *   a `StreamOverflowError`: a gap is never silent.
 */
export interface StreamIterator<T> extends AsyncIterableIterator<T> {
  /** The stream name. */
  readonly stream: string;
  /** Values dropped by a `latest` queue. */
  readonly dropped: number;
  /** Values waiting. */
  readonly size: number;
  /** Ends the iteration (same as `return()`); the subscription is removed. */
  close(): void;
}

/** @internal What the orchestrator needs from a queue. */
export interface QueueSink<T> {
  push(value: T): void;
  /** Ends the iteration: `error` makes the next `next()` throw it. */
  end(error?: Error): void;
}

/** @internal */
export function createQueue<T>(parameters: {
  readonly stream: string;
  readonly policy: QueuePolicy;
  readonly maxQueue: number;
  readonly onClose: () => void;
}): { iterator: StreamIterator<T>; sink: QueueSink<T> } {
  const { stream, policy, maxQueue, onClose } = parameters;
  const buffer: T[] = [];
  let head = 0;
  let dropped = 0;
  let done = false;
  let failure: Error | undefined;
  let waiter: { resolve: (r: IteratorResult<T>) => void; reject: (e: Error) => void } | undefined;

  const size = (): number => buffer.length - head;
  const compact = (): void => {
    if (head > 1024 && head * 2 > buffer.length) {
      buffer.splice(0, head);
      head = 0;
    }
  };
  const finish = (error?: Error): void => {
    if (done) return;
    done = true;
    failure = error;
    if (error !== undefined) {
      buffer.length = 0;
      head = 0;
    }
    onClose();
    if (waiter !== undefined) {
      const w = waiter;
      waiter = undefined;
      if (error !== undefined) w.reject(error);
      else w.resolve({ value: undefined, done: true });
    }
  };

  const sink: QueueSink<T> = {
    push(value) {
      if (done) return;
      if (waiter !== undefined) {
        const w = waiter;
        waiter = undefined;
        w.resolve({ value, done: false });
        return;
      }
      if (size() >= maxQueue) {
        if (policy === 'latest') {
          head += 1;
          dropped += 1;
          compact();
        } else {
          finish(new StreamOverflowError({ stream, maxQueue }));
          return;
        }
      }
      buffer.push(value);
    },
    end(error) {
      finish(error);
    },
  };

  const iterator: StreamIterator<T> = {
    stream,
    get dropped() {
      return dropped;
    },
    get size() {
      return size();
    },
    next() {
      if (size() > 0) {
        const value = buffer[head]!;
        buffer[head] = undefined as T;
        head += 1;
        if (head === buffer.length) {
          buffer.length = 0;
          head = 0;
        } else compact();
        return Promise.resolve({ value, done: false });
      }
      if (failure !== undefined) {
        const error = failure;
        failure = undefined;
        return Promise.reject(error);
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      if (waiter !== undefined) return Promise.reject(new Error(`concurrent next() on '${stream}'`));
      return new Promise((resolve, reject) => {
        waiter = { resolve, reject };
      });
    },
    return() {
      buffer.length = 0;
      head = 0;
      failure = undefined;
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    close() {
      void iterator.return?.();
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return { iterator, sink };
}
