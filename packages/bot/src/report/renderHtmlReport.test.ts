import { describe, expect, test } from 'vitest';
import { buildChartData, downsample, MAX_CHART_POINTS } from './chartData.js';
import { escapeInlineScript, loadChartLibrary } from './chartLibrary.js';
import { embedJson, type ReportData, renderHtmlReport, TRADINGVIEW_URL } from './renderHtmlReport.js';
import type { RunRecord } from './runRecord.js';
import { summarize } from './summarize.js';
import { coinmRecord, handRecord, syntheticRecord } from './testing.js';

function render(record: RunRecord): string {
  return renderHtmlReport(record, summarize(record));
}

function embeddedData(html: string): ReportData {
  const match = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!) as ReportData;
}

describe('renderHtmlReport', () => {
  test('default', () => {
    const record = handRecord();
    const summary = summarize(record);
    const html = renderHtmlReport(record, summary);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // The library, the data and the drawing script are inline; nothing else is a script.
    expect(html.match(/<script\b/g)).toHaveLength(3);
    expect(html.match(/<\/script>/gi)).toHaveLength(3);
    expect(html.includes(loadChartLibrary().script)).toBe(true);
    expect(html).toContain('TradingView Lightweight Charts™ v5');
    const data = embeddedData(html);
    expect(data).toEqual({
      version: 1,
      summary: JSON.parse(JSON.stringify(summary)),
      charts: buildChartData(record),
    });
    // Tables are static HTML.
    expect(html).toContain('<td class="neg">-20.96</td>');
    expect(html).toContain('<td>-16.405 USDT</td>'.replace('<td>', '<td class="neg">'));
    expect(html).toContain('Risk denials (2)');
  });

  test('behavior: a COIN-M run shows its coin figures, their USD value and a USD equity series', () => {
    const record = coinmRecord();
    const html = render(record);
    expect(html.includes('<tr><th>Net PnL</th><td class="pos">0.001 BTC</td></tr>')).toBe(true);
    expect(html.includes('<tr><th>Net PnL (USD)</th><td class="pos">40.00 USD</td></tr>')).toBe(true);
    expect(html.includes('<tr><th>Starting equity (USD)</th><td>50000.00 USD</td></tr>')).toBe(true);
    expect(html.includes('<tr><th>Ending equity (USD)</th><td>40040.00 USD</td></tr>')).toBe(true);
    expect(html.includes('<tr><th>USD change</th><td class="neg">-9960.00 USD</td></tr>')).toBe(true);
    expect(html.includes('<tr><th>Index, end</th><td>40000.00 USD</td></tr>')).toBe(true);
    const { charts } = embeddedData(html);
    expect(charts.equityPrecision).toBe(8);
    expect(charts.equityUsd).toEqual([
      [0, 50000],
      [10, 40040],
    ]);
    expect(buildChartData(handRecord()).equityUsd).toEqual([]);
  });

  test('behavior: Sharpe and Sortino show n/a with the reason instead of a number', () => {
    const record = handRecord();
    const summary = summarize(record);
    // (asserted with booleans: a failing toContain would print the whole page)
    const short = renderHtmlReport(record, summary);
    expect(short.includes('<tr><th>Sharpe</th><td>n/a (run shorter than 30 days)</td></tr>')).toBe(true);
    expect(short.includes('<tr><th>Sortino</th><td>n/a (run shorter than 30 days)</td></tr>')).toBe(true);

    const risk = {
      ...summary.risk,
      sharpe: 1.234,
      sharpeNullReason: null,
      sortinoNullReason: 'no losing period',
    };
    const long = renderHtmlReport(record, { ...summary, risk });
    expect(long.includes('<tr><th>Sharpe</th><td>1.23</td></tr>')).toBe(true);
    expect(long.includes('<tr><th>Sortino</th><td>n/a (no losing period)</td></tr>')).toBe(true);
  });

  test('behavior: loads nothing from the network; the only external URL is the attribution link', () => {
    const html = render(syntheticRecord(300));
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'`,
    );
    expect(html).not.toMatch(/<link\b|@import|url\(\s*['"]?(?:https?:)?\/\//i);
    const loads = [
      ...html.matchAll(
        /\b(src|href|action|srcset|poster|data)\s*=\s*["'`]?\s*((?:https?:)?\/\/[^"'`\s>]*)/gi,
      ),
    ];
    // The footer link, and the logo link the library itself draws on each chart.
    expect(loads.map((m) => [m[1], m[2]!.split('?')[0]])).toEqual([
      ['href', TRADINGVIEW_URL],
      ['href', TRADINGVIEW_URL],
    ]);
    expect(html).toContain(`<a href="${TRADINGVIEW_URL}">${TRADINGVIEW_URL}</a>`);
  });

  test('behavior: hostile text stays data (script end tags, U+2028, HTML)', () => {
    const name = '</script><script>alert(1)</script> <b>x</b> \u2028\u2029 & <!--';
    const record: RunRecord = {
      ...handRecord(),
      meta: { ...handRecord().meta, strategy: name },
      denials: [{ time: 1, rule: '<img src=x onerror=alert(1)>', message: '</script>', symbol: 'BTCUSDT' }],
    };
    const html = render(record);
    // (asserted with booleans: a failing toContain would print the whole page)
    expect(html.includes('<script>alert')).toBe(false);
    expect(html.includes('<img src=x')).toBe(false);
    // The library's own source has a U+2028 in it; ours has none.
    expect(html.replace(loadChartLibrary().script, '').includes('\u2028')).toBe(false);
    expect(html.match(/<\/script>/gi)).toHaveLength(3);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;x&lt;/b&gt;');
    expect(embeddedData(html).summary.run.strategy).toBe(name);
  });

  test('behavior: long series are downsampled and markers sit on drawn price times', () => {
    const record = syntheticRecord(12_000);
    const data = embeddedData(render(record));
    expect(data.charts.equity.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(data.charts.symbols.map((s) => s.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    for (const s of data.charts.symbols) {
      expect(s.price.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
      const times = new Set(s.price.map((p) => p[0]));
      expect(s.markers.length).toBe(record.fills.filter((f) => f.symbol === s.symbol).length);
      for (const m of s.markers) expect(times.has(m.time)).toBe(true);
      for (const series of [s.price, s.position]) {
        for (let i = 1; i < series.length; i++) expect(series[i]![0]).toBeGreaterThan(series[i - 1]![0]);
      }
    }
  });
});

describe('buildChartData', () => {
  test('default', () => {
    const charts = buildChartData(handRecord());
    expect(charts.equity).toEqual([
      [0, 1000],
      [2, 1010],
      [4, 1005],
      [5, 990],
      [7, 1012],
      [8, 990],
      [10, 983.595],
    ]);
    expect(charts.drawdownPct[3]![1]).toBeCloseTo((990 / 1010 - 1) * 100, 12);
    const [btc] = charts.symbols;
    expect(btc!.markers.map((m) => [m.time, m.side, m.kind])).toEqual([
      // the 1 s fill has no price bar of its own: it snaps to the bar at 0 s
      [0, 'BUY', 'entry'],
      [3, 'SELL', 'exit'],
      [3, 'SELL', 'entry'],
      [6, 'BUY', 'flip'],
      [8, 'SELL', 'exit'],
    ]);
    expect(btc!.position).toEqual([
      [0, 0],
      [1, 1],
      [3, 0],
      [4, -2],
      [6, 1],
      [8, 0],
      [10, 0],
    ]);
  });

  test("behavior: the price axis shows the tick's decimals, not the mark price's 8", () => {
    const record = handRecord();
    const markPrices = { BTCUSDT: [{ time: 0, price: '96791.90794656' }, ...record.prices.BTCUSDT!] };
    const withMarks = { ...record, prices: markPrices };
    expect(buildChartData(withMarks).symbols[0]!.pricePrecision).toBe(8);
    const withTick = { ...withMarks, meta: { ...record.meta, tickSizes: { BTCUSDT: '0.10' } } };
    expect(buildChartData(withTick).symbols[0]!.pricePrecision).toBe(1);
    const wholeTick = { ...withMarks, meta: { ...record.meta, tickSizes: { BTCUSDT: '1.00' } } };
    expect(buildChartData(wholeTick).symbols[0]!.pricePrecision).toBe(0);
  });
});

describe('downsample', () => {
  test('default', () => {
    const points = Array.from({ length: 1000 }, (_, i) => [i, Math.sin(i / 10)] as const);
    const out = downsample(points, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out[0]).toEqual(points[0]);
    expect(out[out.length - 1]).toEqual(points[999]);
    expect(Math.max(...out.map((p) => p[1]))).toBe(Math.max(...points.map((p) => p[1])));
    expect(Math.min(...out.map((p) => p[1]))).toBe(Math.min(...points.map((p) => p[1])));
    expect(downsample(points.slice(0, 50), 100)).toEqual(points.slice(0, 50));
  });
});

describe('embedJson / escapeInlineScript', () => {
  test('default', () => {
    const value = { a: '</script><!-- & \u2028\u2029 >' };
    const text = embedJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
    expect(escapeInlineScript('x = "</SCRIPT>" + "<!--"')).toBe('x = "<\\/SCRIPT>" + "<\\!--"');
  });
});
