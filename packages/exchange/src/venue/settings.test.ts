import { type AccountUpdateEvent, Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { accountVenue, limitOrder, rejects, setMark, trade, userEvents } from '../api/account/testing.js';
import { maxRemovableIsolatedMargin } from '../margin/liquidation.js';
import {
  modifyIsolatedMargin,
  removableMargin,
  SUCCESS,
  setLeverage,
  setMarginType,
  setMultiAssetsMode,
  setPositionMode,
} from './settings.js';

const d = Decimal.parse;

describe('setLeverage', () => {
  test('default: sets the leverage, returns its notional cap, emits ACCOUNT_CONFIG_UPDATE', () => {
    const { venue, trader } = accountVenue();
    const events = userEvents(venue, trader);
    expect(setLeverage(venue, trader, 'BTCUSDT', 50)).toEqual({
      leverage: 50,
      maxNotionalValue: '12000000',
      symbol: 'BTCUSDT',
    });
    expect(trader.settingsFor('BTCUSDT').leverage).toBe(50);
    venue.commit();
    expect(events).toEqual([
      { e: 'ACCOUNT_CONFIG_UPDATE', E: venue.now, T: venue.now, ac: { s: 'BTCUSDT', l: 50 } },
    ]);
    // The same leverage again: answered, nothing to announce.
    setLeverage(venue, trader, 'BTCUSDT', 50);
    venue.commit();
    expect(events).toHaveLength(1);
  });

  test('behavior: -4028 outside 1..max of the brackets, -1121 for an unknown symbol', () => {
    const { venue, trader } = accountVenue();
    for (const leverage of [0, -1, 126]) {
      expect(rejects(() => setLeverage(venue, trader, 'BTCUSDT', leverage))).toBe(-4028);
    }
    expect(rejects(() => setLeverage(venue, trader, 'SOLUSDT', 100))).toBe(-4028);
    expect(rejects(() => setLeverage(venue, trader, 'NOPE', 10))).toBe(-1121);
    try {
      setLeverage(venue, trader, 'BTCUSDT', 126);
    } catch (error) {
      expect((error as { msg: string }).msg).toBe('Leverage 126 is not valid');
    }
    expect(setLeverage(venue, trader, 'SOLUSDT', 75).maxNotionalValue).toBe('10000');
  });

  test('behavior: -2027 when the position no longer fits the notional cap', () => {
    const { venue, counterparty, trader } = accountVenue();
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '1', '60000');
    // 60,000 at mark is above 125×'s cap of 50,000 but within 100×'s 600,000.
    expect(rejects(() => setLeverage(venue, trader, 'BTCUSDT', 125))).toBe(-2027);
    expect(setLeverage(venue, trader, 'BTCUSDT', 100).leverage).toBe(100);
    setMark(venue, 'BTCUSDT', '45000');
    expect(setLeverage(venue, trader, 'BTCUSDT', 125).leverage).toBe(125);
  });

  test('behavior: -4161 lowering an isolated position, -2028 lowering a cross one beyond its margin', () => {
    const { venue, counterparty, trader } = accountVenue();
    setMarginType(venue, trader, 'ETHUSDT', 'ISOLATED');
    trade(venue, counterparty, trader, 'ETHUSDT', 'BUY', '1', '3000');
    expect(rejects(() => setLeverage(venue, trader, 'ETHUSDT', 10))).toBe(-4161);
    expect(setLeverage(venue, trader, 'ETHUSDT', 25).leverage).toBe(25);

    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '1', '60000');
    // 1 BTC at 2× needs 30,000 of initial margin; the wallet holds about 10,000.
    expect(rejects(() => setLeverage(venue, trader, 'BTCUSDT', 2))).toBe(-2028);
    expect(trader.settingsFor('BTCUSDT').leverage).toBe(20);
    expect(setLeverage(venue, trader, 'BTCUSDT', 10).leverage).toBe(10);
    // Already short of margin: a symbol whose requirement does not change may still be lowered.
    setMark(venue, 'BTCUSDT', '50000');
    expect(setLeverage(venue, trader, 'SOLUSDT', 5).leverage).toBe(5);
    expect(rejects(() => setLeverage(venue, trader, 'BTCUSDT', 9))).toBe(-2028);
  });
});

