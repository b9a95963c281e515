import { closeSync, fdatasync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readSync } from 'node:fs';
import { writeAll } from './fileIo.js';
import { decodeRecord } from './record.js';
import { StoreError } from './storeError.js';

const NEWLINE = 0x0a;
const READ_CHUNK = 1 << 20;
// A record longer than this cannot be a JavaScript string anyway (V8 caps strings near 512 MiB).
const MAX_RECORD_BYTES = 512 * 1024 * 1024;

/** The bytes after a segment's last newline: a record cut short by a crash. */
export type TornTail = {
  /** The segment holding it. */
  readonly path: string;
  /** Where it starts: the segment's valid length. */
  readonly offset: number;
  /** How many bytes it has. */
  readonly length: number;
};

/** What {@link scanSegment} found. */
export type SegmentScan = {
  /** The sequence number of the segment's last complete record, or `firstSeq - 1` if it has none. */
  readonly lastSeq: number;
  /** The number of complete records. */
  readonly records: number;
  /** The unterminated bytes at the end, if any. */
  readonly tornTail: TornTail | undefined;
};

/**
 * Reads a segment line by line in 1 MiB chunks (segments may outgrow memory when snapshots are
 * rare) and calls `onLine` for each complete line with its 1-based number. Returns the offset and
 * length of what follows the last newline. A long torn tail (say a run of zero bytes left by a power
 * loss) is counted, never held in memory.
 */
function forEachLine(
  fd: number,
  onLine: (text: string, line: number) => void,
): { offset: number; length: number } {
  const buffer = Buffer.allocUnsafe(READ_CHUNK);
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let lineStart = 0;
  let position = 0;
  let line = 0;
  for (;;) {
    const read = readSync(fd, buffer, 0, READ_CHUNK, position);
    if (read === 0) break;
    const chunk = buffer.subarray(0, read);
    let start = 0;
    let newline = chunk.indexOf(NEWLINE, start);
    while (newline >= 0) {
      line += 1;
      let text: string;
      if (pendingLength === 0) {
        text = chunk.toString('utf8', start, newline);
      } else if (pendingLength + (newline - start) > MAX_RECORD_BYTES) {
        text = ''; // longer than any record can be: reported as a format defect on this line
      } else {
        pending.push(chunk.subarray(start, newline));
        text = Buffer.concat(pending).toString('utf8');
      }
      pending = [];
      pendingLength = 0;
      onLine(text, line);
      start = newline + 1;
      lineStart = position + start;
      newline = chunk.indexOf(NEWLINE, start);
    }
    if (start < read) {
      // Copied, as the buffer is reused by the next read; capped, so a torn run of garbage is only counted.
      if (pendingLength + (read - start) <= MAX_RECORD_BYTES) {
        pending.push(Buffer.from(chunk.subarray(start)));
      }
      pendingLength += read - start;
    }
    position += read;
  }
  return { offset: lineStart, length: position - lineStart };
}

/**
 * Validates one journal segment and hands each record to `onRecord` in order. Checks every
 * complete line's format and checksum, and that sequence numbers run `firstSeq, firstSeq + 1, ...`.
 * Bytes after the last newline are reported as a torn tail, not judged: only the caller knows
 * whether this segment was the one being written when the process died.
 *
 * @throws StoreError `corrupt-record` (a complete line fails its checksum or format) or
 *   `sequence-gap` (a record is out of sequence), naming the file and line; `io` if it cannot be read.
 */
export function scanSegment(
  path: string,
  firstSeq: number,
  onRecord: (seq: number, json: string, line: number) => void,
): SegmentScan {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (cause) {
    throw new StoreError({ reason: 'io', path, detail: 'cannot open the segment', cause });
  }
  let expected = firstSeq;
  try {
    const tail = forEachLine(fd, (text, line) => {
      const record = decodeRecord(text);
      if (!record.ok) throw new StoreError({ reason: 'corrupt-record', path, line, detail: record.defect });
      if (record.seq !== expected) {
        throw new StoreError({
          reason: 'sequence-gap',
          path,
          line,
          detail: `expected sequence ${expected}, found ${record.seq}`,
        });
      }
      expected += 1;
      onRecord(record.seq, record.json, line);
    });
    return {
      lastSeq: expected - 1,
      records: expected - firstSeq,
      tornTail: tail.length === 0 ? undefined : { path, offset: tail.offset, length: tail.length },
    };
  } catch (cause) {
    if (cause instanceof StoreError) throw cause;
    throw new StoreError({ reason: 'io', path, detail: 'cannot read the segment', cause });
  } finally {
    closeSync(fd);
  }
}

