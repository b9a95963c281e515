import { type PriceLevel, VirtualClock } from '@basis/core';
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
function fakeSource(clock?: VirtualClock) {
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
    ...(clock === undefined ? {} : { clock }),
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

  test('behavior: the first-diff wait, the retry backoff and the verify interval run on the injected clock', async () => {
    const clock = new VirtualClock(1_000_000);
    const f = fakeSource();
    const book = createOrderBook({
      symbol: 'X',
      source: f.source,
      clock,
      firstDiffWaitMs: 1000,
      retry: { initialDelayMs: 250, maxDelayMs: 400 },
      verifyIntervalMs: 60_000,
    });
    const errors: unknown[] = [];
    book.on('error', (e) => errors.push(e));
    // First-diff wait: nothing before 1000 virtual ms, the request at 1000.
    clock.advance(999);
    await flush();
    expect(f.requests).toHaveLength(0);
    clock.advance(1);
    expect(f.requests).toHaveLength(1);
    // Retry backoff: 250, then 400 (doubled, capped).
    f.requests.shift()!.reject(new Error('HTTP 503'));
    await flush();
    clock.advance(249);
    expect(f.requests).toHaveLength(0);
    clock.advance(1);
    expect(f.requests).toHaveLength(1);
    f.requests.shift()!.reject(new Error('HTTP 503'));
    await flush();
    clock.advance(399);
    expect(f.requests).toHaveLength(0);
    clock.advance(1);
    expect(f.requests).toHaveLength(1);
    await f.answer(snap(3));
    expect(book.status).toBe('synced');
    expect(errors).toHaveLength(2);
    // Verify interval: first at 60 000 ms after creation (virtual), then every 60 000 ms.
    expect(clock.now()).toBe(1_001_650);
    clock.advanceTo(1_059_999);
    expect(f.requests).toHaveLength(0);
    clock.advance(1);
    expect(f.requests).toHaveLength(1);
    await f.answer(snap(3));
    expect(book.stats).toMatchObject({ verifications: 1, mismatches: 0, snapshots: 1 });
    clock.advance(60_000);
    expect(f.requests).toHaveLength(1);
    await f.answer(snap(3));
    expect(book.stats.verifications).toBe(2);
    // ready()'s time limit is virtual too.
    book.resync('test');
    const late = book.ready(5000);
    clock.advance(5000);
    await expect(late).rejects.toThrow(/did not sync within 5000 ms/);
    book.close();
    expect(clock.pending()).toBe(0);
  });

  test("behavior: the clock defaults to the source's", async () => {
    const clock = new VirtualClock();
    const f = fakeSource(clock);
    const book = createOrderBook({ symbol: 'X', source: f.source, firstDiffWaitMs: 500 });
    expect(clock.pending()).toBe(1);
    clock.advance(500);
    expect(f.requests).toHaveLength(1);
    book.close();
    expect(clock.pending()).toBe(0);
  });

  test('behavior: maxLevelsPerSide trims the levels farthest from the touch', async () => {
    const f = fakeSource();
    const book = createOrderBook({ symbol: 'X', source: f.source, maxLevelsPerSide: 3 });
    const prices = (side: 'bids' | 'asks') => book.levelStrings(side).map(([p]) => p);
    f.push(diff(1, 1, 0));
    await f.answer(
      snap(
        1,
        [
          ['100', '1'],
          ['99', '1'],
          ['98', '1'],
          ['97', '1'],
        ],
        [
          ['105', '1'],
          ['106', '1'],
        ],
      ),
    );
    // The snapshot itself is trimmed.
    expect(prices('bids')).toEqual(['100', '99', '98']);
    // Far levels beyond the cap are dropped; a better level pushes the worst one out.
    f.push(
      diff(
        2,
        2,
        1,
        [
          ['90', '5'],
          ['101', '2'],
        ],
        [
          ['110', '1'],
          ['111', '1'],
          ['104', '3'],
        ],
      ),
    );
    expect(book.levelStrings('bids')).toEqual([
      ['101', '2'],
      ['100', '1'],
      ['99', '1'],
    ]);
    expect(prices('asks')).toEqual(['104', '105', '106']);
    // Removing a level near the touch leaves room; a far level fills it again when a diff sends it.
    f.push(diff(3, 3, 2, [['101', '0']], [['107', '4']]));
    expect(prices('bids')).toEqual(['100', '99']);
    expect(prices('asks')).toEqual(['104', '105', '106']);
    f.push(diff(4, 4, 3, [['95', '1']]));
    expect(prices('bids')).toEqual(['100', '99', '95']);
    expect([book.size('bids'), book.size('asks')]).toEqual([3, 3]);
    // verify compares the kept levels with the snapshot's first ones.
    const check = book.verify();
    await f.answer(
      snap(
        4,
        [
          ['100', '1'],
          ['99', '1'],
          ['95', '1'],
          ['94', '1'],
        ],
        [
          ['104', '3'],
          ['105', '1'],
          ['106', '1'],
          ['107', '4'],
        ],
      ),
    );
    expect(await check).toEqual({ status: 'match', lastUpdateId: 4 });
    book.close();
  });

  test('behavior: the default cap of 5000 levels per side holds over a long stream of far levels', async () => {
    const f = fakeSource();
    const book = createOrderBook({ symbol: 'X', source: f.source });
    f.push(diff(1, 1, 0));
    await f.answer(snap(1, [['50000', '1']], [['50001', '1']]));
    for (let i = 0; i < 120; i++) {
      const bids: PriceLevel[] = [];
      const asks: PriceLevel[] = [];
      for (let j = 0; j < 50; j++) {
        bids.push([String(49_999 - i * 50 - j), '1']);
        asks.push([String(50_002 + i * 50 + j), '1']);
      }
      f.push(diff(i + 2, i + 2, i + 1, bids, asks));
    }
    expect([book.size('bids'), book.size('asks')]).toEqual([5000, 5000]);
    expect(book.bestBid()?.price.toString()).toBe('50000');
    expect(book.bestAsk()?.price.toString()).toBe('50001');
    expect(book.levelStrings('bids').at(-1)![0]).toBe('45001');
    expect(book.levelStrings('asks').at(-1)![0]).toBe('55000');
    book.close();
  });
});
