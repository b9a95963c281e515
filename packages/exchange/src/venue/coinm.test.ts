import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { limitOrder, marketOrder, T0 } from './algo/testing.js';
import { Venue } from './venue.js';

const d = Decimal.parse;

function coinmVenue() {
  const venue = new Venue({ product: 'coinm', startTime: T0, seed: 1, marketData: 'none' });
  const counterparty = venue.createAccount({ balances: { BTC: '1000', ETH: '10000' } });
  const trader = venue.createAccount({ balances: { BTC: '1' } });
  return { venue, counterparty, trader };
}

describe('COIN-M venue', () => {
  test('behavior: lists the inverse perpetuals and quarterlies, quantities in whole contracts', () => {
    const { venue } = coinmVenue();
    expect([...venue.markets.keys()]).toEqual([
      'BTCUSD_PERP',
      'ETHUSD_PERP',
      'BTCUSD_261225',
      'BTCUSD_270326',
      'ETHUSD_261225',
      'ETHUSD_270326',
    ]);
    const btc = venue.market('BTCUSD_PERP');
    expect(btc.contract).toEqual({ kind: 'inverse', contractSize: d('100') });
    expect(btc.spec.marginAsset).toBe('BTC');
    expect(venue.product).toBe('coinm');
  });

  test('behavior: a fill charges fees and opens the position in coin', () => {
    const { venue, counterparty, trader } = coinmVenue();
    venue.market('BTCUSD_PERP').markPrice = d('50000');
    venue.placeOrder(counterparty, limitOrder('BTCUSD_PERP', 'SELL', '100', '50000'));
    venue.placeOrder(trader, marketOrder('BTCUSD_PERP', 'BUY', '100'));
    // 100 contracts × 100 USD / 50,000 = 0.2 BTC of notional; taker 0.05% = 0.0001 BTC.
    expect(trader.wallet('BTC').toFixed(8)).toBe('0.99990000');
    const position = trader.position('BTCUSD_PERP', 'BOTH');
    expect(position?.amount.toString()).toBe('100');
    expect(position?.entryPrice.toString()).toBe('50000.0');
    venue.market('BTCUSD_PERP').markPrice = d('55000');
    // 100 × 100 × (1/50,000 − 1/55,000) = 0.01818181… BTC.
    expect(venue.marginsOf(trader, 'BTC').positions[0]?.unrealizedProfit.toFixed(8)).toBe('0.01818181');
  });

  test('behavior: the synthetic market trades whole contracts in the coin-margined books', () => {
    const venue = new Venue({ product: 'coinm', startTime: T0, seed: 3, synthetic: { backfillMinutes: 5 } });
    venue.advanceTo(T0 + 120_000);
    const trades = venue.market('BTCUSD_PERP').trades;
    expect(trades.size).toBeGreaterThan(0);
    for (const trade of trades.recentTrades(50)) expect(Number.isInteger(trade.qtySteps)).toBe(true);
  });
});
