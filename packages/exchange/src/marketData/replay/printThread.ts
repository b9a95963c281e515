import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ReplayOptions } from './csvFileReader.js';
import { PrintColumns, type PrintSeries, PrintSeriesReader } from './printColumns.js';
import { ReplayError, type ReplayErrorReason } from './replayError.js';

/**
 * The module a reader thread runs ({@link servePrints}) and the module hooks it registers first.
 * By default this very module, as built; tests run it from the TypeScript sources through a hook.
 */
export interface PrintWorkerModule {
  readonly entry?: string | URL;
  readonly hooks?: readonly (string | URL)[];
}

/** Whether this module can run on a reader thread as it is: built JavaScript, not a TypeScript source. */
export const PRINT_WORKER_BUILT = import.meta.url.endsWith('.js');

// The shared counters: batches posted, batches taken, the stop flag, then batches taken per series.
const POSTED = 0;
const TAKEN = 1;
const STOP = 2;
const TAKEN_BY_SERIES = 3;
/** Batches a series may have posted and not yet taken: enough to keep both threads busy, little memory. */
const AHEAD = 4;
/**
 * The reader thread's read size unless the options set one: each batch costs a message, a transfer
 * and a wake-up on both threads, so a batch holds a few thousand rows. At 64 KiB (about 1,000 rows)
 * draining 1M rows took the main thread 60-70 ms of CPU, at 256 KiB 20-40 ms.
 */
const THREAD_CHUNK_BYTES = 1 << 18;
/** How long the main thread waits for a batch before it gives the reader thread up. */
const STALL_MS = 120_000;
const WAIT_SLICE_MS = 1000;

/** What a reader thread is started with (plain data and a port: it is structured-cloned). */
interface PrintWorkerData {
  readonly entry: string;
  readonly hooks: readonly string[];
  readonly port: MessagePort;
  readonly signal: SharedArrayBuffer;
  readonly series: readonly PrintSeries[];
  readonly read: ReplayOptions;
}

type PrintMessage =
  | {
      readonly series: number;
      readonly batch: { readonly buffer: ArrayBuffer; readonly capacity: number; readonly length: number };
    }
  | { readonly series: number; readonly end: true }
  | {
      readonly series: number;
      readonly error: {
        reason: ReplayErrorReason;
        path: string;
        line: number | undefined;
        detail: string | undefined;
      };
    }
  | { readonly fatal: string };

