import { describe, expect, test } from 'vitest';
import type { ApiError } from './apiError.js';
import { ParamReader } from './params.js';

function codeOf(fn: () => unknown): { code: number; msg: string } {
  try {
    fn();
  } catch (error) {
    const e = error as ApiError;
    return { code: e.code, msg: e.msg };
  }
  throw new Error('expected a rejection');
}

describe('ParamReader', () => {
  test('default: reads strings, decimals, integers, ids and booleans', () => {
    const p = new ParamReader({
      symbol: 'BTCUSDT',
      price: '63123.40',
      limit: '5',
      orderId: '9007199254740993',
      reduceOnly: 'TRUE',
    });
    expect(p.requiredString('symbol')).toBe('BTCUSDT');
    expect(p.requiredDecimal('price').toString()).toBe('63123.40');
    expect(p.integer('limit')).toBe(5);
    expect(p.id('orderId')).toBe(9007199254740993n);
    expect(p.boolean('reduceOnly')).toBe(true);
    expect(p.string('absent')).toBeUndefined();
  });

  test('behavior: a missing mandatory parameter is -1102 naming it', () => {
    expect(codeOf(() => new ParamReader({ quantity: '' }).requiredDecimal('quantity'))).toEqual({
      code: -1102,
      msg: "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.",
    });
  });

  test('behavior: a malformed number is -1100 with the legal range', () => {
    expect(codeOf(() => new ParamReader({ price: '1e5' }).decimal('price')).code).toBe(-1100);
    expect(codeOf(() => new ParamReader({ limit: '5.5' }).integer('limit')).code).toBe(-1100);
  });

  test('behavior: invalid enums use the parameter’s own code', () => {
    expect(codeOf(() => new ParamReader({ side: 'buy' }).enumOf('side', ['BUY', 'SELL'])).code).toBe(-1117);
    expect(codeOf(() => new ParamReader({ type: 'X' }).enumOf('type', ['LIMIT'])).code).toBe(-1116);
    expect(codeOf(() => new ParamReader({ timeInForce: 'X' }).enumOf('timeInForce', ['GTC'])).code).toBe(
      -1115,
    );
    expect(
      codeOf(() => new ParamReader({ workingType: 'X' }).enumOf('workingType', ['MARK_PRICE'])).code,
    ).toBe(-1130);
  });

  test('behavior: JSON lists are strict', () => {
    expect(new ParamReader({ orderIdList: '[1,2]' }).jsonList('orderIdList')).toEqual([1, 2]);
    expect(codeOf(() => new ParamReader({ orderIdList: '[1, 2]' }).jsonList('orderIdList')).code).toBe(-1130);
    expect(codeOf(() => new ParamReader({ orderIdList: '{"a":1}' }).jsonList('orderIdList')).code).toBe(
      -1130,
    );
  });
});
