import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncDirectory } from './fileIo.js';
import { openSegmentWriter, type SegmentWriter } from './journal.js';
import { listStoreFiles, segmentFileName } from './layout.js';
import { acquireLock, type StoreLock } from './lock.js';
import { encodeRecord } from './record.js';
import { type RecoverOptions, type Recovery, recoverDirectory } from './recovery.js';
import { removeUnneededFiles, SNAPSHOTS_KEPT } from './retention.js';
import { type SnapshotFileInfo, writeSnapshotFile } from './snapshot.js';
import { StoreError } from './storeError.js';

/**
 * When appended records reach the disk itself (they reach the OS page cache, which survives
 * `kill -9`, before {@link Store.append} returns under every policy):
 * - `none`: when the OS decides. Survives a crash of the process, not of the machine.
 * - `batch`: an `fdatasync` on the thread pool at most {@link OpenStoreOptions.fsyncIntervalMs}
 *   after an append. A power loss loses at most that window; the hot path pays almost nothing.
 * - `always`: an `fdatasync` before each append returns. Survives a power loss; costs a disk flush
 *   per command.
 */
export const FSYNC_POLICIES = ['none', 'batch', 'always'] as const;

/** One of {@link FSYNC_POLICIES}. */
export type FsyncPolicy = (typeof FSYNC_POLICIES)[number];

/**
 * The default policy. A local exchange promises that `kill -9` loses nothing acknowledged, which
 * every policy keeps; `batch` also bounds a power loss to a short window at almost no cost per
 * command (see `journal.bench.ts`), so it is the default.
 */
export const DEFAULT_FSYNC_POLICY: FsyncPolicy = 'batch';

/** The default {@link OpenStoreOptions.fsyncIntervalMs}. */
export const DEFAULT_FSYNC_INTERVAL_MS = 100;

/**
 * The default {@link OpenStoreOptions.snapshotEvery}: at the exchange's target of 10,000 commands
 * per second, a snapshot every 5 s under full load, and a restart replays at most this many commands.
 */
export const DEFAULT_SNAPSHOT_EVERY = 50_000;

/** Options of {@link openStore}. */
export type OpenStoreOptions = {
  /** The store directory; created if missing. One exchange at a time may use it (`LOCK`). */
  dir: string;
  /** When appends reach the disk; default {@link DEFAULT_FSYNC_POLICY}. */
  fsync?: FsyncPolicy | undefined;
  /** For `batch`: the most milliseconds between an append and its fsync; default 100. */
  fsyncIntervalMs?: number | undefined;
  /**
   * After how many appended commands {@link Store.shouldSnapshot} says yes; default
   * {@link DEFAULT_SNAPSHOT_EVERY}. `0` means never.
   */
  snapshotEvery?: number | undefined;
  /**
   * Keep every journal segment instead of deleting those no kept snapshot needs, so the whole
   * history can be replayed from empty (`recover({ ignoreSnapshots: true })`). Default false.
   */
  keepJournal?: boolean | undefined;
  /**
   * Turns an entry or a state into text; default `JSON.stringify`. An entry's text must not contain
   * a newline. The exchange passes `@basis/core`'s bigint-aware `stringifyJson`.
   */
  encode?: ((value: unknown) => string) | undefined;
  /** The inverse of `encode`; default `JSON.parse`. */
  decode?: ((text: string) => unknown) | undefined;
  /** Wall-clock milliseconds, used only to stamp snapshots; default `Date.now`. */
  now?: (() => number) | undefined;
};

/** Where a {@link Store} is in its life. */
export type StoreStatus = 'opened' | 'ready' | 'failed' | 'closed';

/**
 * The durable state of one local exchange: an append-only journal of accepted commands plus
 * snapshots. Every method is synchronous, so a command is journaled before the call that accepted
 * it returns, and the order of effects is the order of calls.
 *
 * Life: {@link openStore} → {@link Store.recover} once → {@link Store.append} per accepted command,
 * {@link Store.writeSnapshot} now and then → {@link Store.close}. After a failed write or fsync the
 * store refuses further writes (`failed`): what reached the disk is then uncertain, and only a
 * restart, which recovers from the files, can say.
 */
