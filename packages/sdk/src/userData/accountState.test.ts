import type { AccountUpdateEvent, Order, OrderTradeUpdateEvent } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { AccountState } from './accountState.js';
import { balanceFromRest, orderFromRest, positionFromRest, tradeFromRest } from './views.js';

// The account state's memory: each change is reported once, whichever source (stream or REST)
// shows it first, and a stream event older than a REST row never overwrites it.

function orderEvent(o: Partial<OrderTradeUpdateEvent['o']> & { T: number }): OrderTradeUpdateEvent {
  return {
    e: 'ORDER_TRADE_UPDATE',
    E: o.T,
    T: o.T,
    o: {
      s: 'BTCUSDT',
      c: 'c1',
      S: 'BUY',
      o: 'LIMIT',
      f: 'GTC',
      q: '0.010',
      p: '60000.00',
      ap: '0',
      sp: '0',
      x: 'NEW',
      X: 'NEW',
      i: 7,
      l: '0',
      z: '0',
      L: '0',
      t: 0,
      b: '0',
      a: '0',
      m: false,
      R: false,
      wt: 'CONTRACT_PRICE',
      ot: 'LIMIT',
      ps: 'BOTH',
      cp: false,
      AP: '0',
      cr: '0',
      pP: false,
      si: 0,
      ss: 0,
      rp: '0',
      V: 'EXPIRE_MAKER',
      pm: 'NONE',
      gtd: 0,
      er: 0,
      ...o,
    },
  };
}

function restOrder(o: Partial<Order>): Order {
  return {
    clientOrderId: 'c1',
    cumQuote: '0',
    executedQty: '0',
    orderId: 7,
    avgPrice: '0',
    origQty: '0.010',
    price: '60000.00',
    reduceOnly: false,
    side: 'BUY',
    positionSide: 'BOTH',
    status: 'NEW',
    stopPrice: '0',
    closePosition: false,
    symbol: 'BTCUSDT',
    timeInForce: 'GTC',
    type: 'LIMIT',
    origType: 'LIMIT',
    updateTime: 1000,
    workingType: 'CONTRACT_PRICE',
    priceProtect: false,
    priceMatch: 'NONE',
    selfTradePreventionMode: 'EXPIRE_MAKER',
    goodTillDate: 0,
    ...o,
  };
}

function accountUpdate(T: number, wb: string, pa: string): AccountUpdateEvent {
  return {
    e: 'ACCOUNT_UPDATE',
    E: T,
    T,
    a: {
      m: 'ORDER',
      B: [{ a: 'USDT', wb, cw: wb, bc: '0' }],
      P: [
        { s: 'BTCUSDT', pa, ep: '60000', bep: '60010', cr: '0', up: '0', mt: 'cross', iw: '0', ps: 'BOTH' },
      ],
    },
  };
}

