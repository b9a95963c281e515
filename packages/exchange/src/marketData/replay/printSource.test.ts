import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { catchError } from '../../testing/catchError.js';
import { discoverReplayFiles } from './discover.js';
import type { PrintGrid } from './printColumns.js';
import { emptyPrint, type PrintReadOptions, PrintSource } from './printSource.js';
import { ReplayError } from './replayError.js';
import { ReplaySource } from './replaySource.js';
import { AGG_HEADER, makeZip, SOURCE_PRINT_WORKER, TRADE_HEADER, useDataFolder } from './testing.js';
import { UnitGrid } from './unitGrid.js';

const T0 = Date.parse('2024-06-15T00:00:00Z');
const DAY = 86_400_000;
const GRIDS: Readonly<Record<string, PrintGrid>> = {
  BTCUSDT: { tickSize: '0.10', stepSize: '0.001' },
  ETHUSDT: { tickSize: '0.01', stepSize: '0.001' },
};
const gridOf = (symbol: string): PrintGrid => GRIDS[symbol]!;

const data = useDataFolder('basis-prints-');
const write = data.write;

/** Both ways of reading; the reader thread runs the TypeScript sources through the source runner. */
const THREADS: readonly (readonly [string, PrintReadOptions])[] = [
  ['main', { thread: 'main' }],
  ['worker', { thread: 'worker', worker: SOURCE_PRINT_WORKER }],
];

type Row = [series: string, time: number, tick: number, steps: number, takerSells: boolean];

/** Every print of `source`, bounded by `max`, then closes it. */
function drain(source: PrintSource, max = 1_000_000): Row[] {
  const rows: Row[] = [];
  const print = emptyPrint();
  try {
    for (let i = 0; i < max && source.take(print); i++) {
      rows.push([source.series[print.series]!.symbol, print.time, print.tick, print.steps, print.takerSells]);
    }
  } finally {
    source.close();
  }
  return rows;
}

/** What the object reader gives for the same files, converted on the same grids. */
function expected(): Row[] {
  const replay = ReplaySource.fromDirectory(data.dir);
  const grids = new Map<string, [UnitGrid, UnitGrid]>();
  const rows: Row[] = [];
  for (const event of replay.takeUntil(Number.MAX_SAFE_INTEGER)) {
    if (event.kind === 'kline') continue;
    let grid = grids.get(event.symbol);
    if (grid === undefined) {
      const { tickSize, stepSize } = gridOf(event.symbol);
      grid = [new UnitGrid(Decimal.parse(tickSize)), new UnitGrid(Decimal.parse(stepSize))];
      grids.set(event.symbol, grid);
    }
    rows.push([
      event.symbol,
      event.time,
      grid[0].ofText(event.price),
      Math.max(1, grid[1].ofText(event.qty)),
      event.isBuyerMaker,
    ]);
  }
  return rows;
}

