import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { handRecord } from './testing.js';
import { writeRunReport } from './writeRunReport.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeRunReport', () => {
  test('default', () => {
    const root = mkdtempSync(join(tmpdir(), 'basis-report-'));
    dirs.push(root);
    const dir = join(root, 'runs', 'one');
    const record = handRecord();
    const { jsonPath, htmlPath, summary } = writeRunReport(dir, record);
    expect(jsonPath).toBe(join(dir, 'result.json'));
    expect(htmlPath).toBe(join(dir, 'report.html'));
    const result = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(result).toEqual({ version: 1, summary: JSON.parse(JSON.stringify(summary)), record });
    expect(summary.pnl.netPnl).toBe('-16.405');
    expect(readFileSync(htmlPath, 'utf8')).toContain('<!doctype html>');

    // Writing again overwrites in place.
    writeRunReport(dir, { ...record, denials: [] });
    expect(JSON.parse(readFileSync(jsonPath, 'utf8')).summary.denials.count).toBe(0);
    expect(existsSync(htmlPath)).toBe(true);
  });
});
