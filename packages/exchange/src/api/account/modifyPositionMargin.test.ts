import type { AccountUpdateEvent } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { changeMarginType } from './changeMarginType.js';
import { modifyPositionMargin } from './modifyPositionMargin.js';
import { accountVenue, call, rejects, trade, userEvents } from './testing.js';

function isolatedLong() {
  const setup = accountVenue();
  const { venue, counterparty, trader } = setup;
  call(changeMarginType, venue, trader, { symbol: 'BTCUSDT', marginType: 'ISOLATED' });
  trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '0.5', '60000');
  return setup;
}

describe('modifyPositionMargin', () => {
  test('default: adds margin; amount comes back as a JSON number; ACCOUNT_UPDATE MARGIN_TRANSFER', () => {
    const { venue, trader } = isolatedLong();
    const events = userEvents(venue, trader);
    expect(
      call(modifyPositionMargin, venue, trader, { symbol: 'BTCUSDT', amount: '100', type: '1' }),
    ).toEqual({
      amount: 100,
      code: 200,
      msg: 'Successfully modify position margin.',
      type: 1,
    });
    expect(trader.position('BTCUSDT', 'BOTH').isolatedWallet.toString()).toBe('1600.00000000');
    venue.commit();
    expect((events[0] as AccountUpdateEvent).a.m).toBe('MARGIN_TRANSFER');
    expect(
      call(modifyPositionMargin, venue, trader, { symbol: 'BTCUSDT', amount: '0.5', type: '2' }).amount,
    ).toBe(0.5);
  });

  test('behavior: parameter errors: -1102, -1100, -4060, -1130, -4055', () => {
    const { venue, trader } = isolatedLong();
    const send = (params: Record<string, string>) => () => call(modifyPositionMargin, venue, trader, params);
    expect(rejects(send({ symbol: 'BTCUSDT', type: '1' }))).toBe(-1102);
    expect(rejects(send({ symbol: 'BTCUSDT', amount: '10' }))).toBe(-1102);
    expect(rejects(send({ symbol: 'BTCUSDT', amount: '1e3', type: '1' }))).toBe(-1100);
    expect(rejects(send({ symbol: 'BTCUSDT', amount: '10', type: '1', positionSide: 'UP' }))).toBe(-4060);
    expect(rejects(send({ symbol: 'BTCUSDT', amount: '10', type: '3' }))).toBe(-1130);
    expect(rejects(send({ symbol: 'BTCUSDT', amount: '-10', type: '1' }))).toBe(-4055);
    expect(rejects(send({ symbol: 'BTCUSDT', amount: '10', type: '1', positionSide: 'LONG' }))).toBe(-4061);
    expect(rejects(send({ symbol: 'ETHUSDT', amount: '10', type: '1' }))).toBe(-4049);
  });
});