describe('setMarginType', () => {
  test('default: switches the margin type; the same type again is -4046', () => {
    const { venue, trader } = accountVenue();
    expect(setMarginType(venue, trader, 'BTCUSDT', 'ISOLATED')).toEqual({ code: 200, msg: 'success' });
    expect(trader.settingsFor('BTCUSDT').marginType).toBe('ISOLATED');
    expect(rejects(() => setMarginType(venue, trader, 'BTCUSDT', 'ISOLATED'))).toBe(-4046);
    expect(setMarginType(venue, trader, 'BTCUSDT', 'CROSSED')).toBe(SUCCESS);
    expect(rejects(() => setMarginType(venue, trader, 'BTCUSDT', 'CROSSED'))).toBe(-4046);
  });

  test('behavior: -4047 with open orders, -4048 with a position, -4168 in multi-assets mode', () => {
    const { venue, counterparty, trader } = accountVenue();
    venue.placeOrder(trader, limitOrder('BTCUSDT', 'BUY', '0.01', '90000'));
    expect(rejects(() => setMarginType(venue, trader, 'BTCUSDT', 'ISOLATED'))).toBe(-4047);
    venue.cancelAllOrders(trader, 'BTCUSDT');
    trade(venue, counterparty, trader, 'ETHUSDT', 'BUY', '0.1', '3000');
    expect(rejects(() => setMarginType(venue, trader, 'ETHUSDT', 'ISOLATED'))).toBe(-4048);
    expect(setMarginType(venue, trader, 'BTCUSDT', 'ISOLATED')).toBe(SUCCESS);
    const other = venue.createAccount({ balances: { USDT: '100' } });
    setMultiAssetsMode(venue, other, true);
    expect(rejects(() => setMarginType(venue, other, 'BTCUSDT', 'ISOLATED'))).toBe(-4168);
  });
});

describe('setPositionMode', () => {
  test('default: hedge mode and back; -4059 without a change', () => {
    const { venue, trader } = accountVenue();
    expect(rejects(() => setPositionMode(venue, trader, false))).toBe(-4059);
    expect(setPositionMode(venue, trader, true)).toBe(SUCCESS);
    expect(trader.sides()).toEqual(['LONG', 'SHORT']);
    expect(rejects(() => setPositionMode(venue, trader, true))).toBe(-4059);
    expect(setPositionMode(venue, trader, false)).toBe(SUCCESS);
  });

  test('behavior: -4067 with open orders on any symbol, -4068 with any position', () => {
    const { venue, counterparty, trader } = accountVenue();
    venue.placeOrder(trader, limitOrder('ETHUSDT', 'BUY', '0.1', '3300'));
    expect(rejects(() => setPositionMode(venue, trader, true))).toBe(-4067);
    venue.cancelAllOrders(trader, 'ETHUSDT');
    trade(venue, counterparty, trader, 'SOLUSDT', 'SELL', '1', '180');
    expect(rejects(() => setPositionMode(venue, trader, true))).toBe(-4068);
    expect(trader.dualSidePosition).toBe(false);
  });
});

