import type { UserDataEvent } from '@basis/core';
import { describe, expect, test } from 'vitest';
import type { ApiError } from '../api/apiError.js';
import { limitOrder as limit, marketOrder as market } from './algo/testing.js';
import { Venue } from './venue.js';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

function rejects(fn: () => unknown): number {
  try {
    fn();
  } catch (error) {
    return (error as ApiError).code;
  }
  throw new Error('expected a rejection');
}

function setup() {
  const venue = new Venue({ startTime: T0, seed: 7, marketData: 'none' });
  const maker = venue.createAccount({ balances: { USDT: '1000000' } });
  const trader = venue.createAccount({ balances: { USDT: '10000' } });
  const events: UserDataEvent[] = [];
  venue.subscribe({ userEvent: (id, e) => id === trader.id && events.push(e) });
  return { venue, maker, trader, events };
}

describe('Venue', () => {
  test('default: a limit order rests and a market order fills against it', () => {
    const { venue, maker, trader, events } = setup();
    const rest = venue.placeOrder(maker, limit('BTCUSDT', 'SELL', '0.010', '96000.00'));
    expect(rest.response.status).toBe('NEW');
    const fill = venue.placeOrder(trader, market('BTCUSDT', 'BUY', '0.004'));
    venue.commit();
    expect(fill.response).toMatchObject({
      status: 'FILLED',
      executedQty: '0.004',
      avgPrice: '96000.00000',
      cumQuote: '384',
    });
    const position = trader.position('BTCUSDT', 'BOTH');
    expect(position.amount.toString()).toBe('0.004');
    expect(position.entryPrice.toString()).toBe('96000.00');
    // taker fee 0.05% of 384 = 0.192; maker fee 0.02% = 0.0768
    expect(trader.wallet('USDT').toString()).toBe('9999.80800000');
    expect(maker.wallet('USDT').toString()).toBe('999999.92320000');
    // The deposit's ACCOUNT_UPDATE happened before the subscription.
    expect(events.map((e) => e.e)).toEqual([
      'ORDER_TRADE_UPDATE',
      'ORDER_TRADE_UPDATE',
      'TRADE_LITE',
      'ACCOUNT_UPDATE',
    ]);
  });

  test('behavior: filters reject with Binance codes and change nothing', () => {
    const { venue, trader } = setup();
    expect(rejects(() => venue.placeOrder(trader, limit('BTCUSDT', 'BUY', '0.0011', '95000.00')))).toBe(
      -1111,
    );
    expect(rejects(() => venue.placeOrder(trader, limit('BTCUSDT', 'BUY', '0.001', '95000.05')))).toBe(-4014);
    expect(rejects(() => venue.placeOrder(trader, limit('BTCUSDT', 'BUY', '0.001', '95000.00')))).toBe(-4164);
    expect(rejects(() => venue.placeOrder(trader, limit('BTCUSDT', 'BUY', '0.002', '120000.00')))).toBe(
      -4016,
    );
    expect(rejects(() => venue.placeOrder(trader, limit('NOPE', 'BUY', '1', '1')))).toBe(-1121);
    expect(rejects(() => venue.placeOrder(trader, limit('BTCUSDT', 'BUY', '5.000', '95000.00')))).toBe(-2019);
    expect(trader.openOrderCount()).toBe(0);
  });

  test('behavior: reduce-only cannot open, post-only cannot take, FOK fills fully or not at all', () => {
    const { venue, maker, trader } = setup();
    venue.placeOrder(maker, limit('BTCUSDT', 'SELL', '0.010', '96000.00'));
    expect(
      rejects(() => venue.placeOrder(trader, market('BTCUSDT', 'SELL', '0.002', { reduceOnly: true }))),
    ).toBe(-2022);
    expect(
      rejects(() =>
        venue.placeOrder(trader, limit('BTCUSDT', 'BUY', '0.002', '96000.00', { timeInForce: 'GTX' })),
      ),
    ).toBe(-5022);
    expect(
      rejects(() =>
        venue.placeOrder(trader, limit('BTCUSDT', 'BUY', '0.020', '96000.00', { timeInForce: 'FOK' })),
      ),
    ).toBe(-5021);
    const fok = venue.placeOrder(
      trader,
      limit('BTCUSDT', 'BUY', '0.010', '96000.00', { timeInForce: 'FOK' }),
    );
    expect(fok.response.status).toBe('FILLED');
  });

  test('behavior: cancel, then cancel again is -2011', () => {
    const { venue, trader } = setup();
    const placed = venue.placeOrder(trader, limit('BTCUSDT', 'BUY', '0.002', '95000.00'));
    const canceled = venue.cancelOrder(trader, 'BTCUSDT', { orderId: BigInt(placed.order.orderId) });
    expect(canceled.status).toBe('CANCELED');
    expect(
      rejects(() => venue.cancelOrder(trader, 'BTCUSDT', { orderId: BigInt(placed.order.orderId) })),
    ).toBe(-2011);
  });
});
