import type { PriceLevel } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { createOrderBook, type OrderBook } from './orderBook.js';
import type { DepthDiff, DepthDiffSource, DepthSnapshot } from './types.js';

const diff = (U: number, u: number, pu: number, b: PriceLevel[] = [], a: PriceLevel[] = []): DepthDiff => ({
  U,
  u,
  pu,
  b,
  a,
});

const snap = (
  lastUpdateId: number,
  bids: PriceLevel[] = [['100', '1']],
  asks: PriceLevel[] = [['101', '1']],
) => ({
  lastUpdateId,
  bids,
  asks,
});

/** A source the test drives by hand: push diffs, answer snapshot requests one by one. */
function fakeSource() {
  let onDiff: ((d: DepthDiff) => void) | undefined;
  let onInterrupt: ((reason: string) => void) | undefined;
  const requests: { resolve: (s: DepthSnapshot) => void; reject: (e: Error) => void }[] = [];
  let unsubscribed = 0;
  const source: DepthDiffSource = {
    subscribe(_symbol, d, i) {
      onDiff = d;
      onInterrupt = i;
      return () => {
        unsubscribed++;
      };
    },
    fetchSnapshot: () => new Promise((resolve, reject) => requests.push({ resolve, reject })),
  };
  return {
    source,
    push: (d: DepthDiff) => onDiff!(d),
    interrupt: (reason: string) => onInterrupt!(reason),
    requests,
    /** Answers the oldest pending snapshot request and lets the book process it. */
    async answer(s: DepthSnapshot) {
      const request = requests.shift();
      if (request === undefined) throw new Error('no snapshot request pending');
      request.resolve(s);
      await flush();
    },
    unsubscribed: () => unsubscribed,
  };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

async function waitFor(predicate: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function record(book: OrderBook) {
  const log: string[] = [];
  book.on('update', (_b, d) => log.push(`update ${d.u}`));
  book.on('synced', (e) => log.push(`synced ${e.lastUpdateId}`));
  book.on('resync', (e) => log.push(`resync ${e.reason}`));
  book.on('mismatch', (e) => log.push(`mismatch ${e.mismatch.side}[${e.mismatch.index}]`));
  return log;
}

describe('createOrderBook', () => {
  test('default: buffers, fetches the snapshot on the first diff, replays the buffer, then follows the stream', async () => {
    const f = fakeSource();
    const book = createOrderBook({ symbol: 'BTCUSDT', source: f.source, firstDiffWaitMs: 60_000 });
    const log = record(book);
    expect(book.status).toBe('syncing');
    expect(f.requests).toHaveLength(0);
    f.push(diff(1, 5, 0, [['99', '1']]));
    expect(f.requests).toHaveLength(1);
    f.push(diff(6, 9, 5, [['100', '2']]));
    f.push(
      diff(
        10,
        12,
        9,
        [],
        [
          ['101', '0'],
          ['102', '3'],
        ],
      ),
    );
    await f.answer(snap(8));
    await book.ready();
    // 1..5 is older than the snapshot (dropped), 6..9 covers 8, 10..12 follows.
    expect(book.lastUpdateId).toBe(12);
    expect(book.levelStrings('bids')).toEqual([['100', '2']]);
    expect(book.levelStrings('asks')).toEqual([['102', '3']]);
    f.push(diff(13, 14, 12, [['100.5', '1']]));
    expect(book.bestBid()?.price.toString()).toBe('100.5');
    expect(log).toEqual(['synced 12', 'update 14']);
    expect(book.stats).toMatchObject({ applied: 3, resyncs: 0, snapshots: 1 });
    book.close();
    expect(f.unsubscribed()).toBe(1);
    expect(book.status).toBe('closed');
    await expect(book.ready()).rejects.toThrow(/closed/);
  });

  test('behavior: a gap resynchronises, and listeners keep receiving afterwards', async () => {
    const f = fakeSource();
    const book = createOrderBook({ symbol: 'BTCUSDT', source: f.source });
    const log = record(book);
    f.push(diff(1, 2, 0));
    await f.answer(snap(2));
    f.push(diff(3, 4, 2, [['99', '1']]));
    f.push(diff(7, 8, 6, [['98', '1']])); // 5..6 went missing
    expect(book.status).toBe('resyncing');
    expect(f.requests).toHaveLength(1);
    f.push(diff(9, 10, 8, [['97', '1']]));
    await f.answer(
      snap(9, [
        ['100', '1'],
        ['98', '1'],
      ]),
    );
    expect(book.status).toBe('synced');
    f.push(diff(11, 12, 10, [['96', '1']]));
    expect(book.levelStrings('bids').map(([p]) => p)).toEqual(['100', '98', '97', '96']);
    expect(log).toEqual(['synced 2', 'update 4', 'resync gap', 'synced 10', 'update 12']);
    book.close();
  });

  test('behavior: a snapshot older than every buffered diff is fetched again', async () => {
    const f = fakeSource();
    const book = createOrderBook({ symbol: 'X', source: f.source, retry: { initialDelayMs: 1 } });
    f.push(diff(10, 12, 9));
    await f.answer(snap(5)); // 6..9 missing between the snapshot and the stream
    expect(book.status).toBe('syncing');
    await waitFor(() => f.requests.length === 1, 'the second snapshot request');
    await f.answer(snap(11));
    expect(book.status).toBe('synced');
    expect(book.lastUpdateId).toBe(12);
    book.close();
  });

  test('behavior: a quiet stream gets its snapshot after firstDiffWaitMs; failures are retried and reported', async () => {
    const f = fakeSource();
    const book = createOrderBook({
      symbol: 'X',
      source: f.source,
      firstDiffWaitMs: 1,
      retry: { initialDelayMs: 1 },
    });
    const errors: unknown[] = [];
    book.on('error', (e) => errors.push(e));
    await waitFor(() => f.requests.length === 1, 'the snapshot request');
    f.requests.shift()!.reject(new Error('HTTP 503'));
    await waitFor(() => f.requests.length === 1, 'the retry');
    await f.answer(snap(3));
    await book.ready();
    expect(errors.map(String)).toEqual(['Error: HTTP 503']);
    f.push(diff(4, 4, 3, [['100', '0']]));
    expect(book.size('bids')).toBe(0);
    book.close();
  });

  test('behavior: an interrupted source resynchronises at once', async () => {
    const f = fakeSource();
    const book = createOrderBook({ symbol: 'X', source: f.source });
    const log = record(book);
    f.push(diff(1, 2, 0));
    await f.answer(snap(2));
    f.interrupt('reconnected');
    expect(book.status).toBe('resyncing');
    await f.answer(snap(2));
    expect(log).toEqual(['synced 2', 'resync interrupted', 'synced 2']);
    book.close();
  });

  test('behavior: verify reports a match, waits for the book to reach a newer snapshot, repairs a mismatch', async () => {
    const f = fakeSource();
    const book = createOrderBook({ symbol: 'X', source: f.source });
    const log = record(book);
    f.push(diff(1, 2, 0));
    await f.answer(snap(2));

    const same = book.verify();
    await f.answer(snap(2));
    expect(await same).toEqual({ status: 'match', lastUpdateId: 2 });

    // The snapshot is ahead at 4: compared once the diff ending at 4 is applied.
    const ahead = book.verify();
    await f.answer(
      snap(4, [
        ['100', '1'],
        ['99', '2'],
      ]),
    );
    f.push(diff(3, 4, 2, [['99', '2']]));
    expect(await ahead).toEqual({ status: 'match', lastUpdateId: 4 });

    // A snapshot inside a diff event cannot be lined up.
    const inside = book.verify();
    await f.answer(snap(5));
    f.push(diff(5, 6, 4));
    expect(await inside).toMatchObject({ status: 'inconclusive' });

    // The book differs (a corrupted quantity): reported, then the snapshot is loaded.
    const wrong = book.verify();
    await f.answer(
      snap(6, [
        ['100', '1'],
        ['99', '3'],
      ]),
    );
    expect(await wrong).toEqual({
      status: 'mismatch',
      lastUpdateId: 6,
      mismatch: { side: 'bids', index: 1, expected: ['99', '3'], actual: ['99', '2'] },
    });
    expect(book.levelStrings('bids')[1]).toEqual(['99', '3']);
    f.push(diff(7, 7, 6, [['98', '1']]));
    expect(book.lastUpdateId).toBe(7);
    expect(log).toEqual([
      'synced 2',
      'update 4',
      'update 6',
      'mismatch bids[1]',
      'resync mismatch',
      'synced 6',
      'update 7',
    ]);
    expect(book.stats).toMatchObject({ verifications: 4, mismatches: 1, resyncs: 1 });
    book.close();
  });

  test('behavior: too many diffs while waiting for a snapshot drop the oldest and refetch', async () => {
    const f = fakeSource();
    const book = createOrderBook({
      symbol: 'X',
      source: f.source,
      maxBufferedDiffs: 4,
      retry: { initialDelayMs: 1 },
    });
    const log = record(book);
    for (let i = 1; i <= 5; i++) f.push(diff(i, i, i - 1));
    expect(log).toEqual(['resync buffer-overflow']);
    await f.answer(snap(1)); // the first request, superseded: ignored
    await waitFor(() => f.requests.length === 1, 'the refetch');
    await f.answer(snap(3));
    expect(book.status).toBe('synced');
    expect(book.lastUpdateId).toBe(5);
    book.close();
  });

  test('behavior: a listener that throws is reported and does not stop the others', async () => {
    const f = fakeSource();
    const book = createOrderBook({ symbol: 'X', source: f.source });
    const errors: unknown[] = [];
    let seen = 0;
    book.on('error', (e) => errors.push(e));
    const off = book.on('update', () => {
      throw new Error('listener bug');
    });
    book.on('update', () => seen++);
    f.push(diff(1, 1, 0));
    await f.answer(snap(1));
    f.push(diff(2, 2, 1));
    off();
    f.push(diff(3, 3, 2));
    expect([seen, errors.length]).toEqual([2, 1]);
    book.close();
  });
});
