import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import type { RunRecord } from '../report/runRecord.js';
import { runBacktest } from './runBacktest.js';
import { expectWalletChangeExplained, flipper } from './testing.js';

describe('runBacktest', () => {
  test('default: fills, fees and the wallet agree with the exchange', async () => {
    const result = await runBacktest({ strategy: flipper, seed: 7, durationMs: 5 * 60_000 });
    const { record } = result;
    expect(record.meta).toMatchObject({
      strategy: 'flipper',
      mode: 'backtest',
      env: 'local',
      seed: 7,
      symbols: ['BTCUSDT'],
    });
    expect(record.fills.length).toBeGreaterThanOrEqual(4);
    expect(record.positions.BTCUSDT!.length).toBeGreaterThan(2);
    expectWalletChangeExplained(result);
    const last = record.equity[record.equity.length - 1]!;
    expect(last.wallet).toBe(Decimal.parse(result.exchangeWallet.end).toString());
  });

  test('behavior: the same seed gives the same record', async () => {
    const run = () => runBacktest({ strategy: flipper, seed: 3, durationMs: 3 * 60_000 });
    const a: RunRecord = (await run()).record;
    const b: RunRecord = (await run()).record;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = (await runBacktest({ strategy: flipper, seed: 4, durationMs: 3 * 60_000 })).record;
    expect(JSON.stringify(c.equity)).not.toBe(JSON.stringify(a.equity));
  });
});