/** `'ended'` when `promise` settles within `ms`, else `'timed out'`. */
async function withTimeout(promise: Promise<void>, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), ms);
  });
  try {
    return await Promise.race([promise.then(() => 'ended'), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Two symbols over two days: BTCUSDT aggTrades (a header on the first day only), ETHUSDT trades. */
function writeTwoSymbols(rowsPerDay: number): void {
  for (const [day, header] of [
    [0, true],
    [1, false],
  ] as const) {
    const date = day === 0 ? '2024-06-15' : '2024-06-16';
    const agg: string[] = header ? [AGG_HEADER] : [];
    const trades: string[] = header ? [TRADE_HEADER] : [];
    for (let i = 0; i < rowsPerDay; i++) {
      const time = T0 + day * DAY + i * 997;
      const n = day * rowsPerDay + i;
      // Off-grid prices (rounded half-even), quantities below a step (at least 1), equal times across symbols.
      const price = i % 7 === 0 ? `${66000 + (i % 50)}.25` : `${66000 + (i % 50)}.${i % 10}`;
      const qty = i % 11 === 0 ? '0.0004' : `0.${String(1 + (i % 999)).padStart(3, '0')}`;
      agg.push(`${n},${price},${qty},${n * 2},${n * 2 + 1},${time},${i % 3 === 0}`);
      trades.push(
        `${n},3500.${String(i % 100).padStart(2, '0')},0.5,1750.0,${time + (i % 2)},${i % 2 === 0}`,
      );
    }
    write(`BTCUSDT-aggTrades-${date}.csv`, agg);
    write(`ETHUSDT-trades-${date}.csv`, trades);
  }
}

describe.each(THREADS)('PrintSource on the %s thread', (_name, options) => {
  test('default: the prints of every file, merged in time order, on the symbols grids', () => {
    writeTwoSymbols(3_000);
    const source = new PrintSource(discoverReplayFiles(data.dir), gridOf, { ...options, chunkSize: 1024 });
    expect(source.thread).toBe(options.thread);
    expect(source.series.map((s) => s.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(source.peekTime()).toBe(T0);
    const rows = drain(source);
    expect(rows).toHaveLength(12_000);
    expect(rows).toEqual(expected());
    // Spot checks of the conversion: an off-grid price rounds half-even, a tiny quantity is one step.
    expect(rows[0]).toEqual(['BTCUSDT', T0, 660_002, 1, true]);
    expect(rows[1]).toEqual(['ETHUSDT', T0, 350_000, 500, true]);
  });

  test('behavior: a malformed row ends its series there, with its file and line, after the rows before it', () => {
    const good = Array.from({ length: 500 }, (_, i) => `${i},1.5,1,${i},${i},${T0 + i},false`);
    write('BTCUSDT-aggTrades-2024-06-15.csv', [AGG_HEADER, ...good, `500,1.5,1,500,500,${T0 + 500},maybe`]);
    const source = new PrintSource(discoverReplayFiles(data.dir), gridOf, { ...options, chunkSize: 4096 });
    const print = emptyPrint();
    let taken = 0;
    const error = catchError(() => {
      for (let i = 0; i < 1000 && source.take(print); i++) taken++;
    });
    expect(error).toBeInstanceOf(ReplayError);
    expect(error).toMatchObject({ reason: 'format', line: 502 });
    expect((error as ReplayError).details).toBe(`is_buyer_maker: 500,1.5,1,500,500,${T0 + 500},maybe`);
    // Rows before the failing chunk were played; nothing after the bad row ever is.
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThan(500);
    expect(source.take(print)).toBe(false);
    expect(source.peekTime()).toBeUndefined();
    source.close();
  });

  test('behavior: a file starting before the previous one ends is refused', () => {
    write('BTCUSDT-aggTrades-2024-06-15.csv', [`1,1.0,1,1,1,${T0 + DAY},true`]);
    write('BTCUSDT-aggTrades-2024-06-16.csv', [`2,1.0,1,2,2,${T0},true`]);
    const error = catchError(() => drain(new PrintSource(discoverReplayFiles(data.dir), gridOf, options)));
    expect(error).toMatchObject({ reason: 'order', line: 1 });
    expect((error as ReplayError).message).toContain('BTCUSDT-aggTrades-2024-06-16.csv:1');
    expect((error as ReplayError).details).toContain('the file starts before the previous file ends');
  });

  test('behavior: zip archives as data.binance.vision ships them', () => {
    const rows = Array.from(
      { length: 2_000 },
      (_, i) => `${i},6500${i % 10}.5,0.01${i % 10},${i},${i},${T0 + i * 10},${i % 2 === 1}`,
    );
    writeFileSync(
      join(data.dir, 'BTCUSDT-aggTrades-2024-06-15.zip'),
      makeZip([{ name: 'BTCUSDT-aggTrades-2024-06-15.csv', data: `${AGG_HEADER}\n${rows.join('\n')}\n` }]),
    );
    const prints = drain(
      new PrintSource(discoverReplayFiles(data.dir), gridOf, { ...options, chunkSize: 2048 }),
    );
    expect(prints).toHaveLength(2_000);
    expect(prints).toEqual(expected());
  });

  test('behavior: closing early stops the reading and releases every file', async () => {
    writeTwoSymbols(20_000);
    const openFiles = (): number => readdirSync('/proc/self/fd').length;
    const before = existsSync('/proc/self/fd') ? openFiles() : 0;
    const source = new PrintSource(discoverReplayFiles(data.dir), gridOf, { ...options, chunkSize: 512 });
    expect(drain(source, 1_000)).toHaveLength(1_000);
    expect(source.take(emptyPrint())).toBe(false);
    // The reader thread, if any, ends on its own (it is never terminated, so it closes what it opened).
    await expect(withTimeout(source.ended(), 5_000)).resolves.toBe('ended');
    if (before > 0) {
      // The reader thread closes its files as it stops: wait for it, bounded.
      for (let i = 0; i < 200 && openFiles() > before; i++)
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      expect(openFiles()).toBeLessThanOrEqual(before);
    }
  });
});

describe('PrintSource', () => {
  test('behavior: auto reads on the main thread from the TypeScript sources and for small files', () => {
    write('BTCUSDT-aggTrades-2024-06-15.csv', [`1,1.0,1,1,1,${T0},true`]);
    const source = new PrintSource(discoverReplayFiles(data.dir), gridOf);
    expect(source.thread).toBe('main');
    expect(drain(source)).toEqual([['BTCUSDT', T0, 10, 1000, true]]);
  });

  test('behavior: a reader thread that cannot start fails the replay with the reason, at once', () => {
    write('BTCUSDT-aggTrades-2024-06-15.csv', [`1,1.0,1,1,1,${T0},true`]);
    const source = new PrintSource(discoverReplayFiles(data.dir), gridOf, {
      thread: 'worker',
      worker: { entry: new URL('./noSuchModule.js', import.meta.url) },
    });
    const error = catchError(() => source.peekTime());
    expect(error).toBeInstanceOf(ReplayError);
    expect(error).toMatchObject({ reason: 'io' });
    expect((error as ReplayError).details).toMatch(/the reader thread failed: .*noSuchModule/);
    source.close();
  });

  test('behavior: a reader thread that dies is reported at the next pull, with the cause', async () => {
    write('BTCUSDT-aggTrades-2024-06-15.csv', [`1,1.0,1,1,1,${T0},true`]);
    // A stand-in for the thread's module whose thread then throws outside any reading.
    const dies = 'export function servePrints() { setTimeout(() => { throw new Error("boom"); }, 0); }';
    const source = new PrintSource(discoverReplayFiles(data.dir), gridOf, {
      thread: 'worker',
      worker: { entry: `data:text/javascript,${encodeURIComponent(dies)}` },
    });
    await expect(withTimeout(source.ended(), 5_000)).resolves.toBe('ended');
    const error = catchError(() => source.peekTime());
    expect(error).toMatchObject({
      reason: 'io',
      details: expect.stringMatching(/^the reader thread failed/),
    });
    expect((error as ReplayError).cause).toMatchObject({ message: 'boom' });
    source.close();
  });

  test('behavior: a custom unzip stays on the main thread', () => {
    write('BTCUSDT-aggTrades-2024-06-15.csv', [`1,1.0,1,1,1,${T0},true`]);
    const unzip = { open: () => ({ read: () => 0, close: () => {} }) };
    expect(new PrintSource(discoverReplayFiles(data.dir), gridOf, { unzip }).thread).toBe('main');
    expect(() => new PrintSource(discoverReplayFiles(data.dir), gridOf, { unzip, thread: 'worker' })).toThrow(
      /a custom unzip cannot run on a reader thread/,
    );
  });
});
