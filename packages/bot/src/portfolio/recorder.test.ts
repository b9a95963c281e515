import { Decimal } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderHtmlReport } from '../report/renderHtmlReport.js';
import type { FillRecord, RunMeta, RunRecord } from '../report/runRecord.js';
import { summarize } from '../report/summarize.js';
import { RunRecorder } from './recorder.js';

const START = Date.UTC(2026, 0, 5);
const SYMBOLS = ['BTCUSDT', 'ETHUSDT'] as const;

type Step =
  | {
      readonly kind: 'fill';
      readonly symbol: number;
      readonly buy: boolean;
      readonly qty: number;
      readonly move: number;
    }
  | { readonly kind: 'funding'; readonly symbol: number; readonly amount: number }
  | { readonly kind: 'denial'; readonly rule: number }
  | { readonly kind: 'sample' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('fill' as const),
      symbol: fc.integer({ min: 0, max: 1 }),
      buy: fc.boolean(),
      qty: fc.integer({ min: 1, max: 5 }),
      move: fc.integer({ min: -30, max: 30 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('funding' as const),
      symbol: fc.integer({ min: 0, max: 1 }),
      amount: fc.integer({ min: -500, max: 500 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('denial' as const), rule: fc.integer({ min: 0, max: 2 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sample' as const) }) },
);

/**
 * Plays `steps` into a recorder as a kernel would (a position change after each fill, equity and
 * price samples, funding, denials), several events sharing a millisecond now and then.
 */
function play(steps: readonly Step[], recordCapacity: number, journal?: FillRecord[]): RunRecord {
  let now = START;
  const meta = (): RunMeta => ({
    strategy: 'fold',
    mode: 'paper',
    env: 'local',
    symbols: SYMBOLS,
    startTime: START,
    endTime: now,
    quoteAsset: 'USDT',
    startingEquity: '10000',
  });
  const recorder = new RunRecorder(SYMBOLS, meta, {
    recordCapacity,
    sampleCapacity: 1_000_000,
    ...(journal === undefined ? {} : { onFill: (fill: FillRecord) => journal.push(fill) }),
  });
  const prices = [Decimal.parse('95000'), Decimal.parse('3000')];
  const positions = [Decimal.ZERO, Decimal.ZERO];
  let wallet = Decimal.parse('10000');
  for (const s of SYMBOLS) recorder.position(now, s, Decimal.ZERO);
  recorder.sample(now, wallet, Decimal.ZERO, (s) => prices[SYMBOLS.indexOf(s as never)]);
  steps.forEach((s, i) => {
    if (i % 3 !== 0) now += 250 * (1 + (i % 7));
    if (s.kind === 'fill') {
      const price = prices[s.symbol]!.add(Decimal.parse(String(s.move)));
      prices[s.symbol] = price;
      const qty = Decimal.parse(`0.00${s.qty}`);
      const closing = positions[s.symbol]!.isZero() || positions[s.symbol]!.isPositive() !== s.buy;
      const realizedPnl =
        closing && !positions[s.symbol]!.isZero() ? Decimal.parse(String(s.move)).mul(qty) : Decimal.ZERO;
      const fee = price.mul(qty).mul(Decimal.parse('0.0004'));
      wallet = wallet.add(realizedPnl).sub(fee);
      positions[s.symbol] = s.buy ? positions[s.symbol]!.add(qty) : positions[s.symbol]!.sub(qty);
      recorder.fill({
        symbol: SYMBOLS[s.symbol]!,
        orderId: String(i),
        clientOrderId: `c${i}`,
        tradeId: String(i),
        side: s.buy ? 'BUY' : 'SELL',
        price,
        qty,
        fee,
        feeAsset: 'USDT',
        realizedPnl,
        maker: i % 2 === 0,
        time: now,
      });
      recorder.position(now, SYMBOLS[s.symbol]!, positions[s.symbol]!);
    } else if (s.kind === 'funding') {
      const amount = Decimal.parse(String(s.amount)).div(1000, 3, 'down');
      wallet = wallet.add(amount);
      recorder.funding({ symbol: SYMBOLS[s.symbol]!, amount, asset: 'USDT', time: now });
    } else if (s.kind === 'denial') {
      recorder.denial(now, ['maxNotional', 'maxPosition', 'orderRate'][s.rule]!, 'denied', 'BTCUSDT');
    } else {
      recorder.sample(now, wallet, Decimal.ZERO, (sym) => prices[SYMBOLS.indexOf(sym as never)]);
    }
  });
  recorder.sample(now, wallet, Decimal.ZERO, (s) => prices[SYMBOLS.indexOf(s as never)]);
  return recorder.build(meta());
}

describe('RunRecorder folding', () => {
  test('property: a record folded at any capacity summarizes as the whole record does', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 20, maxLength: 400 }),
        fc.integer({ min: 8, max: 40 }),
        (steps, capacity) => {
          const whole = play(steps, 1_000_000);
          const journal: FillRecord[] = [];
          const folded = play(steps, capacity, journal);
          expect(whole.earlier).toBeUndefined();
          const full = summarize(whole);
          const part = summarize(folded);
          // Every figure is the same; the round-trip list starts after the fold.
          expect({ ...part, roundTrips: [] }).toEqual({ ...full, roundTrips: [] });
          const until = folded.earlier?.until ?? Number.NEGATIVE_INFINITY;
          expect(part.roundTrips).toEqual(
            full.roundTrips.filter((t) => t.closeTime === null || t.closeTime > until),
          );
          // What is listed stays bounded, and folded plus listed is everything.
          const bound = capacity + (capacity >>> 3);
          expect(folded.fills.length).toBeLessThanOrEqual(bound);
          expect(folded.denials.length).toBeLessThanOrEqual(bound);
          for (const points of Object.values(folded.positions))
            expect(points.length).toBeLessThanOrEqual(bound);
          expect((folded.earlier?.fills ?? 0) + folded.fills.length).toBe(whole.fills.length);
          expect(folded.fills).toEqual(whole.fills.slice(whole.fills.length - folded.fills.length));
          // The journal saw every fill, folded ones included, as the whole record lists them.
          expect(journal).toEqual(whole.fills);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  test('behavior: a long run folds, and a record that passes through JSON summarizes the same', () => {
    const steps: Step[] = Array.from({ length: 3_000 }, (_, i) =>
      i % 5 === 4
        ? { kind: 'sample' }
        : {
            kind: 'fill',
            symbol: i % 2,
            buy: (i * 7) % 3 !== 0,
            qty: 1 + (i % 4),
            move: ((i * 13) % 21) - 10,
          },
    );
    const folded = play(steps, 100);
    expect(folded.earlier?.fills).toBeGreaterThan(2_000);
    expect(folded.fills.length).toBeLessThanOrEqual(112);
    const summary = summarize(folded);
    expect(summary.trades.fills).toBe(2_400);
    expect(summarize(JSON.parse(JSON.stringify(folded)) as RunRecord)).toEqual(summary);
    expect(summary).toEqual({ ...summarize(play(steps, 1_000_000)), roundTrips: summary.roundTrips });
    // The report counts everything and says what it no longer lists.
    const html = renderHtmlReport(folded, summary);
    expect(html).toContain('<h2>Fills (2400)</h2>');
    expect(html).toContain(`The fills up to ${new Date(folded.earlier!.until).toISOString().slice(0, 10)}`);
  });
});
