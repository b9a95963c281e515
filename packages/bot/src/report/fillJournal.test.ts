import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { FILLS_FILE, FillJournal } from './fillJournal.js';
import type { FillRecord } from './runRecord.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'basis-journal-'));
  dirs.push(dir);
  return dir;
}

function fill(i: number): FillRecord {
  return {
    time: 1_767_614_400_000 + i,
    symbol: 'BTCUSDT',
    side: i % 2 === 0 ? 'BUY' : 'SELL',
    price: '96000.10',
    qty: '0.003',
    fee: '0.11520012',
    feeAsset: 'USDT',
    realizedPnl: i % 2 === 0 ? '0' : '-1.5',
    orderId: String(9_007_199_254_740_993n + BigInt(i)),
    clientOrderId: `mm-${i}`,
    maker: i % 3 === 0,
  };
}

const readLines = (path: string): unknown[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));

describe('FillJournal', () => {
  test('default: each fill is one JSON line, on disk before close, in its directory (created)', () => {
    const path = join(tempDir(), 'runs', 'paper-mm', FILLS_FILE);
    const errors: Error[] = [];
    const journal = new FillJournal(path, (error) => errors.push(error));
    const fills = [0, 1, 2].map(fill);
    for (const f of fills) journal.append(f);
    // Written at once: a process that dies now leaves them in the file.
    expect(readLines(path)).toEqual(fills);
    journal.close();
    expect(readLines(path)).toEqual(fills);
    expect(journal.written).toBe(3);
    expect(errors).toEqual([]);
  });

  test('behavior: a run without fills leaves an empty file; a restarted run appends to it', () => {
    const path = join(tempDir(), FILLS_FILE);
    new FillJournal(path, () => {}).close();
    expect(readFileSync(path, 'utf8')).toBe('');
    const first = new FillJournal(path, () => {});
    first.append(fill(0));
    first.close();
    const second = new FillJournal(path, () => {});
    second.append(fill(1));
    second.close();
    expect(readLines(path)).toEqual([fill(0), fill(1)]);
  });

  test('error: a journal that cannot be written is reported once and stops, without throwing', () => {
    const dir = tempDir();
    // A directory where the file should be: opening it for appending fails.
    const path = join(dir, FILLS_FILE);
    mkdirSync(path);
    const errors: Error[] = [];
    const journal = new FillJournal(path, (error) => errors.push(error));
    journal.append(fill(0));
    journal.append(fill(1));
    journal.close();
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^the fills journal .*fills\.jsonl stopped: EISDIR/);
    expect(journal.written).toBe(0);
  });

  test('error: a directory that cannot be created is reported the same way', () => {
    const dir = tempDir();
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const errors: Error[] = [];
    const journal = new FillJournal(join(blocker, FILLS_FILE), (error) => errors.push(error));
    journal.append(fill(0));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/stopped: (ENOTDIR|EEXIST)/);
  });
});
