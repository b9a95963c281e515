import { type RiskSummary, type RunRecord, summarize } from '@basis/bot';
import { describe, expect, test } from 'vitest';
import { formatDuration, ratios, summaryText } from './summaryText.js';

/** A two-minute paper run, like the one `npm start` runs: far too short for annualised ratios. */
function shortRecord(): RunRecord {
  const equity = ['1000', '1001', '999.5', '1002', '1000.25'].map((value, i) => ({
    time: i * 30_000,
    equity: value,
    wallet: value,
    unrealizedPnl: '0',
  }));
  return {
    meta: {
      strategy: 'sma',
      mode: 'paper',
      env: 'testnet',
      symbols: ['BTCUSDT'],
      startTime: 0,
      endTime: 120_000,
      quoteAsset: 'USDT',
      startingEquity: '1000',
    },
    equity,
    prices: {},
    positions: {},
    fills: [],
    funding: [],
    denials: [],
  };
}

const risk = (over: Partial<RiskSummary>): RiskSummary => ({
  sharpe: null,
  sortino: null,
  sharpeNullReason: null,
  sortinoNullReason: null,
  returnsPeriodMs: 86_400_000,
  periodsPerYear: 365,
  returnsCount: 30,
  ...over,
});

describe('summaryText', () => {
  test('default', () => {
    const text = summaryText(summarize(shortRecord()), '/tmp/report.html');
    expect(text).toMatch(/^ {2}Sharpe \/ Sortino +n\/a \/ n\/a \(run shorter than 30 days\)$/m);
    expect(text).toMatch(/^ {2}duration +2m 00s$/m);
    expect(text).toMatch(/^ {2}report +\/tmp\/report\.html$/m);
    expect(text).not.toContain('USD ');
  });

  test('behavior: a COIN-M run shows its figures in the coin and their USD value at the index', () => {
    const base = shortRecord();
    const record: RunRecord = {
      ...base,
      meta: {
        ...base.meta,
        symbols: ['BTCUSD_PERP'],
        quoteAsset: 'BTC',
        startingEquity: '1',
        contractSizes: { BTCUSD_PERP: '100' },
      },
      equity: [
        { time: 0, equity: '1', wallet: '1', unrealizedPnl: '0', usdPrice: '50000', usdValue: '50000' },
        {
          time: 120_000,
          equity: '1.0002',
          wallet: '1.0002',
          unrealizedPnl: '0',
          usdPrice: '50100',
          usdValue: '50110.02',
        },
      ],
    };
    const text = summaryText(summarize(record), '/tmp/report.html');
    expect(text).toMatch(/^ {2}equity +1 -> 1\.0002 BTC$/m);
    expect(text).toMatch(/^ {2}net PnL +0\.0002 BTC \(0\.020%\)$/m);
    expect(text).toMatch(/^ {2}net PnL in USD +10\.02 USD \(at the BTC index 50100\)$/m);
    expect(text).toMatch(/^ {2}equity in USD +50000\.00 -> 50110\.02 USD$/m);
  });
});

describe('ratios', () => {
  test('default', () => {
    expect(ratios(risk({ sharpe: 1.234, sortino: 2.5 }))).toBe('1.23 / 2.50');
  });

  test('behavior: each missing ratio says why, and a shared reason is said once', () => {
    expect(ratios(risk({ sharpe: 0.5, sortinoNullReason: 'no losing period' }))).toBe(
      '0.50 / n/a (no losing period)',
    );
    expect(
      ratios(risk({ sharpeNullReason: 'returns do not vary', sortinoNullReason: 'no losing period' })),
    ).toBe('n/a (returns do not vary) / n/a (no losing period)');
    const short = 'run shorter than 30 days';
    expect(ratios(risk({ sharpeNullReason: short, sortinoNullReason: short }))).toBe(`n/a / n/a (${short})`);
  });
});

describe('formatDuration', () => {
  test('default', () => {
    expect(formatDuration(3_723_000)).toBe('1h 02m 03s');
    expect(formatDuration(245_000)).toBe('4m 05s');
    expect(formatDuration(12_000)).toBe('12s');
  });
});
