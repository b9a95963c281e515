import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { ReplayOptions } from './csvFileReader.js';
import { type ReplayFile, replaySeries } from './discover.js';
import { type PrintColumns, type PrintGrid, type PrintSeries, PrintSeriesReader } from './printColumns.js';
import { PRINT_WORKER_BUILT, PrintThread, type PrintWorkerModule } from './printThread.js';

/** Where print files are parsed: see {@link PrintReadOptions.thread}. */
export type PrintReadThread = 'auto' | 'main' | 'worker';

/** How a replay reads its print files. */
export interface PrintReadOptions extends ReplayOptions {
  /**
   * `auto` (default): on a reader thread when the files hold at least 4 MiB, the machine has a second
   * core, and this is the built package (not its TypeScript sources) with the built-in unzip;
   * otherwise on the main thread.
   * `worker` always on a reader thread, `main` never. The prints played are the same either way.
   */
  readonly thread?: PrintReadThread;
  /** The reader thread's module (see {@link PrintWorkerModule}); tests run it from the sources. */
  readonly worker?: PrintWorkerModule;
}

/** Below this much data a reader thread's start (tens of ms) costs more than it saves. */
const AUTO_THREAD_BYTES = 4 << 20;

/** The print being played: written by {@link PrintSource.take}, reused from one print to the next. */
export interface Print {
  /** Index of its series among {@link PrintSource.series}. */
  series: number;
  /** Its time (ms). */
  time: number;
  /** Its price in ticks of the series' grid (0 for a zero price). */
  tick: number;
  /** Its quantity in steps of the series' grid (at least 1). */
  steps: number;
  /** Whether the taker sold (`is_buyer_maker`). */
  takerSells: boolean;
}

/** A fresh {@link Print} to take into. */
export function emptyPrint(): Print {
  return { series: -1, time: Number.NaN, tick: 0, steps: 0, takerSells: false };
}

interface Cursor {
  batch: PrintColumns | undefined;
  position: number;
  done: boolean;
}

/**
 * Binance's historical prints (`aggTrades` and `trades` files) as one time-ordered stream, merged
 * across symbols, in columns: what a replay plays of each row and nothing more, so no object or string
 * is made per row. Ties go to the series that sorts first, as in `ReplaySource`. Parsing runs on a
 * reader thread or on the main thread ({@link PrintReadOptions.thread}), a chunk at a time either way.
 *
 * @example
 * const prints = new PrintSource(files, (symbol) => ({ tickSize: '0.10', stepSize: '0.001' }));
 * const print = emptyPrint();
 * while (prints.take(print)) play(prints.series[print.series], print);
 * prints.close();
 */
export class PrintSource {
  /** The series in merge order: the symbol each is of. */
  readonly series: readonly { readonly symbol: string; readonly files: readonly ReplayFile[] }[];
  /** Where the files are parsed. */
  readonly thread: 'main' | 'worker';
  readonly #cursors: Cursor[];
  readonly #readers: PrintSeriesReader[] | undefined;
  readonly #reader: PrintThread | undefined;
  /** The series whose next print is earliest; -1 when none is left, NaN when not known yet. */
  #head = Number.NaN;

  constructor(
    files: readonly ReplayFile[],
    gridOf: (symbol: string) => PrintGrid,
    options: PrintReadOptions = {},
  ) {
    const groups = replaySeries(files);
    const series: PrintSeries[] = groups.map((group) => ({ files: group, grid: gridOf(group[0]!.symbol) }));
    this.series = groups.map((group) => ({ symbol: group[0]!.symbol, files: group }));
    this.#cursors = groups.map(() => ({ batch: undefined, position: 0, done: false }));
    this.thread = chooseThread(files, options);
    if (this.thread === 'worker') {
      this.#reader = new PrintThread(series, options, options.worker);
    } else {
      this.#readers = series.map((s) => new PrintSeriesReader(s, options));
    }
  }

  /** Time of the next print, `undefined` when every file is played. */
  peekTime(): number | undefined {
    const s = this.#headSeries();
    if (s < 0) return undefined;
    const cursor = this.#cursors[s]!;
    return cursor.batch!.time[cursor.position];
  }

  /** Takes the next print into `print`; false (and `print` untouched) when every file is played. */
  take(print: Print): boolean {
    const s = this.#headSeries();
    if (s < 0) return false;
    const cursor = this.#cursors[s]!;
    const batch = cursor.batch!;
    const i = cursor.position++;
    print.series = s;
    print.time = batch.time[i]!;
    print.tick = batch.tick[i]!;
    print.steps = batch.steps[i]!;
    print.takerSells = batch.takerSells[i] === 1;
    // A single series stays the head until its batch runs out.
    this.#head = this.#cursors.length === 1 && cursor.position < batch.length ? s : Number.NaN;
    return true;
  }

  /** Stops reading and closes the files (and the reader thread). */
  close(): void {
    for (const cursor of this.#cursors) {
      cursor.done = true;
      cursor.batch = undefined;
    }
    this.#head = -1;
    this.#reader?.close();
    for (const reader of this.#readers ?? []) reader.close();
  }

  /** Settles once reading has stopped for good: the reader thread, if any, has ended. */
  ended(): Promise<void> {
    return this.#reader?.ended ?? Promise.resolve();
  }

  /**
   * The series with the earliest next print (the first on ties), loading batches where one ran out:
   * a file's error surfaces here, before any print after it is taken.
   */
  #headSeries(): number {
    if (!Number.isNaN(this.#head)) return this.#head;
    let best = -1;
    let bestTime = Number.POSITIVE_INFINITY;
    for (let s = 0; s < this.#cursors.length; s++) {
      const cursor = this.#cursors[s]!;
      if (!this.#load(s, cursor)) continue;
      const time = cursor.batch!.time[cursor.position]!;
      if (best < 0 || time < bestTime) {
        best = s;
        bestTime = time;
      }
    }
    this.#head = best;
    return best;
  }

  /** Whether series `s` has a print at its cursor, reading batches until it does or ends. */
  #load(s: number, cursor: Cursor): boolean {
    // Each round consumes a batch or ends the series.
    while (!cursor.done && (cursor.batch === undefined || cursor.position >= cursor.batch.length)) {
      let batch: PrintColumns | undefined;
      try {
        batch = this.#reader === undefined ? this.#readers![s]!.next() : this.#reader.next(s);
      } catch (error) {
        // A series that failed is over: nothing after a bad row is played.
        cursor.done = true;
        cursor.batch = undefined;
        throw error;
      }
      cursor.position = 0;
      cursor.batch = batch;
      if (batch === undefined) cursor.done = true;
    }
    return !cursor.done;
  }
}

function chooseThread(files: readonly ReplayFile[], options: PrintReadOptions): 'main' | 'worker' {
  const thread = options.thread ?? 'auto';
  if (thread !== 'auto') return thread;
  if (!PRINT_WORKER_BUILT || options.unzip !== undefined || availableParallelism() < 2) return 'main';
  let bytes = 0;
  for (const file of files) {
    bytes += statSync(file.path, { throwIfNoEntry: false })?.size ?? 0;
    if (bytes >= AUTO_THREAD_BYTES) return 'worker';
  }
  return 'main';
}
