import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { catchError } from '../testing/catchError.js';
import { LOCK_FILE, segmentFileName, snapshotFileName } from './layout.js';
import { encodeRecord } from './record.js';
import { type FsyncPolicy, type OpenStoreOptions, openStore, type Store } from './store.js';
import { StoreError } from './storeError.js';

let dir: string;
const opened: Store[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basis-store-'));
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(options: Partial<OpenStoreOptions> = {}): Store {
  const store = openStore({ dir, fsync: 'none', ...options });
  opened.push(store);
  return store;
}

function reopen(store: Store, options: Partial<OpenStoreOptions> = {}): Store {
  store.close();
  return open(options);
}

const order = (n: number) => ({ type: 'newOrder', symbol: 'BTCUSDT', price: `6500${n}.10`, n });

function appendOrders(store: Store, from: number, to: number): void {
  for (let n = from; n <= to; n += 1) expect(store.append(order(n))).toBe(n);
}

function seqs(store: Store): number[] {
  return store.recover().commands.map((c) => c.seq);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('openStore', () => {
  test('default', () => {
    const store = open();
    expect(store.recover()).toEqual({
      snapshot: undefined,
      commands: [],
      torn: false,
      tornTail: undefined,
      skippedSnapshots: [],
      lastSeq: 0,
    });
    appendOrders(store, 1, 3);
    expect(store.lastSeq).toBe(3);
    const again = reopen(store);
    const recovered = again.recover();
    expect(recovered.commands).toEqual([1, 2, 3].map((n) => ({ seq: n, entry: order(n) })));
    expect(recovered.torn).toBe(false);
    expect(again.append(order(4))).toBe(4);
    expect(readdirSync(dir).sort()).toEqual([LOCK_FILE, segmentFileName(1)]);
  });

  test.each<FsyncPolicy>(['none', 'batch', 'always'])('behavior: fsync %s round-trips', (fsync) => {
    const store = open({ fsync, fsyncIntervalMs: 1 });
    expect(store.fsync).toBe(fsync);
    store.recover();
    appendOrders(store, 1, 20);
    store.sync();
    expect(seqs(reopen(store, { fsync }))).toEqual(range(1, 20));
  });

  test('behavior: a torn last record is discarded, reported, and cut off before the next append', () => {
    const store = open();
    store.recover();
    appendOrders(store, 1, 5);
    store.close();
    const segment = join(dir, segmentFileName(1));
    const validLength = readFileSync(segment).length;
    const half = encodeRecord(6, JSON.stringify(order(6)));
    appendFileSync(segment, half.slice(0, Math.floor(half.length / 2)));

    const again = open();
    const recovered = again.recover();
    expect(recovered.commands.map((c) => c.seq)).toEqual(range(1, 5));
    expect(recovered.torn).toBe(true);
    expect(recovered.tornTail).toEqual({
      path: segment,
      offset: validLength,
      length: Math.floor(half.length / 2),
    });
    expect(again.append(order(6))).toBe(6);

    const third = reopen(again).recover();
    expect(third.torn).toBe(false);
    expect(third.commands.map((c) => c.seq)).toEqual(range(1, 6));
  });

  test('behavior: a corrupt record in the middle throws StoreError naming file and line', () => {
    const store = open();
    store.recover();
    appendOrders(store, 1, 5);
    store.close();
    const segment = join(dir, segmentFileName(1));
    writeFileSync(segment, readFileSync(segment, 'utf8').replace('65003.10', '65003.11'));
    const error = catchError(() => open().recover());
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ name: 'StoreError', reason: 'corrupt-record', path: segment, line: 3 });
  });

  test('behavior: a record that decodes to nothing throws undecodable', () => {
    const store = open();
    store.recover();
    store.close();
    writeFileSync(join(dir, segmentFileName(1)), encodeRecord(1, '{"a":') + encodeRecord(2, '{}'));
    expect(catchError(() => open().recover())).toMatchObject({ reason: 'undecodable', line: 1 });
  });

  test('behavior: snapshot + tail replay yields exactly the commands after the snapshot', () => {
    const store = open();
    store.recover();
    appendOrders(store, 1, 10);
    const info = store.writeSnapshot({ upTo: 10 }, 10);
    expect(info).toMatchObject({ seq: 10, path: join(dir, snapshotFileName(10)) });
    appendOrders(store, 11, 14);

    const recovered = reopen(store).recover();
    expect(recovered.snapshot).toEqual({ state: { upTo: 10 }, seq: 10, createdAt: expect.any(Number) });
    expect(recovered.commands).toEqual(range(11, 14).map((n) => ({ seq: n, entry: order(n) })));
    expect(recovered.lastSeq).toBe(14);
  });

  test('behavior: a bad newest snapshot falls back to the previous one, with the right tail', () => {
    const store = open({ now: () => 42 });
    store.recover();
    appendOrders(store, 1, 10);
    store.writeSnapshot({ upTo: 10 }, 10);
    appendOrders(store, 11, 20);
    store.writeSnapshot({ upTo: 20 }, 20);
    appendOrders(store, 21, 23);
    store.close();
    const newest = join(dir, snapshotFileName(20));
    writeFileSync(newest, readFileSync(newest, 'utf8').slice(0, -2));

    const again = open();
    const recovered = again.recover();
    expect(recovered.snapshot).toEqual({ state: { upTo: 10 }, seq: 10, createdAt: 42 });
    expect(recovered.commands.map((c) => c.seq)).toEqual(range(11, 23));
    expect(recovered.skippedSnapshots).toEqual([
      { path: newest, problem: 'the state has 9 bytes, the header says 11' },
    ]);
    expect(existsSync(`${newest}.corrupt`)).toBe(true);
    expect(existsSync(newest)).toBe(false);
  });

  test('behavior: with every snapshot bad and the whole journal kept, replay starts from empty', () => {
    const store = open();
    store.recover();
    appendOrders(store, 1, 4);
    store.writeSnapshot({ upTo: 4 }, 4);
    appendOrders(store, 5, 6);
    store.close();
    writeFileSync(join(dir, snapshotFileName(4)), 'garbage');
    const recovered = open().recover();
    expect(recovered.snapshot).toBeUndefined();
    expect(recovered.commands.map((c) => c.seq)).toEqual(range(1, 6));
  });

  test('behavior: segment cleanup keeps what recovery from either kept snapshot needs', () => {
    const store = open();
    store.recover();
    const listing = () =>
      readdirSync(dir)
        .filter((name) => name !== LOCK_FILE)
        .sort();
    for (const upTo of [10, 20, 30]) {
      appendOrders(store, upTo - 9, upTo);
      store.writeSnapshot({ upTo }, upTo);
    }
    appendOrders(store, 31, 35);
    expect(listing()).toEqual([
      segmentFileName(21),
      segmentFileName(31),
      snapshotFileName(20),
      snapshotFileName(30),
    ]);
    store.close();

    expect(
      open()
        .recover()
        .commands.map((c) => c.seq),
    ).toEqual(range(31, 35));
    opened.pop()?.close();
    writeFileSync(join(dir, snapshotFileName(30)), '{}');
    const fallback = open().recover();
    expect(fallback.snapshot?.seq).toBe(20);
    expect(fallback.commands.map((c) => c.seq)).toEqual(range(21, 35));
  });

  test('behavior: keepJournal keeps every segment, and ignoreSnapshots replays from sequence 1', () => {
    const store = open({ keepJournal: true });
    store.recover();
    for (const upTo of [5, 10, 15]) {
      appendOrders(store, upTo - 4, upTo);
      store.writeSnapshot({ upTo }, upTo);
    }
    const all = reopen(store, { keepJournal: true }).recover({ ignoreSnapshots: true });
    expect(all.snapshot).toBeUndefined();
    expect(all.commands.map((c) => c.seq)).toEqual(range(1, 15));
    expect(all.lastSeq).toBe(15);
  });

  test('behavior: ignoreSnapshots without the whole journal throws sequence-gap', () => {
    const store = open();
    store.recover();
    for (const upTo of [5, 10]) {
      appendOrders(store, upTo - 4, upTo);
      store.writeSnapshot({ upTo }, upTo);
    }
    store.close();
    expect(catchError(() => open().recover({ ignoreSnapshots: true }))).toMatchObject({
      reason: 'sequence-gap',
    });
  });

  test('behavior: an unterminated record in a closed segment is corrupt, not torn', () => {
    const store = open({ keepJournal: true });
    store.recover();
    appendOrders(store, 1, 3);
    store.writeSnapshot({}, 3);
    appendOrders(store, 4, 5);
    store.close();
    rmSync(join(dir, snapshotFileName(3)));
    appendFileSync(join(dir, segmentFileName(1)), '4\tdeadbeef\t{"half');
    expect(catchError(() => open().recover())).toMatchObject({
      reason: 'corrupt-record',
      path: join(dir, segmentFileName(1)),
      line: 4,
    });
  });

  test('behavior: a missing segment in the middle throws sequence-gap', () => {
    const store = open({ keepJournal: true });
    store.recover();
    for (const upTo of [5, 10]) {
      appendOrders(store, upTo - 4, upTo);
      store.writeSnapshot({ upTo }, upTo);
    }
    store.close();
    for (const name of readdirSync(dir)) if (name.startsWith('snapshot-')) rmSync(join(dir, name));
    rmSync(join(dir, segmentFileName(6)));
    expect(catchError(() => open().recover())).toMatchObject({
      reason: 'sequence-gap',
      path: join(dir, segmentFileName(11)),
    });
  });

  test('behavior: a snapshot ahead of a journal that lost unsynced writes wins', () => {
    const store = open();
    store.recover();
    appendOrders(store, 1, 5);
    store.writeSnapshot({ upTo: 5 }, 5);
    store.close();
    // As after a power loss under fsync 'none': the last records and the new segment never reached the disk.
    const segment = join(dir, segmentFileName(1));
    truncateSync(segment, encodeRecord(1, JSON.stringify(order(1))).length);
    rmSync(join(dir, segmentFileName(6)));
    expect(catchError(() => open().recover({ ignoreSnapshots: true }))).toMatchObject({
      reason: 'sequence-gap',
      path: join(dir, snapshotFileName(5)),
    });
    opened.pop()?.close();
    const again = open();
    const recovered = again.recover();
    expect(recovered.snapshot?.seq).toBe(5);
    expect(recovered.commands).toEqual([]);
    expect(again.append(order(6))).toBe(6);
    expect(seqs(reopen(again))).toEqual([6]);
  });

  test('behavior: bigint-capable encode/decode are used for entries and snapshots', () => {
    const encode = (value: unknown) =>
      JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? { $bigint: v.toString() } : v));
    const decode = (text: string): unknown =>
      JSON.parse(text, (_key, v: unknown) =>
        typeof v === 'object' && v !== null && '$bigint' in v
          ? BigInt((v as { $bigint: string }).$bigint)
          : v,
      );
    const orderId = 2n ** 64n + 7n;
    const store = open({ encode, decode });
    store.recover();
    store.append({ type: 'newOrder', orderId });
    store.writeSnapshot({ nextOrderId: orderId + 1n }, 1);
    store.append({ type: 'cancel', orderId });
    const recovered = reopen(store, { encode, decode }).recover();
    expect(recovered.snapshot?.state).toEqual({ nextOrderId: orderId + 1n });
    expect(recovered.commands).toEqual([{ seq: 2, entry: { type: 'cancel', orderId } }]);
  });

  test('behavior: an entry that cannot be encoded is refused and consumes no sequence number', () => {
    const store = open();
    store.recover();
    expect(catchError(() => store.append({ id: 1n }))).toMatchObject({ reason: 'encode' });
    const multiline = open({ dir: join(dir, 'other'), encode: (v) => JSON.stringify(v, null, 1) });
    multiline.recover();
    expect(catchError(() => multiline.append({ a: 1 }))).toMatchObject({ reason: 'encode' });
    expect(store.append(order(1))).toBe(1);
    expect(store.status).toBe('ready');
  });

  test('behavior: calls out of order are invalid-state; a stale snapshot seq is invalid-argument', () => {
    const store = open();
    expect(store.status).toBe('opened');
    expect(catchError(() => store.append(order(1)))).toMatchObject({ reason: 'invalid-state' });
    store.recover();
    expect(catchError(() => store.recover())).toMatchObject({ reason: 'invalid-state' });
    appendOrders(store, 1, 2);
    expect(catchError(() => store.writeSnapshot({}, 1))).toMatchObject({ reason: 'invalid-argument' });
    store.close();
    store.close();
    expect(store.status).toBe('closed');
    expect(catchError(() => store.append(order(3)))).toMatchObject({ reason: 'invalid-state' });
  });

  test('behavior: shouldSnapshot counts commands since the last snapshot, recovered ones included', () => {
    const store = open({ snapshotEvery: 3 });
    store.recover();
    appendOrders(store, 1, 2);
    expect(store.shouldSnapshot()).toBe(false);
    appendOrders(store, 3, 3);
    expect(store.shouldSnapshot()).toBe(true);
    store.writeSnapshot({}, 3);
    expect(store.shouldSnapshot()).toBe(false);
    appendOrders(store, 4, 6);
    const again = reopen(store, { snapshotEvery: 3 });
    expect(again.shouldSnapshot()).toBe(false);
    again.recover();
    expect(again.shouldSnapshot()).toBe(true);
    const never = open({ dir: join(dir, 'never'), snapshotEvery: 0 });
    never.recover();
    appendOrders(never, 1, 100);
    expect(never.shouldSnapshot()).toBe(false);
  });

  test('behavior: invalid options are rejected', () => {
    expect(catchError(() => openStore({ dir, fsync: 'sometimes' as FsyncPolicy }))).toMatchObject({
      reason: 'invalid-argument',
    });
    expect(catchError(() => openStore({ dir, fsyncIntervalMs: 0 }))).toMatchObject({
      reason: 'invalid-argument',
    });
    expect(catchError(() => openStore({ dir, snapshotEvery: 1.5 }))).toMatchObject({
      reason: 'invalid-argument',
    });
  });
});