describe('setMultiAssetsMode', () => {
  test('default: on and off, with ACCOUNT_CONFIG_UPDATE {ai: {j}}; -4171 without a change', () => {
    const { venue, trader } = accountVenue();
    const events = userEvents(venue, trader);
    expect(rejects(() => setMultiAssetsMode(venue, trader, false))).toBe(-4171);
    expect(setMultiAssetsMode(venue, trader, true)).toBe(SUCCESS);
    expect(rejects(() => setMultiAssetsMode(venue, trader, true))).toBe(-4171);
    expect(setMultiAssetsMode(venue, trader, false)).toBe(SUCCESS);
    venue.commit();
    expect(events).toEqual([
      { e: 'ACCOUNT_CONFIG_UPDATE', E: venue.now, T: venue.now, ai: { j: true } },
      { e: 'ACCOUNT_CONFIG_UPDATE', E: venue.now, T: venue.now, ai: { j: false } },
    ]);
  });

  test('behavior: -4167 with an isolated symbol, -4170 with open orders, -4172 with a negative wallet', () => {
    const { venue, trader } = accountVenue();
    setMarginType(venue, trader, 'LINKUSDT', 'ISOLATED');
    expect(rejects(() => setMultiAssetsMode(venue, trader, true))).toBe(-4167);
    setMarginType(venue, trader, 'LINKUSDT', 'CROSSED');
    venue.placeOrder(trader, limitOrder('BTCUSDT', 'BUY', '0.01', '90000'));
    expect(rejects(() => setMultiAssetsMode(venue, trader, true))).toBe(-4170);
    venue.cancelAllOrders(trader, 'BTCUSDT');
    trader.wallets.set('USDC', d('-1'));
    expect(rejects(() => setMultiAssetsMode(venue, trader, true))).toBe(-4172);
    expect(trader.multiAssetsMargin).toBe(false);
  });

  test('behavior: -4169 turning it off while an asset cannot carry its own positions', () => {
    const { venue, counterparty, trader } = accountVenue();
    setMultiAssetsMode(venue, trader, true);
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '1', '60000');
    setMark(venue, 'BTCUSDT', '52000');
    expect(rejects(() => setMultiAssetsMode(venue, trader, false))).toBe(-4169);
    setMark(venue, 'BTCUSDT', '60000');
    expect(setMultiAssetsMode(venue, trader, false)).toBe(SUCCESS);
  });
});

