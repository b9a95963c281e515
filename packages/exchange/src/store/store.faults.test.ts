import type * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { catchError } from '../testing/catchError.js';
import { segmentFileName } from './layout.js';
import { openStore, type Store } from './store.js';

// Disk faults cannot be provoked on a healthy tmpdir, so node:fs is wrapped: when a switch is on,
// the next write stores half its bytes and fails like a full disk, or a background fdatasync fails.
const faults = vi.hoisted(() => ({ shortWriteThenFail: false, failBackgroundSync: false }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const writeSync = real.writeSync as (...args: unknown[]) => number;
  return {
    ...real,
    writeSync: (...args: unknown[]): number => {
      const [fd, data] = args;
      if (faults.shortWriteThenFail && Buffer.isBuffer(data)) {
        writeSync(fd, data, 0, Math.floor(data.length / 2));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return writeSync(...args);
    },
    fdatasync: (fd: number, callback: (error: NodeJS.ErrnoException | null) => void): void => {
      if (!faults.failBackgroundSync) {
        real.fdatasync(fd, callback);
        return;
      }
      setImmediate(() => callback(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })));
    },
  };
});

let dir: string;
let store: Store | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basis-store-'));
  faults.shortWriteThenFail = false;
  faults.failBackgroundSync = false;
});
afterEach(() => {
  store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('store under disk faults', () => {
  test('behavior: a failed write is cut back, not acknowledged, and stops the store', () => {
    store = openStore({ dir, fsync: 'none' });
    store.recover();
    store.append({ n: 1 });
    store.append({ n: 2 });
    const before = readFileSync(join(dir, segmentFileName(1)));
    faults.shortWriteThenFail = true;
    expect(catchError(() => store?.append({ n: 3 }))).toMatchObject({ name: 'StoreError', reason: 'io' });
    faults.shortWriteThenFail = false;
    expect(readFileSync(join(dir, segmentFileName(1)))).toEqual(before);
    expect(store.status).toBe('failed');
    expect(catchError(() => store?.append({ n: 3 }))).toMatchObject({ reason: 'failed' });
    expect(catchError(() => store?.writeSnapshot({}, 2))).toMatchObject({ reason: 'failed' });
    store.close();

    store = openStore({ dir, fsync: 'none' });
    const recovered = store.recover();
    expect(recovered.torn).toBe(false);
    expect(recovered.commands.map((c) => c.seq)).toEqual([1, 2]);
    expect(store.append({ n: 3 })).toBe(3);
  });

  test('behavior: a failed background fsync stops the store at the next append', async () => {
    store = openStore({ dir, fsync: 'batch', fsyncIntervalMs: 1 });
    store.recover();
    faults.failBackgroundSync = true;
    store.append({ n: 1 });
    let error: unknown;
    for (let i = 0; i < 50 && error === undefined; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      error = catchError(() => store?.append({ n: i + 2 }));
    }
    expect(error).toMatchObject({ name: 'StoreError', reason: 'io' });
    expect((error as Error).message).toContain('a background fsync failed');
    expect(store.status).toBe('failed');
    expect(catchError(() => store?.append({ n: 0 }))).toMatchObject({ reason: 'failed' });
  });
});
