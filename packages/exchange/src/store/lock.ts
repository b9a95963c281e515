import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE } from './layout.js';
import { StoreError } from './storeError.js';

/** A held lock on a store directory. */
export type StoreLock = {
  /** The lock file. */
  readonly path: string;
  /** The process id written into it (this process). */
  readonly pid: number;
  /** Removes the lock file if it still names this process. Idempotent. */
  release(): void;
};

// Between creating LOCK and writing the pid there are microseconds; an empty or garbled LOCK older
// than this is a crash in that window, not a live owner.
const UNREADABLE_LOCK_GRACE_MS = 10_000;
// Each turn either takes the lock, throws, or removes a stale one; a few turns cover a racing peer.
const MAX_ATTEMPTS = 3;

/** Whether a process with this id exists: `kill(pid, 0)` fails with ESRCH only when it does not. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user; anything else: assume alive, never steal.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function readHolder(path: string): number | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  const trimmed = text.trim();
  return /^[1-9][0-9]{0,9}$/.test(trimmed) ? Number(trimmed) : 'unreadable';
}

function isOld(path: string): boolean {
  try {
    // File times are wall-clock times, so this compares with the wall clock, not an injected one.
    return Date.now() - statSync(path).mtimeMs > UNREADABLE_LOCK_GRACE_MS;
  } catch {
    return false;
  }
}

function createLockFile(path: string, pid: number): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Takes the `LOCK` file of a store directory (created with `wx`, holding this process's id), so two
 * exchanges never write one directory. A lock left by a process that no longer exists is taken over.
 * Two processes taking over the same stale lock in the same instant could both succeed; for a local
 * exchange started by hand that window is accepted.
 *
 * @throws StoreError `locked` when a live process (this one included) holds the lock; `io` when the
 *   lock file cannot be created or read.
 */
export function acquireLock(dir: string): StoreLock {
  const path = join(dir, LOCK_FILE);
  const pid = process.pid;
  try {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      if (createLockFile(path, pid)) return heldLock(path, pid);
      const holder = readHolder(path);
      if (holder === 'gone') continue;
      if (holder === 'unreadable') {
        if (!isOld(path)) {
          throw new StoreError({ reason: 'locked', path, detail: 'the lock file is being written; retry' });
        }
      } else if (isProcessAlive(holder)) {
        throw new StoreError({
          reason: 'locked',
          path,
          detail: `held by process ${holder}${holder === pid ? ' (this process)' : ''}`,
        });
      }
      rmSync(path, { force: true });
    }
  } catch (cause) {
    if (cause instanceof StoreError) throw cause;
    throw new StoreError({ reason: 'io', path, detail: 'cannot take the lock', cause });
  }
  throw new StoreError({ reason: 'locked', path, detail: 'another process keeps taking the lock' });
}

function heldLock(path: string, pid: number): StoreLock {
  let released = false;
  return {
    path,
    pid,
    release() {
      if (released) return;
      released = true;
      // Never remove a lock that someone else took over (say after this process was presumed dead).
      if (readHolder(path) === pid) rmSync(path, { force: true });
    },
  };
}