describe('lock', () => {
  test('default', () => {
    const store = open();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    const error = catchError(() => openStore({ dir }));
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ reason: 'locked', path: join(dir, LOCK_FILE) });
    expect((error as Error).message).toContain(`held by process ${process.pid} (this process)`);
    store.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    open().close();
  });

  test('behavior: a stale lock from a dead process is taken over', () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    expect(dead).toBeGreaterThan(0);
    writeFileSync(join(dir, LOCK_FILE), `${dead}\n`);
    const store = open();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    store.close();
  });

  test('behavior: a fresh unreadable lock is respected, an old one is taken over', () => {
    const lock = join(dir, LOCK_FILE);
    writeFileSync(lock, '');
    expect(catchError(() => openStore({ dir }))).toMatchObject({ reason: 'locked' });
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, aMinuteAgo, aMinuteAgo);
    open().close();
  });

  test('behavior: a lock taken over by someone else is not removed on close', () => {
    const store = open();
    writeFileSync(join(dir, LOCK_FILE), '1\n');
    store.close();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe('1\n');
  });
});

// A writer in another process, killed with SIGKILL in the middle of a stream of appends. It is
// plain JavaScript (a child cannot import TypeScript), so it repeats the record format in a few
// lines; the test checks its first line against encodeRecord, so the copy cannot drift.
const CHILD_SCRIPT = `
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
const [journal, lock, first, count] = process.argv.slice(2);
const lockFd = openSync(lock, 'wx');
writeSync(lockFd, process.pid + '\\n');
closeSync(lockFd);
const fd = openSync(journal, 'a');
const pad = 'x'.repeat(400);
const end = Number(first) + Number(count);
for (let seq = Number(first); seq < end; seq += 1) {
  const json = JSON.stringify({ type: 'newOrder', seq, pad });
  const seqText = String(seq);
  const crc = crc32(json, crc32(seqText + '\\t')).toString(16).padStart(8, '0');
  writeSync(fd, seqText + '\\t' + crc + '\\t' + json + '\\n');
  writeSync(1, seqText + '\\n'); // the acknowledgement: only after the write returned
}
`;