// Plain CommonJS run with `eval`: it registers the hooks, loads the entry and serves; a module that
// fails to load is reported on the port instead of leaving the main thread waiting.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const report = (error) => {
  workerData.port.postMessage({ fatal: String((error && error.stack) || error) });
  const signal = new Int32Array(workerData.signal);
  Atomics.add(signal, ${POSTED}, 1);
  Atomics.notify(signal, ${POSTED});
};
(async () => {
  const { register } = require('node:module');
  for (const hook of workerData.hooks) register(hook);
  const { servePrints } = await import(workerData.entry);
  servePrints(workerData);
})().catch(report);
`;

/**
 * Print batches parsed on a reader thread: the files are read, unzipped and parsed there while the
 * engine plays what came before, and each batch crosses by transfer. Pulled synchronously (the venue
 * is synchronous): when the next batch of a series is not there yet, the main thread waits on a
 * shared counter. A series runs at most {@link AHEAD} batches ahead, so memory stays bounded.
 */
export class PrintThread {
  /** Settles once the thread has ended (after {@link close}, or when it read everything). */
  readonly ended: Promise<void>;
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #signal: Int32Array;
  readonly #queues: PrintMessage[][];
  readonly #paths: readonly string[];
  #closed = false;
  #failure: Error | undefined;

  constructor(series: readonly PrintSeries[], read: ReplayOptions, module: PrintWorkerModule = {}) {
    if (read.unzip !== undefined) throw new TypeError('a custom unzip cannot run on a reader thread');
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4 * (TAKEN_BY_SERIES + series.length));
    const data: PrintWorkerData = {
      entry: String(module.entry ?? import.meta.url),
      hooks: (module.hooks ?? []).map(String),
      port: port2,
      signal,
      series,
      read: { chunkSize: read.chunkSize ?? THREAD_CHUNK_BYTES },
    };
    this.#port = port1;
    this.#signal = new Int32Array(signal);
    this.#queues = series.map(() => []);
    this.#paths = series.map((s) => s.files[0]?.path ?? '');
    this.#worker = new Worker(BOOTSTRAP, { eval: true, workerData: data, transferList: [port2] });
    this.ended = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
    // An error outside the reading (the thread out of memory): kept for the next pull to report.
    this.#worker.on('error', (error) => {
      this.#failure = error;
    });
    // Never what keeps a process alive: a replay abandoned without close() must not hang its exit.
    this.#worker.unref();
  }

  /** The next batch of series `s`, `undefined` at its end; throws the file's {@link ReplayError}. */
  next(s: number): PrintColumns | undefined {
    if (this.#closed) throw new Error('the replay is closed');
    const queue = this.#queues[s]!;
    let waited = 0;
    // Each round takes a message, receives some, or waits a slice; the stall bound ends the waiting.
    for (;;) {
      const message = queue.shift();
      if (message !== undefined) return this.#take(s, message);
      const posted = Atomics.load(this.#signal, POSTED);
      if (this.#receive()) continue;
      if (this.#failure !== undefined) {
        throw new ReplayError({
          reason: 'io',
          path: this.#paths[s]!,
          detail: 'the reader thread failed',
          cause: this.#failure,
        });
      }
      if (Atomics.wait(this.#signal, POSTED, posted, WAIT_SLICE_MS) === 'timed-out') {
        waited += WAIT_SLICE_MS;
        if (waited >= STALL_MS) {
          throw new ReplayError({
            reason: 'io',
            path: this.#paths[s]!,
            detail: `the reader thread sent nothing for ${STALL_MS / 1000} s`,
          });
        }
      }
    }
  }

  /** Stops the reader thread; it closes its files and ends. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    Atomics.store(this.#signal, STOP, 1);
    Atomics.add(this.#signal, TAKEN, 1);
    Atomics.notify(this.#signal, TAKEN);
    this.#port.close();
    // It ends promptly now: keep the process until it has, so its files are closed by its own hand.
    this.#worker.ref();
  }

  /** Moves every message that arrived to its series' queue; whether there was any. */
  #receive(): boolean {
    let any = false;
    for (let received = receiveMessageOnPort(this.#port); received !== undefined; ) {
      any = true;
      const message = received.message as PrintMessage;
      if ('fatal' in message) {
        this.close();
        throw new ReplayError({
          reason: 'io',
          path: this.#paths[0]!,
          detail: `the reader thread failed: ${message.fatal}`,
        });
      }
      this.#queues[message.series]!.push(message);
      received = receiveMessageOnPort(this.#port);
    }
    return any;
  }

  #take(s: number, message: PrintMessage): PrintColumns | undefined {
    Atomics.add(this.#signal, TAKEN_BY_SERIES + s, 1);
    Atomics.add(this.#signal, TAKEN, 1);
    // Wake the reader thread once half the series' room is free, not for every batch: it then reads
    // several in a row. What is queued here is at most what the series has outstanding, so a wake is
    // never missed when the thread waits for room.
    this.#receive();
    if (this.#queues[s]!.length <= AHEAD / 2) Atomics.notify(this.#signal, TAKEN);
    if ('batch' in message) {
      const { buffer, capacity, length } = message.batch;
      return new PrintColumns(capacity, buffer, length);
    }
    if ('error' in message) {
      const { reason, path, line, detail } = message.error;
      throw new ReplayError({ reason, path, line, detail });
    }
    return undefined;
  }
}

/**
 * The reader thread's side: reads every series round-robin, a batch at a time, each at most
 * {@link AHEAD} batches ahead of what the main thread took, until all are read or it is stopped.
 * Called by the bootstrap on the reader thread only.
 */
export function servePrints(data: PrintWorkerData): void {
  const signal = new Int32Array(data.signal);
  const { port } = data;
  const readers = data.series.map((series) => new PrintSeriesReader(series, data.read));
  const posted = readers.map(() => 0);
  const done = readers.map(() => false);
  let open = readers.length;
  const post = (message: PrintMessage, transfer: ArrayBuffer[] = []): void => {
    port.postMessage(message, transfer);
    Atomics.add(signal, POSTED, 1);
    Atomics.notify(signal, POSTED);
  };
  try {
    // Bounded by the data: each round reads a batch of some series, or waits for the main thread.
    while (open > 0 && Atomics.load(signal, STOP) === 0) {
      const taken = Atomics.load(signal, TAKEN);
      let read = false;
      for (let s = 0; s < readers.length; s++) {
        if (done[s] || posted[s]! - Atomics.load(signal, TAKEN_BY_SERIES + s) >= AHEAD) continue;
        read = true;
        posted[s]!++;
        const message = readBatch(readers[s]!, s);
        if (!('batch' in message)) {
          done[s] = true;
          open--;
        }
        post(message, 'batch' in message ? [message.batch.buffer] : []);
      }
      if (!read) Atomics.wait(signal, TAKEN, taken, WAIT_SLICE_MS);
    }
  } catch (error) {
    post({ fatal: String((error as Error)?.stack ?? error) });
  } finally {
    for (const reader of readers) reader.close();
    port.close();
  }
}

function readBatch(reader: PrintSeriesReader, s: number): PrintMessage {
  try {
    const batch = reader.next();
    if (batch === undefined) return { series: s, end: true };
    return { series: s, batch: { buffer: batch.buffer, capacity: batch.capacity, length: batch.length } };
  } catch (error) {
    if (!(error instanceof ReplayError)) throw error;
    return {
      series: s,
      error: { reason: error.reason, path: error.path, line: error.line, detail: error.details },
    };
  }
}
