import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import type { Id } from './idSequence.js';
import { OrderIndex } from './orderIndex.js';
import type { OrderRecord } from './orderRecord.js';

function order(
  symbol: string,
  orderId: Id,
  clientOrderId: string,
  status: OrderRecord['status'] = 'NEW',
): OrderRecord {
  return {
    orderId,
    ref: 1,
    symbol,
    accountId: 1,
    clientOrderId,
    side: 'BUY',
    positionSide: 'BOTH',
    type: 'LIMIT',
    origType: 'LIMIT',
    timeInForce: 'GTC',
    priceTick: 1,
    origQty: 1,
    executedQty: 0,
    cumQuote: Decimal.ZERO,
    status,
    reduceOnly: false,
    closePosition: false,
    stopPrice: '0',
    workingType: 'CONTRACT_PRICE',
    priceProtect: false,
    priceMatch: 'NONE',
    selfTradePreventionMode: 'EXPIRE_MAKER',
    goodTillDate: 0,
    time: 0,
    updateTime: 0,
    modifyCount: 0,
    expireReason: 0,
    reserved: Decimal.ZERO,
  };
}

describe('OrderIndex', () => {
  test('default: orders are found per symbol by orderId and client order id, in the order indexed', () => {
    const index = new OrderIndex();
    const a = order('BTCUSDT', 1, 'same');
    const b = order('ETHUSDT', 1, 'same');
    const c = order('BTCUSDT', 2, 'other');
    for (const o of [a, b, c]) index.add(o);
    expect(index.size).toBe(3);
    expect([...index.values()]).toEqual([a, b, c]);
    expect(index.byId('BTCUSDT', 1)).toBe(a);
    expect(index.byId('ETHUSDT', 1)).toBe(b);
    expect(index.byClientId('ETHUSDT', 'same')).toBe(b);
    expect(index.byId('BTCUSDT', 3)).toBeUndefined();
    expect(index.byClientId('SOLUSDT', 'same')).toBeUndefined();
  });

  test("behavior: a request's bigint finds the record whatever the size of its id", () => {
    const index = new OrderIndex();
    const small = order('BTCUSDT', 42, 'small');
    const large = order('BTCUSDT', 2n ** 60n + 1n, 'large');
    index.add(small);
    index.add(large);
    expect(index.byId('BTCUSDT', 42n)).toBe(small);
    expect(index.byId('BTCUSDT', 42)).toBe(small);
    expect(index.byId('BTCUSDT', 2n ** 60n + 1n)).toBe(large);
    expect(index.byId('BTCUSDT', 2n ** 60n)).toBeUndefined();
  });

  test('behavior: the newest order owns a client order id; forgetting an older one keeps it', () => {
    const index = new OrderIndex();
    const first = order('BTCUSDT', 1, 'reused', 'CANCELED');
    const second = order('BTCUSDT', 2, 'reused');
    index.add(first);
    index.add(second);
    expect(index.byClientId('BTCUSDT', 'reused')).toBe(second);
    index.delete(first);
    expect(index.byClientId('BTCUSDT', 'reused')).toBe(second);
    expect(index.byId('BTCUSDT', 1)).toBeUndefined();
    index.delete(second);
    expect(index.byClientId('BTCUSDT', 'reused')).toBeUndefined();
    expect(index.size).toBe(0);
  });

  test('behavior: a record with the same orderId replaces the earlier one and counts as indexed now', () => {
    const index = new OrderIndex();
    const conditional = order('BTCUSD_PERP', 7, 'stop');
    const other = order('BTCUSD_PERP', 8, 'other');
    const triggered = order('BTCUSD_PERP', 7, 'stop');
    index.add(conditional);
    index.add(other);
    index.add(triggered);
    expect([...index.values()]).toEqual([other, triggered]);
    expect(index.byId('BTCUSD_PERP', 7)).toBe(triggered);
    // Indexing the same record again changes nothing.
    index.add(other);
    expect([...index.values()]).toEqual([other, triggered]);
  });

  test('behavior: restore rebuilds the order and the client-id targets as they were', () => {
    const index = new OrderIndex();
    const old = order('BTCUSDT', 1, 'x', 'FILLED');
    const newer = order('BTCUSDT', 2, 'x', 'CANCELED');
    const eth = order('ETHUSDT', 3, 'y');
    for (const o of [old, newer, eth]) index.add(o);
    index.delete(newer);
    const restored = new OrderIndex();
    restored.restore(index.values(), index.clientIdTargets());
    expect([...restored.values()]).toEqual([old, eth]);
    // `x` led to the forgotten order, so it leads nowhere, though `old` still has that id.
    expect(restored.byClientId('BTCUSDT', 'x')).toBeUndefined();
    expect([...restored.clientIdTargets()]).toEqual([eth]);
    expect(restored.byId('BTCUSDT', 1)).toBe(old);
  });
});