async function runAndKill(
  script: string,
  first: number,
): Promise<{ acked: number[]; signal: string | null }> {
  const child = spawn(
    process.execPath,
    [script, join(dir, segmentFileName(1)), join(dir, LOCK_FILE), String(first), '100000'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const acked: number[] = [];
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) acked.push(Number(line));
    if (acked.length >= 300) child.kill('SIGKILL');
  });
  const deadline = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const signal = await new Promise<string | null>((resolve) =>
    child.on('close', (_code, sig) => resolve(sig)),
  );
  clearTimeout(deadline);
  return { acked, signal };
}

describe('crash', () => {
  test('behavior: kill -9 under load loses no acknowledged command, three times over', async () => {
    const script = join(dir, 'child.mjs');
    writeFileSync(script, CHILD_SCRIPT);
    let expectedFirst = 1;
    for (let round = 0; round < 3; round += 1) {
      const { acked, signal } = await runAndKill(script, expectedFirst);
      expect(signal).toBe('SIGKILL');
      expect(acked.length).toBeGreaterThanOrEqual(300);
      expect(acked).toEqual(range(expectedFirst, expectedFirst + acked.length - 1));
      const lastAcked = acked.at(-1)!;

      const store = open(); // the dead child's LOCK is taken over
      const recovered = store.recover();
      const got = recovered.commands.map((c) => c.seq);
      expect(got[0]).toBe(1);
      expect(got).toEqual(range(1, got.length));
      // Everything acknowledged is there; at most the one record written but not yet acknowledged.
      expect(got.length === lastAcked || got.length === lastAcked + 1).toBe(true);
      expect(recovered.commands.at(-1)?.entry).toMatchObject({ type: 'newOrder', seq: got.length });
      expectedFirst = got.length + 1;
      store.close();
      opened.pop();
    }
    const firstLine = readFileSync(join(dir, segmentFileName(1)), 'utf8').split('\n')[0];
    expect(`${firstLine}\n`).toBe(
      encodeRecord(1, JSON.stringify({ type: 'newOrder', seq: 1, pad: 'x'.repeat(400) })),
    );
  });
});
