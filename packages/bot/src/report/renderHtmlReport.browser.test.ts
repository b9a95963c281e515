import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { coinmRecord, handRecord, syntheticRecord } from './testing.js';
import { writeRunReport } from './writeRunReport.js';

// Opens written reports in Debian's Chromium (apt-get install chromium) from file://, offline, and checks
// that every chart drew: canvases with a size, no console error, no page error, no request off file://.

const CHROMIUM = process.env.BASIS_CHROMIUM ?? '/usr/bin/chromium';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'basis-report-browser-'));
  // No background networking: this machine's closed network refuses Chromium's own connections.
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  browser = await chromium.launch({ executablePath: CHROMIUM, args });
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(name: string, record: Parameters<typeof writeRunReport>[1]) {
  const { htmlPath } = writeRunReport(join(dir, name), record);
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(pathToFileURL(htmlPath).href);
  await page.waitForSelector('body[data-charts-ready="true"]', { timeout: 10_000 });
  // Two animation frames: lightweight-charts paints on the next frame. (A string: no DOM lib in tsconfig.)
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
  );
  const charts = await page.$$eval('.chart', (elements) =>
    elements.map((el) => ({
      id: el.id,
      canvases: [...el.querySelectorAll('canvas')].filter((c) => c.width > 0 && c.height > 0).length,
      height: el.getBoundingClientRect().height,
    })),
  );
  await context.close();
  return { charts, problems };
}

describe('report in a browser', () => {
  test('default', async () => {
    const { charts, problems } = await open('hand', handRecord());
    expect(problems).toEqual([]);
    expect(charts.map((c) => c.id)).toEqual(['chart-equity', 'chart-symbol-0']);
    for (const chart of charts) {
      // panes, price axes and the time axis are canvases of their own
      expect(chart.canvases).toBeGreaterThanOrEqual(4);
      expect(chart.height).toBeGreaterThan(300);
    }
  });

  test('behavior: a long two-symbol run renders every chart', async () => {
    const { charts, problems } = await open('synthetic', syntheticRecord(12_000));
    expect(problems).toEqual([]);
    expect(charts.map((c) => c.id)).toEqual(['chart-equity', 'chart-symbol-0', 'chart-symbol-1']);
    for (const chart of charts) expect(chart.canvases).toBeGreaterThanOrEqual(4);
  });

  test('behavior: a COIN-M run draws its USD equity pane beside the coin equity', async () => {
    const hand = await open('hand-panes', handRecord());
    const coinm = await open('coinm', coinmRecord());
    expect(coinm.problems).toEqual([]);
    expect(coinm.charts.map((c) => c.id)).toEqual(['chart-equity', 'chart-symbol-0']);
    // one more pane: its own series and price-axis canvases
    expect(coinm.charts[0]!.canvases).toBeGreaterThan(hand.charts[0]!.canvases);
  });
});
