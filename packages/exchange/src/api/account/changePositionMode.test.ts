import { describe, expect, test } from 'vitest';
import { changePositionMode } from './changePositionMode.js';
import { accountVenue, call, rejects, trade } from './testing.js';

describe('changePositionMode', () => {
  test('default: "true" switches to hedge mode, "false" back; no change is -4059', () => {
    const { venue, trader } = accountVenue();
    expect(call(changePositionMode, venue, trader, { dualSidePosition: 'true' })).toEqual({
      code: 200,
      msg: 'success',
    });
    expect(trader.dualSidePosition).toBe(true);
    expect(rejects(() => call(changePositionMode, venue, trader, { dualSidePosition: 'TRUE' }))).toBe(-4059);
    call(changePositionMode, venue, trader, { dualSidePosition: 'false' });
    expect(trader.dualSidePosition).toBe(false);
  });

  test('behavior: -1102 without the parameter, -1130 for a non-boolean, -4068 with a position', () => {
    const { venue, counterparty, trader } = accountVenue();
    expect(rejects(() => call(changePositionMode, venue, trader))).toBe(-1102);
    expect(rejects(() => call(changePositionMode, venue, trader, { dualSidePosition: 'yes' }))).toBe(-1130);
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '0.01', '60000');
    expect(rejects(() => call(changePositionMode, venue, trader, { dualSidePosition: 'true' }))).toBe(-4068);
  });
});