export type Store = {
  /** The store directory. */
  readonly dir: string;
  /** The fsync policy in force. */
  readonly fsync: FsyncPolicy;
  /** Where the store is in its life. */
  readonly status: StoreStatus;
  /** The sequence number of the last appended (or recovered) command; 0 when there is none. */
  readonly lastSeq: number;
  /**
   * Reads the newest valid snapshot and the journal after it, discards a torn last record, and makes
   * the store ready to append. Call it exactly once, before the first append. A newest snapshot that
   * fails its checks is renamed to `.corrupt` and the previous one is used.
   *
   * @throws StoreError `corrupt-record` / `sequence-gap` / `undecodable` naming the file and line,
   *   when acknowledged data is damaged or missing (never skipped silently); `invalid-state` on a
   *   second call; `io`.
   */
  recover(options?: RecoverOptions): Recovery;
  /**
   * Journals one accepted command and returns its sequence number (the previous one plus 1). When it
   * returns, the record is in the OS page cache (safe from `kill -9`), and on disk too under `always`.
   * Send the response only after it returns.
   *
   * @throws StoreError `encode` when the entry cannot be encoded (nothing is written, the store stays
   *   usable); `io` when the write or fsync fails (the store becomes `failed`); `failed`;
   *   `invalid-state` before {@link Store.recover} or after {@link Store.close}.
   */
  append(entry: unknown): number;
  /** Whether {@link OpenStoreOptions.snapshotEvery} commands were appended since the last snapshot. */
  shouldSnapshot(): boolean;
  /**
   * Writes a snapshot of the state after command `seq` (which must be {@link Store.lastSeq}:
   * anything else is a snapshot of a stale state), atomically and fsynced whatever the policy. Then
   * starts a new journal segment and deletes the snapshots beyond the newest
   * {@link SNAPSHOTS_KEPT} and the segments no kept snapshot needs (unless `keepJournal`).
   *
   * @throws StoreError `invalid-argument` for another `seq`; `encode`; `io` (a failed snapshot
   *   leaves the store usable; a failed segment switch makes it `failed`).
   */
  writeSnapshot(state: unknown, seq: number): SnapshotFileInfo;
  /** Makes every appended record durable now, whatever the policy (say before a planned shutdown). */
  sync(): void;
  /** Syncs and closes the journal, stops the batch timer, releases the lock. Idempotent. */
  close(): void;
};

function invalidArgument(path: string, detail: string): StoreError {
  return new StoreError({ reason: 'invalid-argument', path, detail });
}

function checkOptions(options: OpenStoreOptions): void {
  const { dir, fsync, fsyncIntervalMs, snapshotEvery } = options;
  if (typeof dir !== 'string' || dir.length === 0) throw invalidArgument(String(dir), 'dir must be a path');
  if (fsync !== undefined && !FSYNC_POLICIES.includes(fsync)) {
    throw invalidArgument(dir, `fsync must be one of ${FSYNC_POLICIES.join(', ')}`);
  }
  if (fsyncIntervalMs !== undefined && !(Number.isFinite(fsyncIntervalMs) && fsyncIntervalMs > 0)) {
    throw invalidArgument(dir, 'fsyncIntervalMs must be a positive number');
  }
  if (snapshotEvery !== undefined && !(Number.isSafeInteger(snapshotEvery) && snapshotEvery >= 0)) {
    throw invalidArgument(dir, 'snapshotEvery must be a non-negative integer');
  }
}

/**
 * Opens a store directory (creating it if needed) and takes its lock. Nothing is read yet: call
 * {@link Store.recover} next.
 *
 * Files: `journal-<first seq>.ndjson` segments of `<seq>\t<crc32>\t<json>` lines (see
 * `encodeRecord`), `snapshot-<seq>.json` snapshots, and `LOCK` (the owner's pid). Sequence numbers
 * in names are zero-padded to 16 digits.
 *
 * @example
 * const store = openStore({ dir: '.basis/exchange', encode: stringifyJson, decode: parseJson });
 * const { snapshot, commands } = store.recover();
 * // apply snapshot?.state, then each command; then, per accepted command:
 * const seq = store.append(command); // before responding
 * if (store.shouldSnapshot()) store.writeSnapshot(venue.state(), seq);
 *
 * @throws StoreError `locked` when another live process uses the directory; `invalid-argument`; `io`.
 */
