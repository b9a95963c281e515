import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bufferSource, LineChunker, openFileSource } from './byteSource.js';

function allLines(text: string, chunkSize: number): string[] {
  const chunker = new LineChunker(bufferSource(Buffer.from(text, 'latin1')), chunkSize);
  const lines: string[] = [];
  // Each call consumes a chunk; the text is at most a few KB, so 10,000 rounds is a safe bound.
  for (
    let round = 0;
    round < 10_000 && chunker.next((b, s, e) => lines.push(b.toString('latin1', s, e)));
    round++
  );
  return lines;
}

describe('LineChunker', () => {
  test('default', () => {
    expect(allLines('a,b\nc,d\n', 1024)).toEqual(['a,b', 'c,d']);
  });

  test('behavior: CRLF, a missing final newline and empty lines', () => {
    expect(allLines('a\r\nb\r\n\r\nc', 1024)).toEqual(['a', 'b', 'c']);
    expect(allLines('', 1024)).toEqual([]);
    expect(allLines('\n\n', 1024)).toEqual([]);
  });

  test('behavior: line numbers count the skipped empty lines, and stay right when a handler throws', () => {
    const chunker = new LineChunker(bufferSource(Buffer.from('a\n\nb\r\n\r\nbad\nc', 'latin1')), 1024);
    const seen: string[] = [];
    let fail = true;
    const onLine = (b: Buffer, s: number, e: number): void => {
      const text = b.toString('latin1', s, e);
      if (text === 'bad' && fail) {
        fail = false;
        throw new Error('bad line');
      }
      seen.push(`${chunker.line}:${text}`);
    };
    expect(() => chunker.next(onLine)).toThrow('bad line');
    seen.length = 0;
    // The chunk is delivered again from its start, with the same numbers.
    for (let round = 0; round < 10 && chunker.next(onLine); round++);
    expect(seen).toEqual(['1:a', '3:b', '5:bad', '6:c']);
  });

  test('behavior: lines split across chunks and lines longer than a chunk', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `${i},${'x'.repeat(i % 97)}`);
    expect(allLines(`${lines.join('\n')}\n`, 64)).toEqual(lines);
    const long = 'y'.repeat(1000);
    expect(allLines(`a\n${long}\nb`, 64)).toEqual(['a', long, 'b']);
  });

  test('behavior: reads files sequentially', () => {
    const dir = mkdtempSync(join(tmpdir(), 'basis-lines-'));
    try {
      const path = join(dir, 'x.csv');
      writeFileSync(path, '1,2\n3,4\n');
      const chunker = new LineChunker(openFileSource(path), 64);
      const lines: string[] = [];
      for (
        let round = 0;
        round < 10 && chunker.next((b, s, e) => lines.push(b.toString('latin1', s, e)));
        round++
      );
      expect(lines).toEqual(['1,2', '3,4']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
