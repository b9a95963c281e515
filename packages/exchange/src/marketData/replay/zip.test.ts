import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ReplayError } from './replayError.js';
import { ReplaySource } from './replaySource.js';
import { makeZip } from './testing.js';
import { builtinUnzip, readZipEntries, readZipEntry, readZipEntryHead } from './zip.js';

function readAll(source: { read(t: Uint8Array, o: number, l: number): number }): string {
  const chunks: Buffer[] = [];
  for (let i = 0; i < 1000; i++) {
    const chunk = Buffer.alloc(7);
    const n = source.read(chunk, 0, 7);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks).toString('latin1');
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basis-zip-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const CSV =
  'agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n1,10.5,2,1,1,1000,true\n';

describe('zip reader', () => {
  test('default', () => {
    const path = join(dir, 'BTCUSDT-aggTrades-2024-06-15.zip');
    writeFileSync(path, makeZip([{ name: 'BTCUSDT-aggTrades-2024-06-15.csv', data: CSV }]));
    const [entry] = readZipEntries(path);
    expect(entry).toMatchObject({
      name: 'BTCUSDT-aggTrades-2024-06-15.csv',
      method: 8,
      uncompressedSize: CSV.length,
    });
    expect(readZipEntry(path, entry!).toString('latin1')).toBe(CSV);
    expect(readAll(builtinUnzip.open(path))).toBe(CSV);
  });

  test('behavior: stored entries, several entries and a trailing comment', () => {
    const path = join(dir, 'x.zip');
    writeFileSync(
      path,
      makeZip(
        [
          { name: 'README.txt', data: 'hello', stored: true },
          { name: 'data.CSV', data: CSV, stored: true },
        ],
        'a comment that contains the end-record signature PK\u0005\u0006 itself',
      ),
    );
    expect(readZipEntries(path).map((e) => [e.name, e.method])).toEqual([
      ['README.txt', 0],
      ['data.CSV', 0],
    ]);
    expect(readAll(builtinUnzip.open(path))).toBe(CSV);
  });

  test('behavior: corrupt or unexpected archives are refused with a ReplayError', () => {
    const notZip = join(dir, 'a.zip');
    writeFileSync(notZip, 'just text');
    expect(() => readZipEntries(notZip)).toThrow(ReplayError);
    const two = join(dir, 'b.zip');
    writeFileSync(
      two,
      makeZip([
        { name: 'a.csv', data: CSV },
        { name: 'b.csv', data: CSV },
      ]),
    );
    expect(() => builtinUnzip.open(two)).toThrow(/expected one .csv entry, found 2/);
    const bad = join(dir, 'c.zip');
    const bytes = makeZip([{ name: 'a.csv', data: CSV, stored: true }]);
    bytes[40] = bytes[40]! ^ 0xff; // flip a data byte: the CRC no longer matches
    writeFileSync(bad, bytes);
    const error = (() => {
      try {
        builtinUnzip.open(bad);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ReplayError);
    expect(error).toMatchObject({ reason: 'zip' });
  });

  test('behavior: the head of an entry inflates only a prefix of it', () => {
    const path = join(dir, 'large.zip');
    const text = Array.from({ length: 2000 }, (_, i) => `${i},${(i * 7919) % 104729}`).join('\n');
    writeFileSync(path, makeZip([{ name: 'large.csv', data: text }]));
    const [entry] = readZipEntries(path);
    const head = readZipEntryHead(path, entry!, 256).toString('latin1');
    expect(head.length).toBeGreaterThan(0);
    expect(head.length).toBeLessThan(text.length);
    expect(text.startsWith(head)).toBe(true);
    expect(readZipEntryHead(path, entry!, entry!.compressedSize).toString('latin1')).toBe(text);
  });

  test('behavior: sizes that do not fit are refused before or while inflating', () => {
    const path = join(dir, 'sizes.zip');
    const bytes = makeZip([{ name: 'a.csv', data: 'x'.repeat(100_000) }]);
    const central = bytes.readUInt32LE(bytes.length - 22 + 16);
    const bomb = Buffer.from(bytes);
    bomb.writeUInt32LE(10, central + 24); // declares 10 bytes; inflates to 100,000
    writeFileSync(path, bomb);
    expect(() => readZipEntry(path, readZipEntries(path)[0]!)).toThrow(/inflates beyond its declared size/);
    const overlapping = Buffer.from(bytes);
    overlapping.writeUInt32LE(central, central + 20); // compressed data said to run into the directory
    writeFileSync(path, overlapping);
    expect(() => readZipEntry(path, readZipEntries(path)[0]!)).toThrow(ReplayError);
    expect(() => readZipEntry(path, readZipEntries(path)[0]!)).toThrow(/a.csv is truncated/);
  });

  test('behavior: a replay reads zipped and plain files alike', () => {
    const daily = join(dir, 'futures', 'um', 'daily', 'aggTrades', 'BTCUSDT');
    mkdirSync(daily, { recursive: true });
    writeFileSync(
      join(daily, 'BTCUSDT-aggTrades-2024-06-15.zip'),
      makeZip([{ name: 'BTCUSDT-aggTrades-2024-06-15.csv', data: CSV }]),
    );
    writeFileSync(join(daily, 'BTCUSDT-aggTrades-2024-06-16.csv'), '2,11.0,1,2,3,2000,false\n');
    const replay = ReplaySource.fromDirectory(dir);
    expect(replay.takeUntil(Number.MAX_SAFE_INTEGER).map((e) => [e.kind, e.time])).toEqual([
      ['aggTrade', 1000],
      ['aggTrade', 2000],
    ]);
  });
});