export function openStore(options: OpenStoreOptions): Store {
  checkOptions(options);
  const { dir } = options;
  const fsync = options.fsync ?? DEFAULT_FSYNC_POLICY;
  const syncIntervalMs = options.fsyncIntervalMs ?? DEFAULT_FSYNC_INTERVAL_MS;
  const snapshotEvery = options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
  const keepJournal = options.keepJournal ?? false;
  const encode: (value: unknown) => string = options.encode ?? JSON.stringify;
  const decode: (text: string) => unknown = options.decode ?? JSON.parse;
  const now: () => number = options.now ?? Date.now;

  try {
    mkdirSync(dir, { recursive: true });
  } catch (cause) {
    throw new StoreError({ reason: 'io', path: dir, detail: 'cannot create the directory', cause });
  }
  const lock: StoreLock = acquireLock(dir);
  try {
    // Only the lock holder may touch the files: a leftover .tmp is a snapshot write a crash cut short.
    for (const name of listStoreFiles(dir).temporary) rmSync(join(dir, name), { force: true });
  } catch (cause) {
    lock.release();
    throw new StoreError({ reason: 'io', path: dir, detail: 'cannot list the directory', cause });
  }

  let status: StoreStatus = 'opened';
  let writer: SegmentWriter | undefined;
  let lastSeq = 0;
  let sinceSnapshot = 0;

  const fail = (cause: unknown, path: string, detail: string): never => {
    status = 'failed';
    throw new StoreError({ reason: 'io', path, detail, cause });
  };

  const readyWriter = (operation: string): SegmentWriter => {
    if (status === 'failed') throw new StoreError({ reason: 'failed', path: dir });
    if (status !== 'ready' || writer === undefined) {
      const hint = status === 'opened' ? 'call recover() first' : 'the store is closed';
      throw new StoreError({ reason: 'invalid-state', path: dir, detail: `${operation}: ${hint}` });
    }
    if (writer.backgroundError !== undefined) {
      fail(writer.backgroundError, writer.path, 'a background fsync failed');
    }
    return writer;
  };

  const openWriter = (firstSeq: number, created: boolean): SegmentWriter => {
    const next = openSegmentWriter(join(dir, segmentFileName(firstSeq)), firstSeq, { syncIntervalMs });
    try {
      // A new file's directory entry must be durable before records in it can be.
      if (created && fsync !== 'none') fsyncDirectory(dir);
    } catch (error) {
      next.close();
      throw error;
    }
    return next;
  };

  const encodeText = (value: unknown, path: string, what: string): string => {
    let text: unknown;
    try {
      text = encode(value);
    } catch (cause) {
      throw new StoreError({ reason: 'encode', path, detail: `the ${what} cannot be encoded`, cause });
    }
    if (typeof text !== 'string') {
      throw new StoreError({ reason: 'encode', path, detail: `encode returned no string for the ${what}` });
    }
    return text;
  };

  const recover = (recoverOptions?: RecoverOptions): Recovery => {
    if (status !== 'opened') {
      throw new StoreError({
        reason: 'invalid-state',
        path: dir,
        detail: 'recover() runs once, before appends',
      });
    }
    const { recovery, resumeSegment, newestSnapshotSeq } = recoverDirectory(dir, {
      decode,
      ignoreSnapshots: recoverOptions?.ignoreSnapshots ?? false,
      durable: fsync !== 'none',
    });
    lastSeq = recovery.lastSeq;
    try {
      writer = resumeSegment === undefined ? openWriter(lastSeq + 1, true) : openWriter(resumeSegment, false);
    } catch (cause) {
      throw new StoreError({ reason: 'io', path: dir, detail: 'cannot open the journal for appends', cause });
    }
    sinceSnapshot = Math.max(0, lastSeq - newestSnapshotSeq);
    status = 'ready';
    return recovery;
  };

  return {
    dir,
    fsync,
    get status() {
      return status;
    },
    get lastSeq() {
      return lastSeq;
    },
    recover,
    append(entry) {
      const current = readyWriter('append');
      const json = encodeText(entry, current.path, 'entry');
      if (json.includes('\n')) {
        throw new StoreError({
          reason: 'encode',
          path: current.path,
          detail: 'an encoded entry contains a newline',
        });
      }
      const seq = lastSeq + 1;
      try {
        current.append(encodeRecord(seq, json));
        if (fsync === 'always') current.sync();
        else if (fsync === 'batch') current.syncSoon();
      } catch (cause) {
        fail(cause, current.path, `cannot journal sequence ${seq}`);
      }
      lastSeq = seq;
      sinceSnapshot += 1;
      return seq;
    },
    shouldSnapshot() {
      return status === 'ready' && snapshotEvery > 0 && sinceSnapshot >= snapshotEvery;
    },
    writeSnapshot(state, seq) {
      const current = readyWriter('writeSnapshot');
      if (seq !== lastSeq) {
        throw invalidArgument(
          dir,
          `a snapshot must be of the state after the last command (${lastSeq}), not ${seq}`,
        );
      }
      const info = writeSnapshotFile(dir, seq, now(), encodeText(state, dir, 'state'));
      sinceSnapshot = 0;
      if (current.firstSeq !== lastSeq + 1) {
        let next: SegmentWriter | undefined;
        try {
          next = openWriter(lastSeq + 1, true);
        } catch (cause) {
          // The old segment goes on taking appends; recovery finds them there.
          throw new StoreError({ reason: 'io', path: dir, detail: 'cannot start a new segment', cause });
        }
        writer = next;
        try {
          current.close();
        } catch (cause) {
          fail(cause, current.path, 'cannot close the previous segment');
        }
      }
      if (!keepJournal) removeUnneededFiles(dir);
      return info;
    },
    sync() {
      const current = readyWriter('sync');
      try {
        current.sync();
      } catch (cause) {
        fail(cause, current.path, 'cannot fsync the journal');
      }
    },
    close() {
      if (status === 'closed') return;
      status = 'closed';
      const current = writer;
      writer = undefined;
      try {
        current?.close();
      } catch (cause) {
        throw new StoreError({
          reason: 'io',
          path: current?.path ?? dir,
          detail: 'cannot close the journal',
          cause,
        });
      } finally {
        lock.release();
      }
    },
  };
}
