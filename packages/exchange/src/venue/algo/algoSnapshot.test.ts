import { describe, expect, test } from 'vitest';
import { AlgoBook } from './algoBook.js';
import { algoFixture, limitOrder, T0 } from './testing.js';

/** The same scripted session on a fresh fixture, up to the point where a snapshot is taken. */
function prepare() {
  const f = algoFixture();
  const { algo, print, mark, place } = f;
  print('96000.00');
  place('SELL', 'TRAILING_STOP_MARKET', { callbackRate: '1' });
  place('BUY', 'TRAILING_STOP_MARKET', { callbackRate: '1', activatePrice: '95500.00' });
  place('SELL', 'STOP_MARKET', { triggerPrice: '95600.00', workingType: 'MARK_PRICE', priceProtect: true });
  place('SELL', 'STOP', { triggerPrice: '95900.00', price: '96000.00' });
  place('SELL', 'STOP_MARKET', { triggerPrice: '95300.00' });
  place('BUY', 'STOP_MARKET', { triggerPrice: '99000.00', timeInForce: 'GTD', goodTillDate: T0 + 7_200_000 });
  print('96800.00'); // the SELL trailing's high moves up
  print('95850.00'); // the STOP limit triggers
  algo.process(); // ... and rests at 96000
  print('95300.00'); // the SELL trailing and the last STOP_MARKET are due; the BUY trailing activates
  mark('90000.00'); // the protected stop's condition holds; protection holds it back (5.9% apart)
  return f;
}

describe('snapshots', () => {
  test('default: snapshot → JSON → restore continues exactly like the original', () => {
    const a = prepare();
    const b = prepare();
    const taken = b.algo.snapshot();
    // It holds due triggers, a protected one held back, a triggered one resting, a GTD one waiting.
    expect(taken.due).toHaveLength(2);
    expect(taken.blocked).toHaveLength(1);
    expect(taken.orders.map((o) => o.status)).toEqual(['NEW', 'NEW', 'NEW', 'TRIGGERED', 'NEW', 'NEW']);
    const snapshot = JSON.parse(JSON.stringify(taken)) as unknown;
    expect(snapshot).toEqual(JSON.parse(JSON.stringify(a.algo.snapshot())));
    const restored = new AlgoBook(b.venue);
    restored.restore(snapshot);
    b.useBook(restored);
    expect(restored.snapshot()).toEqual(b.algo.snapshot());

    for (const f of [a, b]) {
      const book = f === a ? a.algo : restored;
      book.process(); // the due orders fire
      f.mark('95000.00'); // protection allows now (|95000 − 95300| / 95000 < 5%)
      book.process();
      f.venue.placeOrder(f.maker, limitOrder('BTCUSDT', 'BUY', '0.002', '96000.00')); // fills the STOP limit
      book.process();
      f.print('94000.00'); // the BUY trailing's low moves down: stop 94940
      book.process();
      f.print('95000.00'); // ... and it fires
      book.process();
      f.venue.jumpTo(T0 + 7_200_000); // the GTD stop expires
      book.process();
    }
    expect(restored.snapshot()).toEqual(a.algo.snapshot());
    const summary = (book: AlgoBook, f: typeof a) =>
      book
        .history(f.trader, 'BTCUSDT')
        .map((x) => [x.clientAlgoId, x.status, x.triggerTime, x.watermarkTick]);
    expect(summary(restored, b)).toEqual(summary(a.algo, a));
    expect(a.statuses()).toEqual(b.statuses());
    expect(summary(a.algo, a).map((row) => row[1])).toEqual([
      'FINISHED', // SELL trailing, due at the snapshot
      'FINISHED', // BUY trailing: activated at 95300, low 94000, fired at 95000
      'FINISHED', // protected stop, held back at the snapshot
      'FINISHED', // STOP limit, resting at the snapshot, filled after
      'FINISHED', // STOP_MARKET, due at the snapshot
      'EXPIRED', // GTD
    ]);
    expect(a.algo.history(a.trader, 'BTCUSDT')[3]!.actualOrder?.status).toBe('FILLED');
  });

  test('behavior: restore rejects unknown data', () => {
    const { algo } = algoFixture();
    expect(() => algo.restore({ version: 2 })).toThrow('Not an algo book snapshot');
    expect(() => algo.restore(null)).toThrow('Not an algo book snapshot');
  });
});
