import { describe, expect, test } from 'vitest';
import { Venue } from '../venue.js';
import { AlgoBook } from './algoBook.js';
import { btcOrder, T0 } from './testing.js';

describe('AlgoBook on the synthetic market', () => {
  test('default: stops around the live price fire as the seeded market moves, as a venue process', () => {
    const venue = new Venue({ startTime: T0, seed: 1, synthetic: { backfillMinutes: 5 } });
    const algo = new AlgoBook(venue);
    venue.addProcess(algo);
    const trader = venue.createAccount({ balances: { USDT: '100000' } });
    const market = venue.market('BTCUSDT');
    const last = market.lastPrice();
    const away = (factor: string): string =>
      last.mul(factor).div(market.tickSize, 0, 'floor').mul(market.tickSize).toString();
    const up = algo.place(trader, btcOrder('BUY', 'STOP_MARKET', { triggerPrice: away('1.0004') }));
    const down = algo.place(trader, btcOrder('SELL', 'STOP_MARKET', { triggerPrice: away('0.9996') }));
    let time = T0;
    for (let step = 0; step < 900 && up.status === 'NEW' && down.status === 'NEW'; step++) {
      time += 1000;
      venue.advanceTo(time);
      algo.notePrice('BTCUSDT', 'CONTRACT_PRICE');
      algo.process();
    }
    const fired = [up, down].filter((a) => a.status !== 'NEW');
    expect(fired.length).toBeGreaterThan(0);
    for (const a of fired) {
      expect(a.status).toBe('FINISHED');
      expect(a.actualOrder?.status).toBe('FILLED');
    }
    // GTD through the venue's scheduler: the book is a process, so the expiry runs on time (a restart
    // jump included).
    const gtd = algo.place(
      trader,
      btcOrder('BUY', 'STOP_MARKET', {
        triggerPrice: away('1.5'),
        timeInForce: 'GTD',
        goodTillDate: time + 601_000,
      }),
    );
    venue.jumpTo(time + 601_000);
    expect(gtd.status).toBe('EXPIRED');
    expect(gtd.updateTime).toBe(time + 601_000);
  });
});
