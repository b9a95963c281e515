import { describe, expect, test } from 'vitest';
import { defineStrategy } from '../strategy/strategy.js';
import type { PaperUpdate } from './runPaper.js';
import { runPaper } from './runPaper.js';

describe('runPaper', () => {
  test('default: runs on a listening local exchange in real time and stops on the signal', async () => {
    const controller = new AbortController();
    const updates: PaperUpdate[] = [];
    let restUrl = '';
    const strategy = defineStrategy(() => ({
      name: 'paper-buyer',
      onStart(ctx) {
        ctx.submitOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.002' });
      },
    }));
    const result = await runPaper({
      strategy,
      sampleEveryMs: 100,
      durationMs: 5_000,
      signal: controller.signal,
      exchangeOptions: { synthetic: { backfillMinutes: 10 } },
      onListening: (endpoints) => {
        restUrl = endpoints.restUrl;
      },
      onUpdate: (update) => {
        updates.push(update);
        if (updates.length === 4) controller.abort();
      },
    });
    expect(restUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.endpoints?.restUrl).toBe(restUrl);
    expect(result.record.meta.mode).toBe('paper');
    expect(result.record.fills).toHaveLength(1);
    expect(updates.at(-1)?.positions.BTCUSDT).toBe('0.002');
    expect(result.record.meta.endTime - result.record.meta.startTime).toBeLessThan(4_000);
  });
});
