import { closeSync, fsyncSync, openSync, renameSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { scanSegment, type TornTail } from './journal.js';
import { CORRUPT_SUFFIX, listStoreFiles } from './layout.js';
import { type LoadedSnapshot, readSnapshotFile } from './snapshot.js';
import { StoreError } from './storeError.js';

/** One recovered journal record: the command with the sequence number it was given. */
export type JournalRecord = {
  /** The sequence number `Store.append` returned for it. */
  readonly seq: number;
  /** The decoded entry. */
  readonly entry: unknown;
};

/** A snapshot recovery passed over, and why. It is renamed to `<name>.corrupt`. */
export type SkippedSnapshot = {
  /** The snapshot file as it was named. */
  readonly path: string;
  /** What was wrong with it. */
  readonly problem: string;
};

/** What `Store.recover` found: apply `snapshot.state` (if any), then each of `commands` in order. */
export type Recovery = {
  /** The newest valid snapshot, or undefined to start from the empty state. */
  readonly snapshot: LoadedSnapshot | undefined;
  /** Every journaled command after the snapshot (all of them without one), in sequence order. */
  readonly commands: readonly JournalRecord[];
  /** Whether a torn last record (a write cut short by a crash, never acknowledged) was discarded. */
  readonly torn: boolean;
  /** Where the discarded bytes were, when `torn`. */
  readonly tornTail: TornTail | undefined;
  /** Newer snapshots that failed their checks and were passed over. */
  readonly skippedSnapshots: readonly SkippedSnapshot[];
  /** The last sequence number: the next `Store.append` returns `lastSeq + 1`. */
  readonly lastSeq: number;
};

/** Options of `Store.recover`. */
export type RecoverOptions = {
  /**
   * Ignore snapshots and return every command from sequence 1, to check that replay reproduces a
   * snapshot exactly. Needs the whole journal (open with `keepJournal`, or before the first cleanup).
   */
  ignoreSnapshots?: boolean | undefined;
};

/** Options of {@link recoverDirectory}. */
export type RecoverDirectoryOptions = {
  /** Turns an entry's or a state's text back into a value. */
  readonly decode: (text: string) => unknown;
  /** Replay from sequence 1, passing over every snapshot (see {@link RecoverOptions}). */
  readonly ignoreSnapshots: boolean;
  /** Fsync the segment after cutting off a torn tail (false under fsync policy `none`). */
  readonly durable: boolean;
};

/** What {@link recoverDirectory} returns: the recovery, and where appends continue. */
export type DirectoryRecovery = {
  /** What to hand to the venue. */
  readonly recovery: Recovery;
  /** The first sequence number of the segment that takes the next append, if it exists already. */
  readonly resumeSegment: number | undefined;
  /** The sequence number of the newest snapshot on disk (0 if none), valid or not yet checked. */
  readonly newestSnapshotSeq: number;
};

function decodeEntry(decode: (text: string) => unknown, json: string, path: string, line: number): unknown {
  try {
    return decode(json);
  } catch (cause) {
    throw new StoreError({ reason: 'undecodable', path, line, cause });
  }
}

function cutTornTail(tail: TornTail, durable: boolean): void {
  try {
    truncateSync(tail.path, tail.offset);
    if (!durable) return;
    const fd = openSync(tail.path, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    throw new StoreError({ reason: 'io', path: tail.path, detail: 'cannot cut off the torn record', cause });
  }
}

/**
 * Recovers a store directory (whose lock the caller holds): picks the newest valid snapshot,
 * renaming invalid newer ones to `.corrupt`; checks and decodes every journal record after it,
 * across segments, in sequence; cuts a torn last record off the newest segment, so appends resume
 * on a clean line. Damage anywhere else is an error, never skipped.
 *
 * @throws StoreError `corrupt-record`, `sequence-gap` or `undecodable` naming the file (and line);
 *   `io`.
 */
export function recoverDirectory(dir: string, options: RecoverDirectoryOptions): DirectoryRecovery {
  const { decode, ignoreSnapshots } = options;
  let files: ReturnType<typeof listStoreFiles>;
  try {
    files = listStoreFiles(dir);
  } catch (cause) {
    throw new StoreError({ reason: 'io', path: dir, detail: 'cannot list the directory', cause });
  }

  const skippedSnapshots: SkippedSnapshot[] = [];
  let snapshot: LoadedSnapshot | undefined;
  if (!ignoreSnapshots) {
    for (let i = files.snapshots.length - 1; i >= 0 && snapshot === undefined; i -= 1) {
      const candidate = files.snapshots[i]!;
      const path = join(dir, candidate.name);
      const read = readSnapshotFile(path, candidate.seq, decode);
      if (read.ok) {
        snapshot = read.snapshot;
        continue;
      }
      skippedSnapshots.push({ path, problem: read.problem });
      // Out of the way, so it never counts as one of the kept snapshots (it would let cleanup
      // delete what the older, valid snapshot needs). Kept on disk for inspection.
      try {
        renameSync(path, `${path}${CORRUPT_SUFFIX}`);
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw new StoreError({ reason: 'io', path, detail: 'cannot set the bad snapshot aside', cause });
        }
      }
    }
  }
  const base = snapshot?.seq ?? 0;

  // Replay starts in the last segment that begins at or before base + 1.
  const { segments } = files;
  let start = -1;
  for (let i = 0; i < segments.length && segments[i]!.seq <= base + 1; i += 1) start = i;
  if (segments.length > 0 && start < 0) {
    throw new StoreError({
      reason: 'sequence-gap',
      path: join(dir, segments[0]!.name),
      detail: `replay needs sequence ${base + 1}, the journal starts later`,
    });
  }

  const commands: JournalRecord[] = [];
  let tornTail: TornTail | undefined;
  let next = start >= 0 ? segments[start]!.seq : base + 1;
  for (let i = Math.max(start, 0); i < segments.length; i += 1) {
    const segment = segments[i]!;
    const path = join(dir, segment.name);
    if (segment.seq !== next) {
      throw new StoreError({
        reason: 'sequence-gap',
        path,
        detail: `the previous segment ends at ${next - 1}, this one starts at ${segment.seq}`,
      });
    }
    const scan = scanSegment(path, segment.seq, (seq, json, line) => {
      if (seq > base) commands.push({ seq, entry: decodeEntry(decode, json, path, line) });
    });
    if (scan.tornTail !== undefined) {
      // Only the segment being written when the process died can end mid-record.
      if (i !== segments.length - 1) {
        throw new StoreError({
          reason: 'corrupt-record',
          path,
          line: scan.records + 1,
          detail: 'an unterminated record in a closed segment',
        });
      }
      tornTail = scan.tornTail;
    }
    next = scan.lastSeq + 1;
  }
  const journalEnd = next - 1;
  // A snapshot can be ahead of the journal only if unsynced journal writes were lost with the
  // machine; the snapshot (always fsynced) is then the truth and the journal resumes after it.
  const lastSeq = Math.max(journalEnd, base);
  const newestSnapshotSeq = ignoreSnapshots ? (files.snapshots.at(-1)?.seq ?? 0) : base;
  if (newestSnapshotSeq > lastSeq) {
    // Only when ignoring snapshots: appending here would reuse sequence numbers a snapshot covers.
    throw new StoreError({
      reason: 'sequence-gap',
      path: join(dir, files.snapshots.at(-1)!.name),
      detail: `the journal ends at ${lastSeq}, before this snapshot; recover with snapshots`,
    });
  }

  if (tornTail !== undefined) cutTornTail(tornTail, options.durable);
  // Appends continue the newest segment when it ends at lastSeq (it always does, unless a snapshot
  // is ahead of the journal).
  const resumeSegment = segments.length > 0 && journalEnd === lastSeq ? segments.at(-1)!.seq : undefined;
  return {
    recovery: { snapshot, commands, torn: tornTail !== undefined, tornTail, skippedSnapshots, lastSeq },
    resumeSegment,
    newestSnapshotSeq,
  };
}
