import type { CoinmOrderTradeUpdateEvent, OrderTradeUpdateEvent, UserDataEvent } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { coinmUserEvent } from './coinmUserEvents.js';

// The COIN-M forms of the venue's user events (reference §13.4). Fills and account updates are also
// checked end to end in coinmUserStreams.test.ts; margin calls and USD-M-only events are here.

const marginAssetOf = (symbol: string): string | undefined => (symbol === 'BTCUSD_PERP' ? 'BTC' : undefined);
const convert = (event: UserDataEvent) => coinmUserEvent(event, 'SfsR', marginAssetOf);

/** USD-M's docs example of ORDER_TRADE_UPDATE, on a COIN-M symbol. */
const ORDER: OrderTradeUpdateEvent = {
  e: 'ORDER_TRADE_UPDATE',
  E: 1591274595442,
  T: 1591274595442,
  o: {
    s: 'BTCUSD_PERP',
    c: 'TEST',
    S: 'SELL',
    o: 'TRAILING_STOP_MARKET',
    f: 'GTC',
    q: '2',
    p: '0',
    ap: '0',
    sp: '9103.1',
    x: 'NEW',
    X: 'NEW',
    i: 8888888,
    l: '0',
    z: '0',
    L: '0',
    N: 'BTC',
    n: '0',
    T: 1591274595442,
    t: 0,
    b: '0',
    a: '0',
    m: false,
    R: false,
    wt: 'CONTRACT_PRICE',
    ot: 'TRAILING_STOP_MARKET',
    ps: 'LONG',
    cp: false,
    AP: '9476.8',
    cr: '5.0',
    pP: false,
    si: 0,
    ss: 0,
    rp: '0',
    V: 'EXPIRE_TAKER',
    pm: 'OPPONENT',
    gtd: 0,
    er: '0',
  },
};

describe('coinmUserEvent', () => {
  test('default: ORDER_TRADE_UPDATE gains the alias and ma after L, and drops si, ss and gtd', () => {
    const event = convert(ORDER) as CoinmOrderTradeUpdateEvent;
    expect(Object.keys(event)).toEqual(['e', 'E', 'T', 'i', 'o']);
    expect(event.i).toBe('SfsR');
    // The field order of the COIN-M docs example (which has no si, ss or gtd).
    expect(Object.keys(event.o).join(' ')).toBe(
      's c S o f q p ap sp x X i l z L ma N n T t b a m R wt ot ps cp AP cr pP rp V pm er',
    );
    expect(convert({ ...ORDER, o: { ...ORDER.o, s: 'UNKNOWN' } })).toBeUndefined();
  });

  test('behavior: MARGIN_CALL and ACCOUNT_UPDATE gain the alias; USD-M-only events and reasons are dropped', () => {
    const marginCall: UserDataEvent = {
      e: 'MARGIN_CALL',
      E: 1587727187525,
      cw: '3.16812045',
      p: [
        {
          s: 'BTCUSD_PERP',
          ps: 'LONG',
          pa: '132',
          mt: 'CROSSED',
          iw: '0',
          mp: '9187.17127000',
          up: '-1.166074',
          mm: '1.614445',
        },
      ],
    };
    const converted = convert(marginCall);
    expect(Object.keys(converted ?? {})).toEqual(['e', 'E', 'i', 'cw', 'p']);
    expect(converted).toEqual({ ...marginCall, i: 'SfsR' });

    const accountUpdate = (m: 'ORDER' | 'AUTO_EXCHANGE'): UserDataEvent => ({
      e: 'ACCOUNT_UPDATE',
      E: 1,
      T: 1,
      a: { m, B: [{ a: 'BTC', wb: '1', cw: '1', bc: '0' }], P: [] },
    });
    expect(convert(accountUpdate('ORDER'))).toEqual({ ...accountUpdate('ORDER'), i: 'SfsR' });
    expect(convert(accountUpdate('AUTO_EXCHANGE'))).toBeUndefined();

    const leverage: UserDataEvent = {
      e: 'ACCOUNT_CONFIG_UPDATE',
      E: 1,
      T: 1,
      ac: { s: 'BTCUSD_PERP', l: 25 },
    };
    expect(convert(leverage)).toBe(leverage);
    expect(convert({ e: 'ACCOUNT_CONFIG_UPDATE', E: 1, T: 1, ai: { j: true } })).toBeUndefined();
    const tradeLite: UserDataEvent = {
      e: 'TRADE_LITE',
      E: 1,
      T: 1,
      s: 'BTCUSD_PERP',
      q: '1',
      p: '0',
      m: false,
      c: 'x',
      S: 'BUY',
      L: '96000.0',
      l: '1',
      t: 1,
      i: 1,
    };
    expect(convert(tradeLite)).toBeUndefined();
    const expired: UserDataEvent = { e: 'listenKeyExpired', E: 1, listenKey: 'K' };
    expect(convert(expired)).toBe(expired);
  });
});
