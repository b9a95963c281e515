import { type ByteSource, LineChunker, openFileSource } from './byteSource.js';
import { CsvFields } from './csvRows.js';
import type { ReplayFile } from './discover.js';
import { ReplayError } from './replayError.js';
import { builtinUnzip, type Unzip } from './zip.js';

/** How replay files are read. */
export interface ReplayOptions {
  /** How `.zip` files are opened (default {@link builtinUnzip}). */
  readonly unzip?: Unzip;
  /** Bytes read per chunk (default 64 KiB; 256 KiB on the prints' reader thread). */
  readonly chunkSize?: number;
}

/**
 * Takes one row of a file (its fields split): parses it into the reader's own batch and returns the
 * row's time, or returns the name of its first bad column.
 */
export type RowSink = (fields: CsvFields) => number | string;

/**
 * Reads the rows of one file a chunk at a time and hands them to a {@link RowSink}. It owns what every
 * kind of row shares: the first line is a header when it does not start with a digit (futures files
 * gained headers in 2022, so never assume either way); a bad row and a row going back in time stop the
 * file with a {@link ReplayError} naming the file and line.
 */
export class CsvFileReader {
  readonly file: ReplayFile;
  readonly #source: ByteSource;
  readonly #lines: LineChunker;
  readonly #fields = new CsvFields();
  #sawFirstLine = false;
  #sawFirstRow = false;
  #lastTime: number;
  #sink: RowSink | undefined;

  /** `after`: the last time of the file before it in its series, which its first row may not precede. */
  constructor(file: ReplayFile, options: ReplayOptions = {}, after = Number.NEGATIVE_INFINITY) {
    this.file = file;
    this.#lastTime = after;
    this.#source =
      file.format === 'zip' ? (options.unzip ?? builtinUnzip).open(file.path) : openFileSource(file.path);
    this.#lines = new LineChunker(this.#source, options.chunkSize);
  }

  /** The time of the last row read (`after` before any). */
  get lastTime(): number {
    return this.#lastTime;
  }

  /**
   * Hands every complete line of the next chunk to `sink` (a header-only chunk hands none). Returns
   * false at the end of the file, which is then closed.
   */
  readChunk(sink: RowSink): boolean {
    this.#sink = sink;
    if (this.#lines.next(this.#onLine)) return true;
    this.#source.close();
    return false;
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
    const time = this.#sink!(fields);
    if (typeof time === 'string') {
      const excerpt = buffer.toString('latin1', start, Math.min(end, start + 120));
      throw this.#error('format', `${time}: ${excerpt}`);
    }
    if (time < this.#lastTime) {
      throw this.#error(
        'order',
        this.#sawFirstRow ? `time ${time}` : `time ${time}: the file starts before the previous file ends`,
      );
    }
    this.#sawFirstRow = true;
    this.#lastTime = time;
  };

  #error(reason: 'format' | 'order', detail: string): ReplayError {
    return new ReplayError({ reason, path: this.file.path, line: this.#lines.line, detail });
  }
}
