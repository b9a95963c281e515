import { describe, expect, test } from 'vitest';
import { changePositionMode } from './changePositionMode.js';
import { getPositionRiskV2 } from './getPositionRiskV2.js';
import { accountVenue, call, rejects, trade } from './testing.js';

describe('getPositionRiskV2', () => {
  test('default: every symbol, or one; strings for leverage, maxNotionalValue and isAutoAddMargin', () => {
    const { venue, counterparty, trader } = accountVenue();
    trade(venue, counterparty, trader, 'BTCUSDT', 'SELL', '0.2', '60000');
    expect(call(getPositionRiskV2, venue, trader)).toHaveLength(venue.markets.size);
    const rows = call(getPositionRiskV2, venue, trader, { symbol: 'BTCUSDT' });
    expect(rows).toEqual([
      {
        symbol: 'BTCUSDT',
        positionAmt: '-0.200',
        entryPrice: '60000.0',
        breakEvenPrice: '59970.0',
        markPrice: '60000.00000000',
        unRealizedProfit: '0.00000000',
        liquidationPrice: rows[0]!.liquidationPrice,
        leverage: '20',
        maxNotionalValue: '100000000',
        marginType: 'cross',
        isolatedMargin: '0.00000000',
        isAutoAddMargin: 'false',
        positionSide: 'BOTH',
        notional: '-12000.00000000',
        isolatedWallet: '0',
        updateTime: venue.now,
      },
    ]);
    // Short 0.2 with the cross wallet 9,994 (after a 6 USDT fee): LP = (9,994 + 0 + 12,000) / (0.2 × 0.004 + 0.2).
    expect(rows[0]!.liquidationPrice).toBe('109531.87250996');
  });

  test('behavior: hedge mode gives LONG and SHORT rows; an unknown symbol is -1121', () => {
    const { venue, trader } = accountVenue();
    call(changePositionMode, venue, trader, { dualSidePosition: 'true' });
    expect(call(getPositionRiskV2, venue, trader, { symbol: 'ETHUSDT' }).map((r) => r.positionSide)).toEqual([
      'LONG',
      'SHORT',
    ]);
    expect(rejects(() => call(getPositionRiskV2, venue, trader, { symbol: 'ETHBTC' }))).toBe(-1121);
  });
});