describe('modifyIsolatedMargin', () => {
  function isolatedLong() {
    const setup = accountVenue();
    const { venue, counterparty, trader } = setup;
    trader.makerRate = Decimal.ZERO;
    trader.takerRate = Decimal.ZERO;
    setMarginType(venue, trader, 'BTCUSDT', 'ISOLATED');
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '1', '60000');
    return setup;
  }

  test('default: type 1 moves cross margin into the position; the wallet does not change', () => {
    const { venue, trader } = isolatedLong();
    const events = userEvents(venue, trader);
    const position = trader.position('BTCUSDT', 'BOTH');
    expect(position.isolatedWallet.toString()).toBe('3000.00000000');
    expect(modifyIsolatedMargin(venue, trader, 'BTCUSDT', undefined, d('100'), 1)).toEqual({
      amount: 100,
      code: 200,
      msg: 'Successfully modify position margin.',
      type: 1,
    });
    expect(position.isolatedWallet.eq(d('3100'))).toBe(true);
    expect(trader.wallet('USDT').eq(d('10000'))).toBe(true);
    expect(venue.crossWalletBalance(trader, 'USDT').eq(d('6900'))).toBe(true);
    expect(venue.marginsOf(trader, 'USDT').availableBalance.eq(d('6900'))).toBe(true);
    expect(trader.positionMarginHistory).toEqual([
      {
        symbol: 'BTCUSDT',
        type: 1,
        deltaType: 'USER_ADJUST',
        amount: d('100'),
        asset: 'USDT',
        time: venue.now,
        positionSide: 'BOTH',
      },
    ]);
    venue.commit();
    const update = events[0] as AccountUpdateEvent;
    expect(update.a.m).toBe('MARGIN_TRANSFER');
    expect(update.a.B).toEqual([{ a: 'USDT', wb: '10000.00000000', cw: '6900.00000000', bc: '0.00000000' }]);
    expect(update.a.P).toMatchObject([
      { s: 'BTCUSDT', pa: '1.000', mt: 'isolated', iw: '3100.00000000', ps: 'BOTH' },
    ]);
  });

  test('behavior: type 2 returns margin up to maxRemovableIsolatedMargin, -4051 beyond', () => {
    const { venue, trader } = isolatedLong();
    setMark(venue, 'BTCUSDT', '61000');
    modifyIsolatedMargin(venue, trader, 'BTCUSDT', undefined, d('500'), 1);
    const position = trader.position('BTCUSDT', 'BOTH');
    const market = venue.market('BTCUSDT');
    const max = removableMargin(market, trader, 'BTCUSDT', position);
    // min(3,500 − 255, 3,500 + 1,000 − 3,050) = 1,450.
    expect(max.toString()).toBe(
      maxRemovableIsolatedMargin({
        contract: market.contract,
        position,
        markPrice: market.markPrice,
        leverage: 20,
        brackets: market.brackets,
        isolatedWallet: position.isolatedWallet,
      }).toString(),
    );
    expect(max.eq(d('1450'))).toBe(true);
    expect(
      rejects(() => modifyIsolatedMargin(venue, trader, 'BTCUSDT', undefined, d('1450.00000001'), 2)),
    ).toBe(-4051);
    expect(modifyIsolatedMargin(venue, trader, 'BTCUSDT', 'BOTH', d('1450'), 2).type).toBe(2);
    expect(position.isolatedWallet.eq(d('2050'))).toBe(true);
    expect(trader.positionMarginHistory.map((r) => [r.type, r.amount.toString()])).toEqual([
      [1, '500'],
      [2, '1450'],
    ]);
  });

  test('behavior: -4050 beyond the available balance; -4049 cross; -4054 flat; -4055, -1111, -4061', () => {
    const { venue, counterparty, trader } = isolatedLong();
    expect(
      rejects(() => modifyIsolatedMargin(venue, trader, 'BTCUSDT', undefined, d('7000.00000001'), 1)),
    ).toBe(-4050);
    expect(modifyIsolatedMargin(venue, trader, 'BTCUSDT', undefined, d('6000.5'), 1).amount).toBe(6000.5);
    expect(rejects(() => modifyIsolatedMargin(venue, trader, 'BTCUSDT', undefined, d('0'), 1))).toBe(-4055);
    expect(rejects(() => modifyIsolatedMargin(venue, trader, 'BTCUSDT', undefined, d('-5'), 1))).toBe(-4055);
    expect(
      rejects(() => modifyIsolatedMargin(venue, trader, 'BTCUSDT', undefined, d('0.000000001'), 1)),
    ).toBe(-1111);
    expect(rejects(() => modifyIsolatedMargin(venue, trader, 'BTCUSDT', 'LONG', d('1'), 1))).toBe(-4061);
    trade(venue, counterparty, trader, 'ETHUSDT', 'BUY', '0.1', '3000');
    expect(rejects(() => modifyIsolatedMargin(venue, trader, 'ETHUSDT', undefined, d('1'), 1))).toBe(-4049);
    setMarginType(venue, trader, 'SOLUSDT', 'ISOLATED');
    expect(rejects(() => modifyIsolatedMargin(venue, trader, 'SOLUSDT', undefined, d('1'), 1))).toBe(-4054);
    expect(trader.positionMarginHistory).toHaveLength(1);
  });

  test('behavior: hedge mode needs LONG or SHORT', () => {
    const { venue, counterparty, trader } = accountVenue();
    setPositionMode(venue, trader, true);
    setMarginType(venue, trader, 'BTCUSDT', 'ISOLATED');
    trade(venue, counterparty, trader, 'BTCUSDT', 'SELL', '0.1', '60000', 'SHORT');
    expect(rejects(() => modifyIsolatedMargin(venue, trader, 'BTCUSDT', undefined, d('10'), 1))).toBe(-4061);
    expect(rejects(() => modifyIsolatedMargin(venue, trader, 'BTCUSDT', 'LONG', d('10'), 1))).toBe(-4054);
    modifyIsolatedMargin(venue, trader, 'BTCUSDT', 'SHORT', d('10'), 1);
    expect(trader.position('BTCUSDT', 'SHORT').isolatedWallet.eq(d('310'))).toBe(true);
  });
});
