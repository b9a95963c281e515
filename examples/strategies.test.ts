import { examplePath, runBacktest } from '@basis/bot';
import { Decimal } from '@basis/core';
import { DEFAULT_SYMBOLS } from '@basis/exchange';
import { describe, expect, test } from 'vitest';

type Result = Awaited<ReturnType<typeof runBacktest>>;

/** PnL identity: what the fills and funding say equals what the exchange's wallet did. */
function expectPnlMatchesWallet({ record, exchangeWallet }: Result): void {
  const sum = (xs: readonly string[]) => xs.reduce((a, x) => a.add(x), Decimal.ZERO);
  const pnl = sum(record.fills.map((f) => f.realizedPnl))
    .sub(sum(record.fills.map((f) => f.fee)))
    .add(sum(record.funding.map((f) => f.amount)));
  expect(pnl.toString()).toBe(Decimal.parse(exchangeWallet.end).sub(exchangeWallet.start).toString());
}

const BTC = DEFAULT_SYMBOLS.find((s) => s.symbol === 'BTCUSDT')!;
/** A livelier BTCUSDT, so a short backtest sees trends. */
const VOLATILE_BTC = { ...BTC, synthetic: { ...BTC.synthetic, annualVolatility: '2.5' } };

describe('example strategies', () => {
  test('market-maker: quotes both sides as a maker, keeps inventory within its limit', async () => {
    const result = await runBacktest({
      strategy: examplePath('market-maker')!,
      params: { halfSpreadTicks: 50, requoteTicks: 20 },
      seed: 11,
      durationMs: 3 * 60_000,
    });
    const { record } = result;
    expect(record.fills.length).toBeGreaterThan(10);
    expect(record.fills.every((f) => f.maker)).toBe(true);
    expect(new Set(record.fills.map((f) => f.side))).toEqual(new Set(['BUY', 'SELL']));
    // One quote (0.002) of slack: a fill can land while the strategy is placing the next quote.
    const positions = record.positions.BTCUSDT!.map((p) => Decimal.parse(p.amount).abs());
    expect(positions.every((p) => p.lte('0.012'))).toBe(true);
    expectPnlMatchesWallet(result);
  });

  test('trend-follower: enters on crossovers, exits through its stop-loss or take-profit', async () => {
    const result = await runBacktest({
      strategy: examplePath('trend-follower')!,
      seed: 5,
      durationMs: 20 * 60_000,
      exchange: { symbols: [VOLATILE_BTC] },
    });
    const { record } = result;
    // Entries are the strategy's market orders (ids 1 and 4); exits are the triggered algo orders
    // placed right after each entry (ids 2-3 and 5-6), so the ids show which side fired.
    expect(record.fills.map((f) => [f.side, f.qty, f.clientOrderId])).toEqual([
      ['SELL', '0.010', 'trendfollowe-1'],
      ['BUY', '0.010', 'trendfollowe-2'],
      ['BUY', '0.010', 'trendfollowe-4'],
      ['SELL', '0.010', 'trendfollowe-5'],
    ]);
    const last = record.positions.BTCUSDT![record.positions.BTCUSDT!.length - 1]!;
    expect(Decimal.parse(last.amount).isZero()).toBe(true);
    expectPnlMatchesWallet(result);
  });

  test('funding-carry: holds the receiving side through a settlement, then closes', async () => {
    const fundingTime = Date.UTC(2026, 0, 5, 8, 0);
    const result = await runBacktest({
      strategy: examplePath('funding-carry')!,
      seed: 2,
      from: fundingTime - 10 * 60_000,
      durationMs: 15 * 60_000,
    });
    const { record } = result;
    expect(record.funding).toEqual([
      { time: fundingTime, symbol: 'BTCUSDT', amount: '0.48072950', asset: 'USDT' },
    ]);
    expect(record.fills.map((f) => [f.side, f.qty])).toEqual([
      ['SELL', '0.050'],
      ['BUY', '0.050'],
    ]);
    expect(record.fills[0]!.time).toBeLessThan(fundingTime);
    expect(record.fills[1]!.time).toBe(fundingTime);
    expect(result.totals.funding.toString()).toBe('0.48072950');
    expectPnlMatchesWallet(result);
  });

  test('trend-follower on COIN-M: trades BTCUSD_PERP in contracts, exits through conditional orders, in BTC', async () => {
    const result = await runBacktest({
      strategy: examplePath('trend-follower')!,
      symbols: ['BTCUSD_PERP'],
      seed: 3,
      durationMs: 20 * 60_000,
    });
    const { record } = result;
    expect(record.meta.quoteAsset).toBe('BTC');
    // As on USDⓈ-M: entries 1 and 4, exits by the stop or target placed right after each (2-3, 5-6).
    expect(record.fills.map((f) => [f.side, f.qty, f.clientOrderId])).toEqual([
      ['SELL', '10', 'trendfollowe-1'],
      ['BUY', '10', 'trendfollowe-2'],
      ['BUY', '10', 'trendfollowe-4'],
      ['SELL', '10', 'trendfollowe-5'],
    ]);
    expect(record.positions.BTCUSD_PERP!.at(-1)?.amount).toBe('0');
    expectPnlMatchesWallet(result);
  });

  test('funding-carry on COIN-M: receives BTCUSD_PERP funding in BTC', async () => {
    const fundingTime = Date.UTC(2026, 0, 5, 8, 0);
    const result = await runBacktest({
      strategy: examplePath('funding-carry')!,
      symbols: ['BTCUSD_PERP'],
      seed: 2,
      from: fundingTime - 10 * 60_000,
      durationMs: 15 * 60_000,
    });
    const { record } = result;
    expect(record.funding).toEqual([
      { time: fundingTime, symbol: 'BTCUSD_PERP', amount: '0.00000520', asset: 'BTC' },
    ]);
    expect(record.fills.map((f) => [f.side, f.qty, f.feeAsset])).toEqual([
      ['SELL', '50', 'BTC'],
      ['BUY', '50', 'BTC'],
    ]);
    expectPnlMatchesWallet(result);
  });
});
