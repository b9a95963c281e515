import { closeSync, openSync, readSync } from 'node:fs';
import { ReplayError } from './replayError.js';

/** A synchronous stream of bytes: a file, an inflated zip entry, a buffer in a test. */
export interface ByteSource {
  /** Reads up to `length` bytes into `target` at `offset`; returns the count, 0 at the end. */
  read(target: Uint8Array, offset: number, length: number): number;
  /** Releases the source; reading afterwards is an error. */
  close(): void;
}

/** A {@link ByteSource} over a file, read sequentially with `fs.readSync`. */
export function openFileSource(path: string): ByteSource {
  let fd: number | undefined = openSync(path, 'r');
  return {
    read(target, offset, length) {
      if (fd === undefined) throw new ReplayError({ reason: 'io', path, detail: 'read after close' });
      return readSync(fd, target, offset, length, null);
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

/** A {@link ByteSource} over bytes already in memory. */
export function bufferSource(data: Uint8Array): ByteSource {
  let position = 0;
  return {
    read(target, offset, length) {
      const n = Math.min(length, data.length - position);
      target.set(data.subarray(position, position + n), offset);
      position += n;
      return n;
    },
    close() {
      position = data.length;
    },
  };
}

/** Receives one line: bytes `[start, end)` of `buffer`, without the `\n` or `\r\n`. */
export type LineHandler = (buffer: Buffer, start: number, end: number) => void;

const NEWLINE = 10;
const RETURN = 13;

/**
 * Splits a {@link ByteSource} into lines chunk by chunk, without decoding or copying them: a handler
 * sees each line as a byte range of the chunk buffer, valid only during the call. A line longer than
 * the chunk grows the buffer. This is several times faster than `readline` (see `klines.bench.ts`).
 * The default chunk of 64 KiB keeps a batch of parsed events small enough to die young: with 1 MiB
 * chunks the events outlive a scavenge and parsing got 40% slower in the benchmark.
 */
export class LineChunker {
  readonly #source: ByteSource;
  #buffer: Buffer;
  #start = 0;
  #end = 0;
  #done = false;
  #text: string | undefined;
  /** Lines before `#start`, and the number of the line being delivered. */
  #linesBefore = 0;
  #line = 0;

  constructor(source: ByteSource, chunkSize = 1 << 16) {
    this.#source = source;
    this.#buffer = Buffer.allocUnsafe(Math.max(64, chunkSize));
  }

  /**
   * Reads the next chunk and calls `onLine` for every complete line in it (and for an unterminated last
   * line at the end of input). Returns false once the input is exhausted and every line was delivered.
   */
  next(onLine: LineHandler): boolean {
    if (this.#done) return false;
    let buffer = this.#buffer;
    if (this.#start > 0) {
      buffer.copy(buffer, 0, this.#start, this.#end);
      this.#end -= this.#start;
      this.#start = 0;
    }
    if (this.#end === buffer.length) {
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, this.#end);
      buffer = this.#buffer = bigger;
    }
    const n = this.#source.read(buffer, this.#end, buffer.length - this.#end);
    this.#end += n;
    this.#text = undefined;
    const end = this.#end;
    const view = buffer.subarray(0, end);
    let pos = this.#start;
    // Counted from `#start` each time, so a handler that throws leaves the count where it was.
    this.#line = this.#linesBefore;
    for (;;) {
      const newline = view.indexOf(NEWLINE, pos);
      if (newline === -1) break;
      const lineEnd = newline > pos && buffer[newline - 1] === RETURN ? newline - 1 : newline;
      this.#line++;
      if (lineEnd > pos) onLine(buffer, pos, lineEnd);
      pos = newline + 1;
    }
    this.#start = pos;
    this.#linesBefore = this.#line;
    if (n === 0) {
      const lineEnd = end > pos && buffer[end - 1] === RETURN ? end - 1 : end;
      if (lineEnd > pos) {
        this.#line++;
        onLine(buffer, pos, lineEnd);
      }
      this.#start = this.#end = 0;
      this.#done = true;
    }
    return true;
  }

  /**
   * The 1-based number of the line being delivered, counting the empty lines that are skipped, so an
   * error can name the line an editor shows.
   */
  get line(): number {
    return this.#line;
  }

  /**
   * Bytes `[start, end)` of the current chunk as text (Latin-1, so byte offsets are string offsets).
   * The chunk is decoded once, on first use, and fields are sliced from it: one native call per chunk
   * instead of one per field. Valid only inside a line handler.
   */
  text(start: number, end: number): string {
    this.#text ??= this.#buffer.toString('latin1', 0, this.#end);
    return this.#text.slice(start, end);
  }
}
