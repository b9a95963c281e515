import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { catchError } from '../testing/catchError.js';
import { openSegmentWriter, scanSegment } from './journal.js';
import { segmentFileName } from './layout.js';
import { encodeRecord } from './record.js';
import { StoreError } from './storeError.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basis-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function scanAll(path: string, firstSeq: number) {
  const records: { seq: number; json: string; line: number }[] = [];
  const scan = scanSegment(path, firstSeq, (seq, json, line) => records.push({ seq, json, line }));
  return { records, scan };
}

describe('openSegmentWriter + scanSegment', () => {
  test('default', () => {
    const path = join(dir, segmentFileName(1));
    const writer = openSegmentWriter(path, 1, { syncIntervalMs: 10 });
    for (let seq = 1; seq <= 3; seq += 1) writer.append(encodeRecord(seq, JSON.stringify({ seq })));
    writer.close();
    const { records, scan } = scanAll(path, 1);
    expect(records).toEqual([
      { seq: 1, json: '{"seq":1}', line: 1 },
      { seq: 2, json: '{"seq":2}', line: 2 },
      { seq: 3, json: '{"seq":3}', line: 3 },
    ]);
    expect(scan).toEqual({ lastSeq: 3, records: 3, tornTail: undefined });
  });

  test('behavior: a segment may start at any sequence number, and may be empty', () => {
    const path = join(dir, segmentFileName(501));
    writeFileSync(path, '');
    expect(scanAll(path, 501).scan).toEqual({ lastSeq: 500, records: 0, tornTail: undefined });
    appendFileSync(path, encodeRecord(501, '{}'));
    expect(scanAll(path, 501).scan.lastSeq).toBe(501);
  });

  test('behavior: a torn last record is reported with its offset, not judged', () => {
    const path = join(dir, segmentFileName(1));
    const whole = encodeRecord(1, '{"a":1}') + encodeRecord(2, '{"a":2}');
    const third = encodeRecord(3, '{"a":3}');
    writeFileSync(path, whole + third.slice(0, 9));
    const { records, scan } = scanAll(path, 1);
    expect(records.map((r) => r.seq)).toEqual([1, 2]);
    expect(scan.tornTail).toEqual({ path, offset: whole.length, length: 9 });
  });

  test('behavior: a complete record that fails its checksum throws, naming file and line', () => {
    const path = join(dir, segmentFileName(1));
    const lines = [1, 2, 3].map((seq) => encodeRecord(seq, `{"qty":"${seq}.000"}`));
    writeFileSync(path, lines[0]! + lines[1]!.replace('2.000', '2.001') + lines[2]!);
    const error = catchError(() => scanAll(path, 1));
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ name: 'StoreError', reason: 'corrupt-record', path, line: 2 });
    expect((error as Error).message).toContain(`${path}:2`);
  });

  test('behavior: a record out of sequence throws sequence-gap', () => {
    const path = join(dir, segmentFileName(1));
    writeFileSync(path, encodeRecord(1, '{}') + encodeRecord(3, '{}'));
    expect(catchError(() => scanAll(path, 1))).toMatchObject({ reason: 'sequence-gap', path, line: 2 });
    expect(catchError(() => scanAll(path, 5))).toMatchObject({ reason: 'sequence-gap', line: 1 });
  });

  test('behavior: records and a torn tail larger than the read chunk are handled', () => {
    const path = join(dir, segmentFileName(1));
    const big = 'x'.repeat(700 * 1024);
    let content = '';
    for (let seq = 1; seq <= 4; seq += 1) content += encodeRecord(seq, JSON.stringify({ seq, big }));
    writeFileSync(path, content);
    appendFileSync(path, Buffer.alloc(3 * 1024 * 1024)); // zeros: what a power loss can leave
    const { records, scan } = scanAll(path, 1);
    expect(records.map((r) => [r.seq, r.json.length])).toEqual(
      [1, 2, 3, 4].map((seq) => [seq, JSON.stringify({ seq, big }).length]),
    );
    expect(scan.tornTail).toEqual({ path, offset: Buffer.byteLength(content), length: 3 * 1024 * 1024 });
  });

  test('behavior: syncSoon then close leaves every record on disk and no error behind', async () => {
    const path = join(dir, segmentFileName(1));
    const writer = openSegmentWriter(path, 1, { syncIntervalMs: 1 });
    for (let seq = 1; seq <= 50; seq += 1) {
      writer.append(encodeRecord(seq, '{}'));
      writer.syncSoon();
      if (seq % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    writer.close();
    writer.close();
    expect(writer.backgroundError).toBeUndefined();
    expect(writer.size).toBe(readFileSync(path).length);
    expect(scanAll(path, 1).scan.lastSeq).toBe(50);
  });

  test('behavior: a writer resumes at the end of an existing segment', () => {
    const path = join(dir, segmentFileName(1));
    writeFileSync(path, encodeRecord(1, '{}'));
    const writer = openSegmentWriter(path, 1, { syncIntervalMs: 10 });
    expect(writer.size).toBe(encodeRecord(1, '{}').length);
    writer.append(encodeRecord(2, '{}'));
    writer.sync();
    writer.close();
    expect(scanAll(path, 1).scan.lastSeq).toBe(2);
  });
});
