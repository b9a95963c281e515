import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { discoverReplayFiles } from './discover.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basis-discover-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function touch(...parts: string[]): void {
  const path = join(dir, ...parts);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
}

describe('discoverReplayFiles', () => {
  test('default', () => {
    const um = ['futures', 'um'];
    touch(...um, 'daily', 'aggTrades', 'BTCUSDT', 'BTCUSDT-aggTrades-2024-06-15.zip');
    touch(...um, 'daily', 'aggTrades', 'BTCUSDT', 'BTCUSDT-aggTrades-2024-06-15.zip.CHECKSUM');
    touch(...um, 'daily', 'klines', 'BTCUSDT', '1m', 'BTCUSDT-1m-2024-06-15.zip');
    touch(...um, 'daily', 'markPriceKlines', 'BTCUSDT', '1m', 'BTCUSDT-1m-2024-06-15.zip');
    touch(...um, 'monthly', 'indexPriceKlines', 'BTCUSDT', '1mo', 'BTCUSDT-1mo-2024-05.zip');
    touch(...um, 'daily', 'bookTicker', 'BTCUSDT', 'BTCUSDT-bookTicker-2024-03-01.zip');
    touch(...um, 'monthly', 'fundingRate', 'BTCUSDT', 'BTCUSDT-fundingRate-2024-05.zip');
    const files = discoverReplayFiles(dir);
    expect(
      files.map((f) => [f.dataType, f.symbol, f.interval, f.period, f.date, f.format, f.market]),
    ).toEqual([
      ['aggTrades', 'BTCUSDT', undefined, 'daily', '2024-06-15', 'zip', 'um'],
      ['indexPriceKlines', 'BTCUSDT', '1M', 'monthly', '2024-05', 'zip', 'um'],
      ['klines', 'BTCUSDT', '1m', 'daily', '2024-06-15', 'zip', 'um'],
      ['markPriceKlines', 'BTCUSDT', '1m', 'daily', '2024-06-15', 'zip', 'um'],
    ]);
    expect(relative(dir, files[0]!.path)).toBe(
      join('futures', 'um', 'daily', 'aggTrades', 'BTCUSDT', 'BTCUSDT-aggTrades-2024-06-15.zip'),
    );
  });

  test('behavior: flat directories work; flat kline files are trade klines', () => {
    touch('ETHUSDT-trades-2024-06-15.csv');
    touch('ETHUSDT-1h-2024-06.csv');
    touch('notes.txt');
    touch('ethusdt-trades-2024-06-15.csv'); // Binance's names are upper case
    expect(discoverReplayFiles(dir).map((f) => [f.dataType, f.interval, f.period, f.market])).toEqual([
      ['klines', '1h', 'monthly', undefined],
      ['trades', undefined, 'daily', undefined],
    ]);
  });

  test('behavior: an extracted CSV wins over its zip; monthly files replace that month’s daily files', () => {
    touch('BTCUSDT-aggTrades-2024-06-15.zip');
    touch('BTCUSDT-aggTrades-2024-06-15.csv');
    touch('BTCUSDT-aggTrades-2024-05-31.csv');
    touch('BTCUSDT-aggTrades-2024-05.zip');
    touch('BTCUSDT-aggTrades-2024-04-30.csv');
    expect(discoverReplayFiles(dir).map((f) => `${f.date}.${f.format}`)).toEqual([
      '2024-04-30.csv',
      '2024-05.zip',
      '2024-06-15.csv',
    ]);
  });

  test('behavior: filters by symbol, data type and interval', () => {
    touch('BTCUSDT-aggTrades-2024-06-15.csv');
    touch('ETHUSDT-aggTrades-2024-06-15.csv');
    touch('BTCUSDT-1m-2024-06-15.csv');
    touch('BTCUSDT-5m-2024-06-15.csv');
    expect(discoverReplayFiles(dir, { symbols: ['ETHUSDT'] }).map((f) => f.symbol)).toEqual(['ETHUSDT']);
    expect(
      discoverReplayFiles(dir, { dataTypes: ['klines'], intervals: ['5m'] }).map((f) => f.interval),
    ).toEqual(['5m']);
    expect(discoverReplayFiles(dir, { maxEntries: 0 })).toEqual([]);
  });
});
