import { CsvFileReader, type ReplayOptions, type RowSink } from './csvFileReader.js';
import {
  type CsvFields,
  type KlineDataType,
  parseAggTradeRow,
  parseKlineRow,
  parseTradeRow,
  type ReplayEvent,
  type RowProblem,
} from './csvRows.js';
import { type DiscoverOptions, discoverReplayFiles, type ReplayFile, replaySeries } from './discover.js';
import { ReplayError } from './replayError.js';

export type { ReplayOptions } from './csvFileReader.js';

/** The row parser of a file's data type. */
function rowParser(file: ReplayFile): (fields: CsvFields) => ReplayEvent | RowProblem {
  const { symbol, interval } = file;
  switch (file.dataType) {
    case 'aggTrades':
      return (f) => parseAggTradeRow(f, symbol);
    case 'trades':
      return (f) => parseTradeRow(f, symbol);
    default: {
      const dataType: KlineDataType = file.dataType;
      if (interval === undefined)
        throw new ReplayError({ reason: 'format', path: file.path, detail: 'no interval' });
      return (f) => parseKlineRow(f, symbol, dataType, interval);
    }
  }
}

/** Reads the events of one file, one chunk of lines at a time (see {@link CsvFileReader}). */
export class ReplayFileReader {
  readonly file: ReplayFile;
  readonly #reader: CsvFileReader;
  #batch: ReplayEvent[] = [];
  readonly #sink: RowSink;

  /** `after`: the last time of the file before it in its series. */
  constructor(file: ReplayFile, options: ReplayOptions = {}, after?: number) {
    this.file = file;
    const parse = rowParser(file);
    this.#reader = new CsvFileReader(file, options, after);
    this.#sink = (fields) => {
      const event = parse(fields);
      if ('column' in event) return event.column;
      this.#batch.push(event);
      return event.time;
    };
  }

  /** The time of the last event read. */
  get lastTime(): number {
    return this.#reader.lastTime;
  }

  /**
   * The next batch of events (all complete lines of the next chunk), or `undefined` at the end of the
   * file, which is then closed. A batch may be empty (a header-only chunk).
   */
  nextBatch(): ReplayEvent[] | undefined {
    const batch: ReplayEvent[] = [];
    this.#batch = batch;
    return this.#reader.readChunk(this.#sink) ? batch : undefined;
  }

  /** Closes the file early (it closes itself at its end). */
  close(): void {
    this.#reader.close();
  }
}

/** One time series: its files in date order, read one after another. */
class StreamCursor {
  readonly #files: readonly ReplayFile[];
  readonly #options: ReplayOptions;
  #fileIndex = 0;
  #reader: ReplayFileReader | undefined;
  #batch: ReplayEvent[] = [];
  #position = 0;
  #lastTime = Number.NEGATIVE_INFINITY;

  constructor(files: readonly ReplayFile[], options: ReplayOptions) {
    this.#files = files;
    this.#options = options;
  }

  /** The next event without consuming it; `undefined` at the end. */
  peek(): ReplayEvent | undefined {
    // Each round either returns, consumes a batch or moves to the next file, so it ends.
    for (;;) {
      if (this.#position < this.#batch.length) return this.#batch[this.#position];
      if (this.#reader === undefined) {
        const file = this.#files[this.#fileIndex++];
        if (file === undefined) return undefined;
        this.#reader = new ReplayFileReader(file, this.#options, this.#lastTime);
      }
      const batch = this.#reader.nextBatch();
      this.#lastTime = this.#reader.lastTime;
      if (batch === undefined) this.#reader = undefined;
      else {
        this.#batch = batch;
        this.#position = 0;
      }
    }
  }

  take(): void {
    this.#position++;
  }

  close(): void {
    this.#reader?.close();
    this.#reader = undefined;
    this.#batch = [];
    this.#fileIndex = this.#files.length;
  }
}

/**
 * Binance's historical files replayed as one time-ordered stream of events, merged across files,
 * symbols and data types. Trades and aggregate trades happen at their trade time; a kline at its close
 * time (when it becomes known, so a backtest never sees a candle early). Ties go to the series that
 * sorts first (data type, symbol, interval), so the order is deterministic.
 *
 * Reading is synchronous and chunked, so the (synchronous) venue can pull events up to its clock.
 *
 * @example
 * const replay = ReplaySource.fromDirectory('/data', { symbols: ['BTCUSDT'], dataTypes: ['aggTrades'] });
 * for (const event of replay.takeUntil(venueTime)) venue.apply(event);
 */
export class ReplaySource {
  readonly #streams: StreamCursor[];

  constructor(files: readonly ReplayFile[], options: ReplayOptions = {}) {
    this.#streams = replaySeries(files).map((series) => new StreamCursor(series, options));
  }

  /** A replay of every matching file under `dir` (see {@link discoverReplayFiles}). */
  static fromDirectory(dir: string, filter: DiscoverOptions = {}, options: ReplayOptions = {}): ReplaySource {
    return new ReplaySource(discoverReplayFiles(dir, filter), options);
  }

  /** Time of the next event, `undefined` when the replay is over. */
  peekTime(): number | undefined {
    const i = this.#head();
    return i < 0 ? undefined : this.#streams[i]!.peek()!.time;
  }

  /** The next event in time order, `undefined` when the replay is over. */
  next(): ReplayEvent | undefined {
    const i = this.#head();
    if (i < 0) return undefined;
    const stream = this.#streams[i]!;
    const event = stream.peek();
    stream.take();
    return event;
  }

  /** The events with time ≤ `time`, in order, at most `maxEvents` (default 100,000) per call. */
  takeUntil(time: number, maxEvents = 100_000): ReplayEvent[] {
    const out: ReplayEvent[] = [];
    while (out.length < maxEvents) {
      const i = this.#head();
      if (i < 0) break;
      const stream = this.#streams[i]!;
      const event = stream.peek()!;
      if (event.time > time) break;
      stream.take();
      out.push(event);
    }
    return out;
  }

  /** Stops the replay and closes its files. */
  close(): void {
    for (const stream of this.#streams) stream.close();
  }

  /** Index of the stream whose next event is earliest (the first on ties), -1 when all are done. */
  #head(): number {
    let best = -1;
    let bestTime = Number.POSITIVE_INFINITY;
    // A linear scan: a replay merges a handful of series, where a heap would not pay off.
    for (let i = 0; i < this.#streams.length; i++) {
      const event = this.#streams[i]!.peek();
      if (event !== undefined && (best < 0 || event.time < bestTime)) {
        best = i;
        bestTime = event.time;
      }
    }
    return best;
  }
}
