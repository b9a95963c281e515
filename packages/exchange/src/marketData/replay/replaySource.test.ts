import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bufferSource } from './byteSource.js';
import type { ReplayEvent } from './csvRows.js';
import { discoverReplayFiles } from './discover.js';
import { ReplayError } from './replayError.js';
import { ReplayFileReader, ReplaySource } from './replaySource.js';
import { AGG_HEADER, KLINE_HEADER, TRADE_HEADER, useDataFolder } from './testing.js';

const T0 = Date.parse('2024-06-15T00:00:00Z');

const data = useDataFolder('basis-replay-');
const write = data.write;

const describeEvent = (e: ReplayEvent): string =>
  e.kind === 'kline'
    ? `${e.dataType}@${e.time}`
    : e.kind === 'trade'
      ? `trade ${e.id}@${e.time}`
      : `agg ${e.aggId}@${e.time}`;

describe('ReplaySource', () => {
  test('default', () => {
    const agg = 'futures/um/daily/aggTrades/BTCUSDT';
    // The first day has a header (post-2022 files), the second none (older files): both are read.
    write(`${agg}/BTCUSDT-aggTrades-2024-06-15.csv`, [
      AGG_HEADER,
      `100,66224.90,0.003,1000,1000,${T0 + 10},false`,
      `101,66225.00,0.500,1001,1004,${T0 + 60_000},true`,
    ]);
    write(`${agg}/BTCUSDT-aggTrades-2024-06-16.csv`, [
      `102,66300.10,0.010,1005,1005,${T0 + 86_400_000},false`,
    ]);
    write('futures/um/daily/markPriceKlines/BTCUSDT/1m/BTCUSDT-1m-2024-06-15.csv', [
      KLINE_HEADER,
      `${T0},66220.00000000,66230.00000000,66210.00000000,66225.00000000,0,${T0 + 59_999},0,60,0,0,0`,
    ]);
    write('futures/um/daily/trades/BTCUSDT/BTCUSDT-trades-2024-06-15.csv', [
      TRADE_HEADER,
      `1000,66224.90,0.003,198.67470,${T0 + 10},false`,
    ]);
    const replay = ReplaySource.fromDirectory(data.dir);
    expect(replay.peekTime()).toBe(T0 + 10);
    const events: string[] = [];
    for (let i = 0; i < 100; i++) {
      const e = replay.next();
      if (e === undefined) break;
      events.push(describeEvent(e));
    }
    // Equal times: the series that sorts first (aggTrades < trades) goes first; a kline at its close.
    expect(events).toEqual([
      `agg 100@${T0 + 10}`,
      `trade 1000@${T0 + 10}`,
      `markPriceKlines@${T0 + 59_999}`,
      `agg 101@${T0 + 60_000}`,
      `agg 102@${T0 + 86_400_000}`,
    ]);
    expect(replay.next()).toBeUndefined();
    expect(replay.peekTime()).toBeUndefined();
  });

  test('behavior: takeUntil pulls the events up to a time, across chunk boundaries', () => {
    const lines = Array.from(
      { length: 2000 },
      (_, i) => `${i},1.0,1,${i},${i},${T0 + i * 1000},${i % 2 === 0}`,
    );
    write('BTCUSDT-aggTrades-2024-06-15.csv', lines);
    const replay = new ReplaySource(discoverReplayFiles(data.dir), { chunkSize: 256 });
    expect(replay.takeUntil(T0 + 999).map((e) => e.time)).toEqual([T0]);
    expect(replay.takeUntil(T0 + 1_000_000)).toHaveLength(1000); // inclusive: up to i = 1000
    expect(replay.takeUntil(Number.MAX_SAFE_INTEGER, 500)).toHaveLength(500);
    expect(replay.takeUntil(Number.MAX_SAFE_INTEGER)).toHaveLength(499);
    expect(replay.next()).toBeUndefined();
  });

  test('behavior: microsecond files replay in milliseconds', () => {
    write('BTCUSDT-trades-2025-01-01.csv', [`1,1.0,1,1.0,${(T0 + 5) * 1000 + 999},true`]);
    expect(new ReplaySource(discoverReplayFiles(data.dir)).next()).toMatchObject({ time: T0 + 5 });
  });

  test('behavior: a malformed row stops the replay with its file and line', () => {
    write('BTCUSDT-aggTrades-2024-06-15.csv', [
      AGG_HEADER,
      `1,1.0,1,1,1,${T0},true`,
      `2,1.0,1,2,2,${T0},perhaps`,
    ]);
    const replay = new ReplaySource(discoverReplayFiles(data.dir));
    let error: unknown;
    try {
      replay.takeUntil(Number.MAX_SAFE_INTEGER);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReplayError);
    expect(error).toMatchObject({ reason: 'format', line: 3 });
    expect((error as ReplayError).details).toMatch(/^is_buyer_maker: 2,1.0/);
    expect((error as ReplayError).message).toContain('BTCUSDT-aggTrades-2024-06-15.csv:3');
  });

  test('behavior: error lines count blank lines; a blank first line does not hide the header', () => {
    write('BTCUSDT-aggTrades-2024-06-15.csv', [
      '',
      AGG_HEADER,
      `1,1.0,1,1,1,${T0},true`,
      '',
      `2,1.O,1,2,2,${T0},true`,
    ]);
    let error: unknown;
    try {
      new ReplaySource(discoverReplayFiles(data.dir)).takeUntil(Number.MAX_SAFE_INTEGER);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ reason: 'format', line: 5, details: `price: 2,1.O,1,2,2,${T0},true` });
  });

  test('behavior: rows or files going back in time are refused', () => {
    write('BTCUSDT-aggTrades-2024-06-15.csv', [`1,1.0,1,1,1,${T0 + 5},true`, `2,1.0,1,2,2,${T0},true`]);
    expect(() => new ReplaySource(discoverReplayFiles(data.dir)).takeUntil(T0 + 10)).toThrow(
      /goes back in time/,
    );
    rmSync(join(data.dir, 'BTCUSDT-aggTrades-2024-06-15.csv'));
    write('BTCUSDT-aggTrades-2024-06-15.csv', [`1,1.0,1,1,1,${T0 + 86_400_000},true`]);
    write('BTCUSDT-aggTrades-2024-06-16.csv', [`2,1.0,1,2,2,${T0},true`]);
    expect(() => new ReplaySource(discoverReplayFiles(data.dir)).takeUntil(Number.MAX_SAFE_INTEGER)).toThrow(
      ReplayError,
    );
  });

  test('behavior: zip archives go through the injected Unzip', () => {
    write('BTCUSDT-1h-2024-06.zip', ['not really a zip']);
    const opened: string[] = [];
    const unzip = {
      open(path: string) {
        opened.push(path);
        return bufferSource(Buffer.from(`${T0},1,2,0.5,1.5,10,${T0 + 3_599_999},12.5,7,4,5,0\n`));
      },
    };
    const replay = new ReplaySource(discoverReplayFiles(data.dir), { unzip });
    expect(replay.next()).toMatchObject({
      kind: 'kline',
      dataType: 'klines',
      interval: '1h',
      count: 7,
      low: '0.5',
    });
    expect(opened).toHaveLength(1);
    replay.close();
    expect(replay.next()).toBeUndefined();
  });

  test('behavior: a file reader closes itself at the end', () => {
    write('BTCUSDT-trades-2024-06-15.csv', [TRADE_HEADER]);
    const [file] = discoverReplayFiles(data.dir);
    const reader = new ReplayFileReader(file!);
    const batches: number[] = [];
    for (let i = 0; i < 10; i++) {
      const batch = reader.nextBatch();
      if (batch === undefined) break;
      batches.push(batch.length);
    }
    expect(batches.reduce((a, b) => a + b, 0)).toBe(0);
  });
});
