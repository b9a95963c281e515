import type { OrderTradeUpdateEvent } from '@basis/core';
import { describe, expect, test } from 'vitest';
import type { AlgoOrderInput } from './algoInput.js';
import { algoFixture, algoOrder, CLOSE_POSITION, codeOf, limitOrder, T0 } from './testing.js';

describe('AlgoBook', () => {
  test('default: a STOP_MARKET SELL waits, fires once the last price reaches it, and finishes', () => {
    const { venue, algo, maker, trader, print, place, statuses, events } = algoFixture();
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'BUY', '0.010', '94900.00'));
    const placed = place('SELL', 'STOP_MARKET', {
      quantity: '0.005',
      triggerPrice: '95000.00',
      clientAlgoId: 'sl-1',
    });
    expect(placed.status).toBe('NEW');
    print('95100.00');
    expect(algo.process()).toBe(0);
    print('95000.00');
    expect(algo.pending).toBe(1);
    expect(algo.process()).toBe(1);

    expect(placed.status).toBe('FINISHED');
    expect(placed.triggerTime).toBe(T0);
    const child = placed.actualOrder!;
    expect(child).toMatchObject({
      type: 'MARKET',
      origType: 'STOP_MARKET',
      side: 'SELL',
      stopPrice: '95000.00',
      workingType: 'CONTRACT_PRICE',
      clientOrderId: 'sl-1',
      status: 'FILLED',
      executedQty: 5,
    });
    expect(trader.position('BTCUSDT', 'BOTH').amount.toString()).toBe('-0.005');
    expect(statuses()).toEqual(['NEW', 'TRIGGERING', 'TRIGGERED', 'FINISHED']);
    const fill = events.find(
      (e): e is OrderTradeUpdateEvent => e.e === 'ORDER_TRADE_UPDATE' && e.o.X === 'FILLED',
    );
    expect(fill?.o).toMatchObject({ ot: 'STOP_MARKET', sp: '95000.00', c: 'sl-1', o: 'MARKET' });
  });

  describe('behavior: each type fires on its side of the trigger, for both working types', () => {
    // [type, side, trigger, a price that must not fire, a price that must]
    const cases: readonly [AlgoOrderInput['type'], 'BUY' | 'SELL', string, string, string][] = [
      ['STOP_MARKET', 'BUY', '97000.00', '96900.00', '97000.00'],
      ['STOP_MARKET', 'SELL', '95000.00', '95100.00', '94900.00'],
      ['TAKE_PROFIT_MARKET', 'BUY', '95000.00', '95100.00', '95000.00'],
      ['TAKE_PROFIT_MARKET', 'SELL', '97000.00', '96900.00', '97100.00'],
      ['STOP', 'BUY', '97000.00', '96999.90', '97000.00'],
      ['STOP', 'SELL', '95000.00', '95000.10', '95000.00'],
      ['TAKE_PROFIT', 'BUY', '95000.00', '95000.10', '94000.00'],
      ['TAKE_PROFIT', 'SELL', '97000.00', '96999.90', '97000.00'],
    ];
    for (const workingType of ['CONTRACT_PRICE', 'MARK_PRICE'] as const) {
      for (const [type, side, trigger, before, at] of cases) {
        test(`${type} ${side} on ${workingType}`, () => {
          const { algo, print, mark, place, expectFiresAt } = algoFixture();
          print('96000.00');
          const limit = type === 'STOP' || type === 'TAKE_PROFIT';
          const placed = place(side, type, {
            triggerPrice: trigger,
            workingType,
            ...(limit ? { price: trigger } : {}),
          });
          const move = workingType === 'MARK_PRICE' ? mark : print;
          const moveOther = workingType === 'MARK_PRICE' ? print : mark;
          // The other working type's price crossing the trigger does not count.
          moveOther(at);
          algo.notePrice('BTCUSDT', 'CONTRACT_PRICE');
          algo.notePrice('BTCUSDT', 'MARK_PRICE');
          expect(algo.process()).toBe(0);
          moveOther('96000.00');
          expectFiresAt(placed, before, at, move);
          expect(placed.status === 'TRIGGERED' || placed.status === 'FINISHED').toBe(true);
          expect(placed.actualOrder).toMatchObject({
            type: limit ? 'LIMIT' : 'MARKET',
            origType: type,
            side,
          });
          if (limit) expect(placed.actualOrder!.priceTick).toBe(placed.priceTick);
        });
      }
    }
  });

  test('behavior: immediate triggers are -2021 and change nothing', () => {
    const { algo, trader, print, place } = algoFixture();
    print('96000.00');
    const reject = (side: 'BUY' | 'SELL', type: AlgoOrderInput['type'], triggerPrice: string): number =>
      codeOf(() => place(side, type, { triggerPrice }));
    expect(reject('BUY', 'STOP_MARKET', '96000.00')).toBe(-2021);
    expect(reject('BUY', 'STOP_MARKET', '95000.00')).toBe(-2021);
    expect(reject('SELL', 'STOP_MARKET', '96000.00')).toBe(-2021);
    expect(reject('BUY', 'TAKE_PROFIT_MARKET', '96500.00')).toBe(-2021);
    expect(reject('SELL', 'TAKE_PROFIT_MARKET', '95500.00')).toBe(-2021);
    expect(reject('SELL', 'TAKE_PROFIT_MARKET', '96000.00')).toBe(-2021);
    expect(place('BUY', 'STOP_MARKET', { triggerPrice: '96000.10' }).status).toBe('NEW');
    expect(algo.openCount(trader)).toBe(1);
  });

  test('behavior: several orders crossed at once fire by trigger time, then price event, then algoId', () => {
    const { venue, algo, print, place } = algoFixture();
    const stop = (triggerPrice: string, clientAlgoId: string) =>
      place('SELL', 'STOP', { price: '92000.00', triggerPrice, clientAlgoId, timeInForce: 'GTC' });
    const c = stop('95000.00', 'c');
    const a = stop('95500.00', 'a');
    const b = stop('95200.00', 'b');
    const late = stop('94000.00', 'late');
    print('95000.00'); // crosses a, b and c in one price event
    venue.advanceTo(T0 + 5);
    print('93900.00'); // crosses late afterwards
    expect(algo.process()).toBe(4);
    const order = [c, a, b, late].sort((x, y) => Number(x.actualOrderId) - Number(y.actualOrderId));
    expect(order.map((x) => x.clientAlgoId)).toEqual(['c', 'a', 'b', 'late']);
    expect([c.triggerTime, a.triggerTime, b.triggerTime, late.triggerTime]).toEqual([T0, T0, T0, T0 + 5]);
  });

  test('behavior: a triggered order that trades can trigger another in the same process()', () => {
    const { venue, algo, maker, print, place } = algoFixture();
    print('96000.00');
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.002', '96100.00'));
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.002', '96300.00'));
    const first = place('BUY', 'STOP_MARKET', { triggerPrice: '96050.00' });
    const second = place('BUY', 'STOP_MARKET', { triggerPrice: '96100.00' });
    print('96050.00');
    expect(algo.process()).toBe(2);
    expect(first.status).toBe('FINISHED');
    expect(second.status).toBe('FINISHED');
    expect(venue.market('BTCUSDT').lastPriceTick).toBe(963000);
  });

  test('behavior: priceProtect holds the trigger while mark and last are too far apart', () => {
    const { algo, print, mark, place } = algoFixture();
    print('96000.00');
    const placed = place('SELL', 'STOP_MARKET', {
      triggerPrice: '95000.00',
      workingType: 'MARK_PRICE',
      priceProtect: true,
    });
    mark('90000.00'); // 6000 / 90000 = 6.7% > triggerProtect 5%
    expect(algo.process()).toBe(0);
    expect(placed.status).toBe('NEW');
    mark('96500.00'); // condition gone: armed again
    expect(algo.process()).toBe(0);
    mark('91000.00'); // 5.5%: held again
    expect(algo.process()).toBe(0);
    print('93000.00'); // the last price moves closer: 2.2%
    expect(algo.process()).toBe(1);
    expect(placed.status === 'FINISHED' || placed.status === 'TRIGGERED').toBe(true);
    expect(placed.actualOrder).toMatchObject({ priceProtect: true, workingType: 'MARK_PRICE' });
  });

  test('behavior: closePosition closes exactly the position at trigger time', () => {
    const { venue, algo, maker, trader, open, print, place, statuses, algoUpdates } = algoFixture();
    open(trader, 'BUY', '0.010', '96000.00');
    const placed = place('SELL', 'STOP_MARKET', { ...CLOSE_POSITION, triggerPrice: '95000.00' });
    expect(placed).toMatchObject({ timeInForce: 'GTE_GTC', reduceOnly: true, qtySteps: 0 });
    open(trader, 'BUY', '0.005', '96000.00');
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'BUY', '0.050', '94900.00'));
    print('95000.00');
    algo.process();
    expect(placed.actualOrder).toMatchObject({
      origQty: 15,
      executedQty: 15,
      reduceOnly: true,
      closePosition: true,
    });
    expect(trader.position('BTCUSDT', 'BOTH').amount.isZero()).toBe(true);
    expect(statuses()).toEqual(['NEW', 'TRIGGERING', 'TRIGGERED', 'FINISHED']);
    const update = algoUpdates()[0]!;
    expect(update.o).toMatchObject({ q: '0', cp: true, R: true, f: 'GTE_GTC' });
  });

  test('behavior: closePosition with nothing to close at trigger time expires', () => {
    const { algo, print, place, statuses } = algoFixture();
    print('96000.00');
    const placed = place('SELL', 'STOP_MARKET', { ...CLOSE_POSITION, triggerPrice: '95000.00' });
    print('95000.00');
    algo.process();
    expect(placed.status).toBe('EXPIRED');
    expect(placed.actualOrderId).toBeUndefined();
    expect(statuses()).toEqual(['NEW', 'TRIGGERING', 'EXPIRED']);
  });

  test('behavior: a triggered order failing the margin check ends REJECTED with the reason', () => {
    const { algo, trader, print, place, algoUpdates, statuses } = algoFixture({ traderUsdt: '100' });
    print('96000.00');
    // No margin check at placement: 1 BTC on a 100 USDT wallet is accepted.
    const placed = place('BUY', 'STOP_MARKET', { quantity: '1.000', triggerPrice: '96500.00' });
    print('96500.00');
    expect(algo.process()).toBe(1);
    expect(placed.status).toBe('REJECTED');
    expect(placed.reason).toBe('Margin is insufficient.');
    expect(statuses()).toEqual(['NEW', 'TRIGGERING', 'REJECTED']);
    const rejected = algoUpdates().at(-1)!;
    expect(rejected.o).toMatchObject({ X: 'REJECTED', rm: 'Margin is insufficient.', ai: '', tt: T0 });
    expect(trader.openOrderCount()).toBe(0);
  });

  test('behavior: a reduce-only trigger with no position is REJECTED -2022', () => {
    const { algo, print, place } = algoFixture();
    print('96000.00');
    const placed = place('SELL', 'STOP_MARKET', { triggerPrice: '95000.00', reduceOnly: true });
    print('95000.00');
    algo.process();
    expect(placed).toMatchObject({ status: 'REJECTED', reason: 'ReduceOnly Order is rejected.' });
  });

  test('behavior: GTD algo orders expire at goodTillDate (whole seconds)', () => {
    const { venue, algo, place, statuses } = algoFixture();
    const gtd = T0 + 3_600_000 + 999;
    const placed = place('BUY', 'STOP_MARKET', {
      triggerPrice: '97000.00',
      timeInForce: 'GTD',
      goodTillDate: gtd,
    });
    expect(placed.goodTillDate).toBe(T0 + 3_600_000);
    expect(algo.nextExpiry()).toBe(T0 + 3_600_000);
    venue.jumpTo(T0 + 3_599_999);
    algo.process();
    expect(placed.status).toBe('NEW');
    venue.jumpTo(T0 + 3_600_000);
    algo.process();
    expect(placed.status).toBe('EXPIRED');
    expect(placed.updateTime).toBe(T0 + 3_600_000);
    expect(algo.nextExpiry()).toBeUndefined();
    expect(statuses()).toEqual(['NEW', 'EXPIRED']);
  });

  test('behavior: a triggered STOP limit order is TRIGGERED while it rests, FINISHED once filled', () => {
    const { venue, algo, maker, print, place, statuses } = algoFixture();
    print('96000.00');
    const placed = place('BUY', 'STOP', { quantity: '0.004', triggerPrice: '96500.00', price: '96400.00' });
    print('96500.00');
    algo.process();
    expect(placed.status).toBe('TRIGGERED');
    expect(placed.actualOrder).toMatchObject({ type: 'LIMIT', status: 'NEW', timeInForce: 'GTC' });
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.004', '96400.00'));
    algo.process();
    expect(placed.status).toBe('FINISHED');
    expect(statuses()).toEqual(['NEW', 'TRIGGERING', 'TRIGGERED', 'FINISHED']);
  });

  test('behavior: cancel by algoId or clientAlgoId; cancelled and triggered orders cannot be cancelled', () => {
    const { algo, trader, print, place, statuses } = algoFixture();
    print('96000.00');
    const stop = (clientAlgoId: string, triggerPrice = '97000.00') =>
      place('BUY', 'STOP_MARKET', { triggerPrice, clientAlgoId });
    const a = stop('a');
    const b = stop('b');
    expect(algo.cancel(trader, { algoId: BigInt(a.algoId), clientAlgoId: 'b' })).toBe(a);
    expect(a.status).toBe('CANCELED');
    expect(() => algo.cancel(trader, { algoId: BigInt(a.algoId) })).toThrow('Unknown order sent.');
    expect(algo.cancel(trader, { clientAlgoId: 'b' })).toBe(b);
    // A cancelled order never fires, and its clientAlgoId may be used again.
    const again = stop('a');
    print('97000.00');
    expect(algo.process()).toBe(1);
    expect(again.status).toBe('FINISHED');
    expect(() => algo.cancel(trader, { algoId: BigInt(again.algoId) })).toThrow('Unknown order sent.');
    expect(() => algo.cancel(trader, {})).toThrow("Param 'algoId' or 'clientAlgoId' must be sent");
    // cancelAll touches one symbol only.
    const x = stop('x', '98000.00');
    const y = stop('y', '98000.00');
    const eth = algo.place(
      trader,
      algoOrder('ETHUSDT', 'BUY', 'STOP_MARKET', {
        quantity: '1',
        triggerPrice: '4000.00',
        clientAlgoId: 'e',
      }),
    );
    expect(algo.cancelAll(trader, 'BTCUSDT')).toEqual([x, y]);
    expect(eth.status).toBe('NEW');
    expect(algo.open(trader)).toEqual([eth]);
    expect(statuses().filter((s) => s === 'CANCELED')).toHaveLength(4);
  });

  test('behavior: get and history see every status; open lists only the waiting ones', () => {
    const { venue, algo, trader, print, place } = algoFixture();
    print('96000.00');
    const a = place('BUY', 'STOP_MARKET', { triggerPrice: '97000.00', clientAlgoId: 'a' });
    venue.advanceTo(T0 + 1000);
    const b = place('BUY', 'STOP_MARKET', { triggerPrice: '98000.00' });
    algo.cancel(trader, { algoId: BigInt(a.algoId) });
    expect(algo.get(trader, { clientAlgoId: 'a' })).toBe(a);
    expect(() => algo.get(trader, { algoId: 999_999n })).toThrow('Order does not exist.');
    expect(algo.open(trader, 'BTCUSDT')).toEqual([b]);
    expect(algo.history(trader, 'BTCUSDT')).toEqual([a, b]);
    expect(algo.history(trader, 'BTCUSDT', { limit: 1 })).toEqual([b]);
    expect(algo.history(trader, 'BTCUSDT', { algoId: BigInt(a.algoId), limit: 1 })).toEqual([a]);
    expect(algo.history(trader, 'BTCUSDT', { startTime: T0 + 1, endTime: T0 + 2000 })).toEqual([b]);
    expect(() => algo.history(trader, 'BTCUSDT', { startTime: T0 + 1, endTime: T0 })).toThrow();
    expect(() => algo.history(trader, 'BTCUSDT', { startTime: T0, endTime: T0 + 7 * 86_400_000 })).toThrow(
      'Maximum time interval is 7 days',
    );
    // §4 retention: the unfilled cancelled order is gone after 3 days, the open one stays.
    venue.jumpTo(T0 + 3 * 86_400_000 + 1);
    algo.process();
    expect(() => algo.get(trader, { algoId: BigInt(a.algoId) })).toThrow('Order does not exist.');
    expect(algo.get(trader, { algoId: BigInt(b.algoId) })).toBe(b);
  });

  test('behavior: past the account record limit the oldest ended algo orders go, live ones stay', () => {
    const { algo, trader, print, place } = algoFixture({ recordsPerAccount: 1_000 });
    print('96000.00');
    const live = place('SELL', 'STOP_MARKET', { triggerPrice: '90000.00', clientAlgoId: 'live' });
    const canceled: bigint[] = [];
    for (let i = 0; i < 1_300; i++) {
      const placed = place('SELL', 'STOP_MARKET', { triggerPrice: '90000.00', clientAlgoId: `c-${i}` });
      algo.cancel(trader, { algoId: BigInt(placed.algoId) });
      canceled.push(BigInt(placed.algoId));
    }
    const kept = algo.history(trader, 'BTCUSDT', { limit: 1000 });
    expect(kept.length).toBeLessThanOrEqual(1000);
    expect(() => algo.get(trader, { algoId: canceled[0]! })).toThrow('Order does not exist.');
    expect(() => algo.get(trader, { clientAlgoId: 'c-0' })).toThrow('Order does not exist.');
    expect(algo.get(trader, { algoId: canceled.at(-1)! }).status).toBe('CANCELED');
    expect(algo.get(trader, { clientAlgoId: 'live' })).toBe(live);
    expect(algo.open(trader, 'BTCUSDT')).toEqual([live]);
  });

  test('behavior: ALGO_UPDATE carries every field of §11.2', () => {
    const { print, place, algoUpdates } = algoFixture();
    print('96000.00');
    place('SELL', 'TAKE_PROFIT', { triggerPrice: '97000.00', price: '96900.00', clientAlgoId: 'tp-1' });
    const update = algoUpdates()[0]!;
    expect(update).toEqual({
      e: 'ALGO_UPDATE',
      T: T0,
      E: T0,
      o: {
        caid: 'tp-1',
        aid: 1,
        at: 'CONDITIONAL',
        o: 'TAKE_PROFIT',
        s: 'BTCUSDT',
        S: 'SELL',
        ps: 'BOTH',
        f: 'GTC',
        q: '0.002',
        X: 'NEW',
        ai: '',
        ap: '0',
        aq: '0',
        act: '0',
        tp: '97000.00',
        p: '96900.00',
        V: 'EXPIRE_MAKER',
        wt: 'CONTRACT_PRICE',
        pm: 'NONE',
        cp: false,
        pP: false,
        R: false,
        tt: 0,
        gtd: 0,
      },
    });
  });

  test('behavior: an order triggered and filled reports its outcome in the last events', () => {
    const { venue, algo, maker, print, place, events, algoUpdates } = algoFixture();
    print('96000.00');
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.002', '96600.00'));
    const placed = place('BUY', 'STOP_MARKET', { triggerPrice: '96500.00' });
    print('96500.00');
    venue.advanceTo(T0 + 10);
    algo.process();
    const [, triggering, triggered, finished] = algoUpdates();
    expect(triggering?.o).toMatchObject({ X: 'TRIGGERING', ai: '', act: '0', tt: T0 });
    const orderId = String(placed.actualOrderId);
    expect(triggered?.o).toMatchObject({
      X: 'TRIGGERED',
      ai: orderId,
      act: 'MARKET',
      ap: '96600.00000',
      aq: '0.002',
    });
    expect(finished?.o).toMatchObject({ X: 'FINISHED', ai: orderId, tt: T0 });
    expect(finished?.T).toBe(T0 + 10);
    // The matching engine's events come between TRIGGERING and TRIGGERED.
    const kinds = events.map((e) => (e.e === 'ALGO_UPDATE' ? e.o.X : e.e));
    expect(kinds.slice(kinds.indexOf('TRIGGERING'))).toEqual([
      'TRIGGERING',
      'ORDER_TRADE_UPDATE',
      'ORDER_TRADE_UPDATE',
      'TRADE_LITE',
      'ACCOUNT_UPDATE',
      'TRIGGERED',
      'FINISHED',
    ]);
  });

  test('behavior: hedge mode fires on the position side and closePosition closes that side', () => {
    const { algo, trader, maker, venue, print, place } = algoFixture();
    trader.dualSidePosition = true;
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'SELL', '0.004', '96000.00'));
    venue.placeOrder(trader, { ...limitOrder('BTCUSDT', 'BUY', '0.004', '96000.00'), positionSide: 'LONG' });
    const placed = place('SELL', 'STOP_MARKET', {
      ...CLOSE_POSITION,
      triggerPrice: '95000.00',
      positionSide: 'LONG',
    });
    venue.placeOrder(maker, limitOrder('BTCUSDT', 'BUY', '0.010', '94900.00'));
    print('95000.00');
    algo.process();
    expect(placed.actualOrder).toMatchObject({ positionSide: 'LONG', side: 'SELL', executedQty: 4 });
    expect(trader.position('BTCUSDT', 'LONG').amount.isZero()).toBe(true);
  });
});
