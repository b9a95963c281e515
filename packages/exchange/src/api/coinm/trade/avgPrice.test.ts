import type { CoinmOrder } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { marketOrder } from '../../../venue/algo/testing.js';
import {
  closeAll,
  getOrder,
  limitParams,
  marketParams,
  ok,
  placeOrder,
  rest,
  startTrading,
} from './testing.js';

afterEach(closeAll);

const BTC = 'BTCUSD_PERP';

// COIN-M's avgPrice is the harmonic mean of the fill prices, Σ contracts × 100 / Σ (contracts × 100 /
// price), printed at the price's precision (one decimal for BTCUSD). cumBase cuts each fill's coin
// value to 8 decimals; an average taken from it drifts by up to a few ticks at these prices.

describe('COIN-M avgPrice', () => {
  test('default: one fill prints its own price', () => {
    const f = startTrading({ BTCUSD_PERP: '96000' });
    rest(f, BTC, 'SELL', '3', '95995.7');
    const filled = placeOrder(f, marketParams(BTC, 'BUY', '3', { newOrderRespType: 'RESULT' }));
    // 300 / 95,995.7 = 0.0031251399… BTC, cut to 0.00312513; 300 / 0.00312513 would print 95996.0.
    expect(filled).toMatchObject({ status: 'FILLED', cumBase: '0.00312513', avgPrice: '95995.7' });
    expect(getOrder(f, filled).avgPrice).toBe('95995.7');
    const update = f.events.findLast((e) => e.e === 'ORDER_TRADE_UPDATE');
    expect(update?.e === 'ORDER_TRADE_UPDATE' && update.o.ap).toBe('95995.7');
  });

  test('behavior: fills at several prices average harmonically, rounded half-even to the tick', () => {
    const f = startTrading();
    rest(f, BTC, 'SELL', '3', '50000.1');
    rest(f, BTC, 'SELL', '4', '50000.7');
    const order = placeOrder(f, limitParams(BTC, 'BUY', '10', '50001', { newOrderRespType: 'RESULT' }));
    // 7 / (3/50,000.1 + 4/50,000.7) = 50,000.44…; from cumBase (0.01399986 BTC) 50,000.5.
    expect(order).toMatchObject({ status: 'PARTIALLY_FILLED', executedQty: '7', avgPrice: '50000.4' });
    // Another account takes the rest at the order's own price: 10 / (… + 3/50,001) = 50,000.61…
    f.coinm.placeOrder(f.taker, marketOrder(BTC, 'SELL', '3'));
    f.coinm.commit();
    expect(getOrder(f, order)).toMatchObject({ status: 'FILLED', executedQty: '10', avgPrice: '50000.6' });
    const all = ok<CoinmOrder[]>(f, 'GET', '/dapi/v1/allOrders', { symbol: BTC });
    expect(all.find((o) => o.orderId === order.orderId)?.avgPrice).toBe('50000.6');
  });
});
