import { type ByteSource, LineChunker, openFileSource } from './byteSource.js';
import {
  CsvFields,
  type KlineDataType,
  parseAggTradeRow,
  parseKlineRow,
  parseTradeRow,
  type ReplayEvent,
  type RowProblem,
} from './csvRows.js';
import { type DiscoverOptions, discoverReplayFiles, type ReplayFile, streamKey } from './discover.js';
import { ReplayError } from './replayError.js';
import { builtinUnzip, type Unzip } from './zip.js';

/** Options of {@link ReplaySource}. */
export interface ReplayOptions {
  /** How `.zip` files are opened (default {@link builtinUnzip}). */
  readonly unzip?: Unzip;
  /** Bytes read per chunk (default 64 KiB). */
  readonly chunkSize?: number;
}

/**
 * Reads the events of one file, one chunk of lines at a time: the first line is a header when it does
 * not start with a digit (futures files gained headers in 2022, so never assume either way).
 */
export class ReplayFileReader {
  readonly file: ReplayFile;
  readonly #source: ByteSource;
  readonly #lines: LineChunker;
  readonly #fields = new CsvFields();
  readonly #parse: (fields: CsvFields) => ReplayEvent | RowProblem;
  #sawFirstLine = false;
  #lastTime = Number.NEGATIVE_INFINITY;
  #batch: ReplayEvent[] = [];

  constructor(file: ReplayFile, options: ReplayOptions = {}) {
    this.file = file;
    this.#source =
      file.format === 'zip' ? (options.unzip ?? builtinUnzip).open(file.path) : openFileSource(file.path);
    this.#lines = new LineChunker(this.#source, options.chunkSize);
    const { symbol, interval } = file;
    switch (file.dataType) {
      case 'aggTrades':
        this.#parse = (f) => parseAggTradeRow(f, symbol);
        break;
      case 'trades':
        this.#parse = (f) => parseTradeRow(f, symbol);
        break;
      default: {
        const dataType: KlineDataType = file.dataType;
        if (interval === undefined)
          throw new ReplayError({ reason: 'format', path: file.path, detail: 'no interval' });
        this.#parse = (f) => parseKlineRow(f, symbol, dataType, interval);
      }
    }
  }

  /**
   * The next batch of events (all complete lines of the next chunk), or `undefined` at the end of the
   * file, which is then closed. A batch may be empty (a header-only chunk).
   */
  nextBatch(): ReplayEvent[] | undefined {
    const batch: ReplayEvent[] = [];
    this.#batch = batch;
    if (!this.#lines.next(this.#onLine)) {
      this.#source.close();
      return undefined;
    }
    return batch;
  }

  /** Closes the file early (it closes itself at its end). */
  close(): void {
    this.#source.close();
  }

  readonly #onLine = (buffer: Buffer, start: number, end: number): void => {
    const fields = this.#fields;
    fields.split(buffer, start, end, this.#lines);
    if (!this.#sawFirstLine) {
      this.#sawFirstLine = true;
      if (fields.isHeader()) return;
    }
    const event = this.#parse(fields);
    if ('column' in event) {
      const excerpt = buffer.toString('latin1', start, Math.min(end, start + 120));
      throw new ReplayError({
        reason: 'format',
        path: this.file.path,
        line: this.#lines.line,
        detail: `${event.column}: ${excerpt}`,
      });
    }
    if (event.time < this.#lastTime) {
      throw new ReplayError({
        reason: 'order',
        path: this.file.path,
        line: this.#lines.line,
        detail: `time ${event.time}`,
      });
    }
    this.#lastTime = event.time;
    this.#batch.push(event);
  };
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
        this.#reader = new ReplayFileReader(file, this.#options);
      }
      const batch = this.#reader.nextBatch();
      if (batch === undefined) this.#reader = undefined;
      else {
        const first = batch[0];
        if (first !== undefined && first.time < this.#lastTime) {
          throw new ReplayError({
            reason: 'order',
            path: this.#reader.file.path,
            detail: 'file starts before the previous file ends',
          });
        }
        this.#batch = batch;
        this.#position = 0;
        const last = batch.at(-1);
        if (last !== undefined) this.#lastTime = last.time;
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
    const groups = new Map<string, ReplayFile[]>();
    for (const file of files) {
      const key = streamKey(file);
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [file]);
      else group.push(file);
    }
    this.#streams = [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(
        ([, group]) =>
          new StreamCursor(
            [...group].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
            options,
          ),
      );
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
