import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FillRecord } from './runRecord.js';

/** The journal's file name in a run's report directory. */
export const FILLS_FILE = 'fills.jsonl';

/**
 * A run's fills on disk as they happen, one {@link FillRecord} per line (JSON lines): the complete
 * list, which a long run's record no longer holds once it folds its oldest fills, and one that
 * survives the process dying before its report is written.
 *
 * The file is opened on the first fill (or by `close()`, so a run without fills leaves an empty one),
 * in append mode: a run restarted into the same directory continues it. Each line is written at once,
 * so what the process wrote is in the file even if it crashes. A failed write (disk full, no
 * permission) is reported once through `onError` and ends the journal; the run goes on and its
 * record keeps the fills.
 *
 * @example
 * const journal = new FillJournal(join(dir, FILLS_FILE), (error) => log(error.message));
 * await runPaper({ strategy, onFill: (fill) => journal.append(fill) });
 * journal.close();
 */
export class FillJournal {
  readonly path: string;
  readonly #onError: (error: Error) => void;
  #fd: number | undefined;
  #failed = false;
  #written = 0;

  constructor(path: string, onError: (error: Error) => void) {
    this.path = path;
    this.#onError = onError;
  }

  /** Fills written by this journal. */
  get written(): number {
    return this.#written;
  }

  append(fill: FillRecord): void {
    const fd = this.#open();
    if (fd === undefined) return;
    try {
      writeFully(fd, Buffer.from(`${JSON.stringify(fill)}\n`, 'utf8'));
      this.#written++;
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Creates the file if no fill did, and closes it. Appending afterwards reopens it. */
  close(): void {
    const fd = this.#open();
    this.#fd = undefined;
    if (fd === undefined) return;
    try {
      closeSync(fd);
    } catch (error) {
      this.#fail(error);
    }
  }

  #open(): number | undefined {
    if (this.#failed) return undefined;
    if (this.#fd !== undefined) return this.#fd;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      this.#fd = openSync(this.path, 'a');
      return this.#fd;
    } catch (error) {
      this.#fail(error);
      return undefined;
    }
  }

  #fail(error: unknown): void {
    this.#failed = true;
    if (this.#fd !== undefined) {
      try {
        closeSync(this.#fd);
      } catch {
        // Already failing: the first error is the one reported.
      }
      this.#fd = undefined;
    }
    const reason = error instanceof Error ? error.message : String(error);
    this.#onError(new Error(`the fills journal ${this.path} stopped: ${reason}`, { cause: error }));
  }
}

/** `writeSync` may write part of a buffer; the rest follows until all is written. */
function writeFully(fd: number, bytes: Buffer): void {
  let offset = 0;
  // Bounded: every round writes at least one byte or throws.
  while (offset < bytes.length) {
    const n = writeSync(fd, bytes, offset, bytes.length - offset);
    if (n <= 0) throw new Error('the file accepted no bytes');
    offset += n;
  }
}