describe('AccountState', () => {
  test('default: stream events build open orders, trades, positions and balances', () => {
    const state = new AccountState();
    expect(state.applyEvent(orderEvent({ T: 1000 })).map((c) => c.type)).toEqual(['order']);
    expect([...state.openOrders.keys()]).toEqual(['BTCUSDT:7']);
    const fill = orderEvent({
      T: 1001,
      x: 'TRADE',
      X: 'FILLED',
      l: '0.010',
      z: '0.010',
      L: '60000.00',
      t: 99,
      n: '0.24',
      N: 'USDT',
    });
    expect(state.applyEvent(fill).map((c) => c.type)).toEqual(['trade', 'order']);
    expect(state.openOrders.size).toBe(0);
    const funded = state.applyEvent(accountUpdate(1001, '999.76', '0.010'));
    expect(funded.map((c) => c.type)).toEqual(['balance', 'position']);
    expect(funded[0]).toMatchObject({ reconciled: false, reason: 'ORDER' });
    expect(state.positions.get('BTCUSDT:BOTH')!.positionAmt.toString()).toBe('0.010');
    expect(state.balances.get('USDT')!.walletBalance.toString()).toBe('999.76');
    // The same events again: nothing new.
    expect(state.applyEvent(fill)).toEqual([]);
    expect(state.applyEvent(accountUpdate(1001, '999.76', '0.010'))).toEqual([]);
    // A close: the position leaves the state.
    expect(state.applyEvent(accountUpdate(1002, '999.50', '0')).map((c) => c.type)).toEqual([
      'balance',
      'position',
    ]);
    expect(state.positions.size).toBe(0);
  });

  test('behavior: what REST reported first is not reported again when the stream delivers it', () => {
    const state = new AccountState();
    const reconciled = state.applyOrder(
      orderFromRest(restOrder({ status: 'CANCELED', updateTime: 1005 })),
      true,
    );
    expect(reconciled).toMatchObject({ type: 'order', reconciled: true });
    // The stream's older events for the same order (held on the new socket) are duplicates.
    expect(state.applyEvent(orderEvent({ T: 1000 }))).toEqual([]);
    expect(state.applyEvent(orderEvent({ T: 1005, x: 'CANCELED', X: 'CANCELED' }))).toEqual([]);
    expect(state.openOrders.size).toBe(0);
    const trade = tradeFromRest({
      buyer: true,
      commission: '0.24',
      commissionAsset: 'USDT',
      id: 99,
      maker: false,
      orderId: 8,
      price: '60000',
      qty: '0.010',
      quoteQty: '600',
      realizedPnl: '0',
      side: 'BUY',
      positionSide: 'BOTH',
      symbol: 'BTCUSDT',
      time: 1003,
    });
    expect(state.applyTrade(trade, true)).toBeDefined();
    expect(state.hasTrade('BTCUSDT', 99)).toBe(true);
    const streamFill = orderEvent({ T: 1003, i: 8, x: 'TRADE', X: 'FILLED', l: '0.010', z: '0.010', t: 99 });
    expect(state.applyEvent(streamFill).map((c) => c.type)).toEqual(['order']);
  });

  test('behavior: an order moves forward only (fills, then status, then time); an amendment counts', () => {
    const state = new AccountState();
    state.applyEvent(orderEvent({ T: 1000 }));
    expect(
      state.applyEvent(orderEvent({ T: 1001, x: 'TRADE', X: 'PARTIALLY_FILLED', z: '0.004', t: 5 })),
    ).toHaveLength(2);
    // Late NEW: ignored.
    expect(state.applyEvent(orderEvent({ T: 1000 }))).toEqual([]);
    const amended = state.applyEvent(
      orderEvent({ T: 1002, x: 'AMENDMENT', X: 'PARTIALLY_FILLED', z: '0.004', p: '60001.00' }),
    );
    expect(amended).toHaveLength(1);
    expect(state.openOrders.get('BTCUSDT:7')!.price.toString()).toBe('60001.00');
  });

  test('behavior: a stream event older than a REST row does not overwrite it; a newer one does', () => {
    const state = new AccountState();
    const position = positionFromRest({
      symbol: 'BTCUSDT',
      positionSide: 'BOTH',
      positionAmt: '0.020',
      entryPrice: '60000',
      breakEvenPrice: '60010',
      markPrice: '60000',
      unRealizedProfit: '0',
      liquidationPrice: '0',
      isolatedMargin: '0',
      notional: '1200',
      marginAsset: 'USDT',
      isolatedWallet: '0',
      initialMargin: '60',
      maintMargin: '6',
      positionInitialMargin: '60',
      openOrderInitialMargin: '0',
      adl: 0,
      bidNotional: '0',
      askNotional: '0',
      updateTime: 2000,
    });
    expect(state.applyPosition(position, true, { force: true })).toMatchObject({ reconciled: true });
    state.applyBalance(
      balanceFromRest({
        accountAlias: 'a',
        asset: 'USDT',
        balance: '900',
        crossWalletBalance: '900',
        crossUnPnl: '0',
        availableBalance: '900',
        maxWithdrawAmount: '900',
        marginAvailable: true,
        updateTime: 2000,
      }),
      true,
      { force: true },
    );
    expect(state.applyEvent(accountUpdate(1500, '950', '0.010'))).toEqual([]);
    expect(state.positions.get('BTCUSDT:BOTH')!.positionAmt.toString()).toBe('0.020');
    expect(state.balances.get('USDT')!.walletBalance.toString()).toBe('900');
    expect(state.applyEvent(accountUpdate(2001, '899', '0.030')).map((c) => c.type)).toEqual([
      'balance',
      'position',
    ]);
    expect(state.positions.get('BTCUSDT:BOTH')!.positionAmt.toString()).toBe('0.030');
  });

  test('behavior: memory is bounded; the oldest ids are forgotten first', () => {
    const state = new AccountState(2);
    for (const id of [1, 2, 3]) {
      state.applyTrade(
        tradeFromRest({
          buyer: true,
          commission: '0',
          commissionAsset: 'USDT',
          id,
          maker: true,
          orderId: 1,
          price: '1',
          qty: '1',
          quoteQty: '1',
          realizedPnl: '0',
          side: 'BUY',
          positionSide: 'BOTH',
          symbol: 'BTCUSDT',
          time: id,
        }),
        false,
      );
    }
    expect([1, 2, 3].map((id) => state.hasTrade('BTCUSDT', id))).toEqual([false, true, true]);
  });
});
