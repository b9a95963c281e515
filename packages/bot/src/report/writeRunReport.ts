import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderHtmlReport } from './renderHtmlReport.js';
import type { RunRecord } from './runRecord.js';
import { type RunSummary, summarize } from './summarize.js';

export interface WriteRunReportReturnType {
  /** Absolute path of `result.json`: `{ version: 1, summary, record }`. */
  readonly jsonPath: string;
  /** Absolute path of `report.html`. */
  readonly htmlPath: string;
  readonly summary: RunSummary;
}

/**
 * Summarizes a run and writes `result.json` and `report.html` into `dir` (created if absent, files
 * overwritten). The summary in `result.json` is indented for reading; the record is compact.
 *
 * @example
 * const { htmlPath, summary } = writeRunReport('runs/2026-01-02-sma', record);
 */
export function writeRunReport(dir: string, record: RunRecord): WriteRunReportReturnType {
  const summary = summarize(record);
  const target = resolve(dir);
  mkdirSync(target, { recursive: true });
  const jsonPath = join(target, 'result.json');
  const htmlPath = join(target, 'report.html');
  const summaryJson = JSON.stringify(summary, null, 2).replace(/\n/g, '\n  ');
  writeFileSync(
    jsonPath,
    `{\n  "version": 1,\n  "summary": ${summaryJson},\n  "record": ${JSON.stringify(record)}\n}\n`,
  );
  writeFileSync(htmlPath, renderHtmlReport(record, summary));
  return { jsonPath, htmlPath, summary };
}
