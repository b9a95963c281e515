import { Decimal, type OrderTradeUpdateEvent, type UserDataEvent } from '@basis/core';
import { describe, expect, test } from 'vitest';
import type { NewOrderInput } from './orderInput.js';
import { limitOrder, marketOrder } from './orderInput.testing.js';
import { Venue } from './venue.js';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

/** A BTCUSDT LIMIT GTC order at `price`, or a MARKET order without one. */
function order(
  side: 'BUY' | 'SELL',
  qty: string,
  price: string | undefined,
  extra: Partial<NewOrderInput> = {},
): NewOrderInput {
  return price === undefined
    ? marketOrder('BTCUSDT', side, qty, extra)
    : limitOrder('BTCUSDT', side, qty, price, extra);
}

/** Example A of the emulation reference: isolated long 1 BTC @ 60,000 at 20x; liquidation at 57,236.18. */
function isolatedLong() {
  const venue = new Venue({ startTime: T0, seed: 3, marketData: 'none' });
  const market = venue.market('BTCUSDT');
  market.markPrice = Decimal.parse('60000');
  market.indexPrice = Decimal.parse('60000');
  const maker = venue.createAccount({ balances: { USDT: '100000000' } });
  const trader = venue.createAccount({ balances: { USDT: '10000' } });
  trader.makerRate = Decimal.ZERO;
  trader.takerRate = Decimal.ZERO;
  trader.settingsFor('BTCUSDT').leverage = 20;
  trader.settingsFor('BTCUSDT').marginType = 'ISOLATED';
  venue.placeOrder(maker, order('SELL', '1.000', '60000.00'));
  venue.placeOrder(trader, order('BUY', '1.000', undefined));
  const events: UserDataEvent[] = [];
  venue.subscribe({ userEvent: (id, e) => id === trader.id && events.push(e) });
  venue.commit();
  return { venue, market, maker, trader, events };
}

describe('liquidation', () => {
  test('default: an isolated position is liquidated when the mark reaches its liquidation price', () => {
    const { venue, market, maker, trader, events } = isolatedLong();
    const position = trader.position('BTCUSDT', 'BOTH');
    expect(position.isolatedWallet.toString()).toBe('3000.00000000');
    // Bids for the liquidation order to hit, above the bankruptcy price (57,000).
    venue.placeOrder(maker, order('BUY', '1.000', '57100.00'));
    market.markPrice = Decimal.parse('57300');
    venue.markPriceChanged(market);
    venue.commit();
    expect(position.amount.isZero()).toBe(false);

    market.markPrice = Decimal.parse('57236.10');
    venue.markPriceChanged(market);
    venue.commit();
    expect(position.amount.isZero()).toBe(true);
    expect(position.isolatedWallet.isZero()).toBe(true);
    const liquidation = [...trader.orders.values()].find((o) => o.clientOrderId.startsWith('autoclose-'));
    expect(liquidation).toMatchObject({ type: 'LIQUIDATION', status: 'FILLED', side: 'SELL' });
    // Sold at 57,100: realized −2,900; the clearance fee takes what was left of the 3,000 margin.
    const clearance = trader.income.filter((i) => i.incomeType === 'INSURANCE_CLEAR');
    expect(clearance.map((i) => i.income.toString())).toEqual(['-100.00000000']);
    expect(trader.wallet('USDT').toString()).toBe('7000.00000000');
    const calculated = events.filter(
      (e): e is OrderTradeUpdateEvent => e.e === 'ORDER_TRADE_UPDATE' && e.o.x === 'CALCULATED',
    );
    expect(calculated).toHaveLength(1);
    expect(calculated[0]!.o).toMatchObject({
      o: 'LIQUIDATION',
      X: 'FILLED',
      c: expect.stringMatching(/^autoclose-/),
    });
    // Every income row adds up to the wallet.
    const sum = trader.income.reduce((s, i) => s.add(i.income), Decimal.ZERO);
    expect(sum.eq(trader.wallet('USDT'))).toBe(true);
  });

  test('behavior: what the book cannot take is deleveraged against the most profitable opposite position', () => {
    const { venue, market, maker, trader } = isolatedLong();
    // The maker holds the short that ADL will reduce; no bids above the bankruptcy price.
    venue.placeOrder(maker, order('BUY', '1.000', '50000.00'));
    market.markPrice = Decimal.parse('57000');
    venue.markPriceChanged(market);
    venue.commit();
    expect(trader.position('BTCUSDT', 'BOTH').amount.isZero()).toBe(true);
    expect(maker.position('BTCUSDT', 'BOTH').amount.isZero()).toBe(true);
    expect([...maker.orders.values()].some((o) => o.clientOrderId === 'adl_autoclose')).toBe(true);
  });

  test('behavior: a cross account is liquidated as a whole and a negative wallet is topped up by the insurance fund', () => {
    const venue = new Venue({ startTime: T0, seed: 4, marketData: 'none' });
    const market = venue.market('BTCUSDT');
    market.markPrice = Decimal.parse('60000');
    const maker = venue.createAccount({ balances: { USDT: '100000000' } });
    const trader = venue.createAccount({ balances: { USDT: '3100' } });
    trader.settingsFor('BTCUSDT').leverage = 20;
    venue.placeOrder(maker, order('SELL', '1.000', '60000.00'));
    venue.placeOrder(trader, order('BUY', '1.000', undefined));
    venue.placeOrder(trader, order('BUY', '0.010', '50000.00'));
    // The only bid is far below: the book fills the liquidation at a loss beyond the wallet.
    venue.placeOrder(maker, order('BUY', '1.000', '40000.00'));
    market.markPrice = Decimal.parse('57000');
    venue.markPriceChanged(market);
    venue.commit();
    expect(trader.position('BTCUSDT', 'BOTH').amount.isZero()).toBe(true);
    expect(trader.openOrderCount()).toBe(0);
    expect(trader.wallet('USDT').isNegative()).toBe(false);
    const sum = trader.income.reduce((s, i) => s.add(i.income), Decimal.ZERO);
    expect(sum.eq(trader.wallet('USDT'))).toBe(true);
  });
});
