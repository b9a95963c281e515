import { describe, expect, test } from 'vitest';
import { getPositionRiskV3 } from './getPositionRiskV3.js';
import { accountVenue, call, limitOrder, rejects, setMark, trade } from './testing.js';

describe('getPositionRiskV3', () => {
  test('default: only rows with a position or open orders, with margins, ADL and notionals', () => {
    const { venue, counterparty, trader } = accountVenue();
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '0.1', '60000');
    setMark(venue, 'BTCUSDT', '61000');
    venue.placeOrder(trader, limitOrder('BTCUSDT', 'SELL', '0.05', '62000'));
    venue.placeOrder(trader, limitOrder('ETHUSDT', 'BUY', '1', '3300'));
    const rows = call(getPositionRiskV3, venue, trader);
    expect(rows.map((r) => r.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(rows[0]).toMatchObject({
      positionSide: 'BOTH',
      positionAmt: '0.100',
      entryPrice: '60000.0',
      breakEvenPrice: '60030.0',
      markPrice: '61000.00000000',
      unRealizedProfit: '100.00000000',
      marginAsset: 'USDT',
      notional: '6100.00000000',
      positionInitialMargin: '305.00000000',
      openOrderInitialMargin: '0',
      initialMargin: '305.00000000',
      maintMargin: '24.40000000',
      adl: 4,
      bidNotional: '0',
      askNotional: '3100.00000000',
    });
    expect(rows[1]).toMatchObject({ positionAmt: '0.000', openOrderInitialMargin: '165.00000000', adl: 0 });
    expect(call(getPositionRiskV3, venue, trader, { symbol: 'SOLUSDT' })).toEqual([]);
    expect(rejects(() => call(getPositionRiskV3, venue, trader, { symbol: 'NOPE' }))).toBe(-1121);
  });
});