/** Options of {@link openSegmentWriter}. */
export type SegmentWriterOptions = {
  /** The most time {@link SegmentWriter.syncSoon} lets pass before data reaches the disk. */
  readonly syncIntervalMs: number;
};

/**
 * Appends records to one segment file with synchronous writes, and makes them durable on request:
 * now ({@link SegmentWriter.sync}) or within an interval, off the event loop
 * ({@link SegmentWriter.syncSoon}).
 */
export type SegmentWriter = {
  /** The segment file. */
  readonly path: string;
  /** The sequence number of the segment's first record (from its name). */
  readonly firstSeq: number;
  /** The segment's length in bytes. */
  readonly size: number;
  /** An error from a background fsync, if one failed; what was written since may not be durable. */
  readonly backgroundError: unknown;
  /**
   * Writes the whole line before returning: once it returns, a `kill -9` cannot lose the line (it
   * is in the OS page cache). On a failed write the file is cut back to its previous length, so a
   * partial line never precedes later records, and the error is rethrown.
   */
  append(line: string): void;
  /** `fdatasync` now, on the calling thread. */
  sync(): void;
  /** Schedules an `fdatasync` on the thread pool within the interval, unless one is already due. */
  syncSoon(): void;
  /** Syncs, then closes the file (once any background sync has finished with it). Idempotent. */
  close(): void;
};

/**
 * Opens (creating if needed) a segment for appending. The file is opened with `a`, so every write
 * lands at its end.
 *
 * @throws Error from `node:fs` when the file cannot be opened.
 */
export function openSegmentWriter(
  path: string,
  firstSeq: number,
  options: SegmentWriterOptions,
): SegmentWriter {
  const fd = openSync(path, 'a');
  let size = fstatSync(fd).size;
  let timer: NodeJS.Timeout | undefined;
  let inFlight = false;
  let dirty = false;
  let closing = false;
  let fdClosed = false;
  let backgroundError: unknown;

  const closeFd = (): void => {
    if (fdClosed) return;
    fdClosed = true;
    closeSync(fd);
  };

  const flush = (): void => {
    timer = undefined;
    if (closing || !dirty) return;
    dirty = false;
    inFlight = true;
    fdatasync(fd, (error) => {
      inFlight = false;
      if (error && backgroundError === undefined) backgroundError = error;
      // close() left the descriptor open for this call; a reused descriptor number must not be synced.
      if (closing) closeFd();
      else if (dirty) arm();
    });
  };

  const arm = (): void => {
    // A wall-clock timer on purpose: it paces disk flushes, not exchange time, and never keeps the
    // process alive.
    timer = setTimeout(flush, options.syncIntervalMs);
    timer.unref();
  };

  return {
    path,
    firstSeq,
    get size() {
      return size;
    },
    get backgroundError() {
      return backgroundError;
    },
    append(line) {
      const data = Buffer.from(line, 'utf8');
      try {
        writeAll(fd, data);
      } catch (error) {
        try {
          ftruncateSync(fd, size);
        } catch {
          // Recovery treats what is left as a torn tail; the store has failed either way.
        }
        throw error;
      }
      size += data.length;
    },
    sync() {
      dirty = false;
      fdatasyncSync(fd);
    },
    syncSoon() {
      dirty = true;
      if (timer === undefined && !inFlight && !closing) arm();
    },
    close() {
      if (closing) return;
      closing = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      try {
        fdatasyncSync(fd);
      } finally {
        if (!inFlight) closeFd();
      }
    },
  };
}
