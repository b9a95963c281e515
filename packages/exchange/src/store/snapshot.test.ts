import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { snapshotFileName } from './layout.js';
import { readSnapshotFile, writeSnapshotFile } from './snapshot.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basis-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const state = { balances: { USDT: '1000.00' }, orders: [{ id: 1, price: '65000.10' }] };

describe('writeSnapshotFile / readSnapshotFile', () => {
  test('default', () => {
    const info = writeSnapshotFile(dir, 12, 1_700_000_000_000, JSON.stringify(state));
    const path = join(dir, snapshotFileName(12));
    expect(info).toEqual({ path, seq: 12, createdAt: 1_700_000_000_000, bytes: readFileSync(path).length });
    expect(readFileSync(path, 'utf8')).toMatchInlineSnapshot(`
      "{"format":"basis-snapshot","version":1,"seq":12,"createdAt":1700000000000,"bytes":70,"crc32":"510d1c44"}
      {"balances":{"USDT":"1000.00"},"orders":[{"id":1,"price":"65000.10"}]}"
    `);
    expect(readSnapshotFile(path, 12, JSON.parse)).toEqual({
      ok: true,
      snapshot: { state, seq: 12, createdAt: 1_700_000_000_000 },
    });
    expect(readdirSync(dir)).toEqual([snapshotFileName(12)]);
  });

  test('behavior: an overwrite is atomic and leaves no temporary file', () => {
    writeSnapshotFile(dir, 3, 1, '{"v":1}');
    writeSnapshotFile(dir, 3, 2, '{"v":2}');
    const path = join(dir, snapshotFileName(3));
    expect(readSnapshotFile(path, 3, JSON.parse)).toEqual({
      ok: true,
      snapshot: { state: { v: 2 }, seq: 3, createdAt: 2 },
    });
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });

  test('behavior: damage that still parses fails the checksum', () => {
    const { path } = writeSnapshotFile(dir, 5, 1, JSON.stringify(state));
    writeFileSync(path, readFileSync(path, 'utf8').replace('1000.00', '9000.00'));
    expect(readSnapshotFile(path, 5, JSON.parse)).toEqual({
      ok: false,
      problem: 'the state fails its checksum',
    });
  });

  test('behavior: every defect is reported, never thrown', () => {
    const { path } = writeSnapshotFile(dir, 5, 1, JSON.stringify(state));
    const good = readFileSync(path);
    const cases: [Buffer | string, string][] = [
      [good.subarray(0, good.length - 3), 'the state has 67 bytes, the header says 70'],
      [good.subarray(0, 20), 'the header is incomplete'],
      ['', 'the header is incomplete'],
      ['not json\n{}', 'the header is not JSON'],
      ['{"format":"other"}\n{}', 'not a Basis snapshot'],
      ['{"format":"basis-snapshot","version":2}\n{}', 'unsupported version 2'],
    ];
    for (const [content, problem] of cases) {
      writeFileSync(path, content);
      expect(readSnapshotFile(path, 5, JSON.parse), problem).toEqual({ ok: false, problem });
    }
    writeFileSync(path, good);
    expect(readSnapshotFile(path, 6, JSON.parse)).toEqual({ ok: false, problem: 'the header says seq 5' });
    const refuse = () => {
      throw new Error('secret state text');
    };
    expect(readSnapshotFile(path, 5, refuse)).toEqual({ ok: false, problem: 'the state cannot be decoded' });
    expect(readSnapshotFile(join(dir, 'nothing.json'), 5, JSON.parse)).toEqual({
      ok: false,
      problem: 'the file is missing',
    });
  });
});
