import { describe, expect, test } from 'vitest';
import { defineStrategy } from '../strategy/strategy.js';
import { runBacktest } from './runBacktest.js';

/**
 * Buys the smallest lot on every 50th public trade it sees and notes how long the order took to fill
 * after that trade: the loop's step is the run's reaction latency.
 */
function reactionProbe() {
  const delays: number[] = [];
  let seen = 0;
  let sentAt: number | undefined;
  const strategy = defineStrategy(() => ({
    name: 'reaction-probe',
    symbols: ['BTCUSDT'],
    onTrade(ctx, trade) {
      if (++seen % 50 !== 0 || sentAt !== undefined) return;
      sentAt = trade.time;
      ctx.submitOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.002' });
    },
    onFill(_ctx, fill) {
      if (sentAt === undefined) return;
      delays.push(fill.time - sentAt);
      sentAt = undefined;
    },
  }));
  return { strategy, delays };
}

describe('runBacktest stepMs', () => {
  test('behavior: an order reacting to a trade fills within one step of it; the record keeps the step', async () => {
    for (const stepMs of [50, 1000]) {
      const probe = reactionProbe();
      const result = await runBacktest({
        strategy: probe.strategy,
        seed: 4,
        durationMs: 10 * 60_000,
        stepMs,
      });
      expect(probe.delays.length).toBeGreaterThan(5);
      // The strategy sees the trade at the end of the step it happened in, and its order reaches the
      // exchange then: a reaction takes less than one step (the synthetic market trades every 250 ms).
      for (const delay of probe.delays) {
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(stepMs);
      }
      if (stepMs > 250) expect(Math.max(...probe.delays)).toBeGreaterThanOrEqual(250);
      expect(result.record.meta.stepMs).toBe(stepMs);
    }
  }, 60_000);

  test('edge: a step that is not a whole number of milliseconds from 1 to a day is refused before anything runs', async () => {
    for (const stepMs of [0, -250, 1.5, Number.NaN, 86_400_001]) {
      const probe = reactionProbe();
      await expect(runBacktest({ strategy: probe.strategy, durationMs: 60_000, stepMs })).rejects.toThrow(
        new RangeError(`stepMs must be a whole number of milliseconds from 1 to 86400000; got ${stepMs}`),
      );
    }
    // Checked before the strategy is loaded: a file that does not exist is never read.
    await expect(
      runBacktest({ strategy: '/nonexistent/strategy.ts', durationMs: 60_000, stepMs: 0 }),
    ).rejects.toThrow(RangeError);
  });
});
