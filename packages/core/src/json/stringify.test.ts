import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseJson } from './parse.js';
import { stringifyJson } from './stringify.js';

const RUNS = 10_000;

// What parseJson returns for the JSON of `value`: bigints inside the safe range come back as numbers,
// numbers written as unsafe integer literals come back as bigints, -0 (written "0") as 0.
function reparsed(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (typeof value === 'number') {
    const literal = JSON.stringify(value);
    return /^-?[0-9]+$/.test(literal) && !Number.isSafeInteger(value) ? BigInt(literal) : JSON.parse(literal);
  }
  if (Array.isArray(value)) return value.map(reparsed);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, reparsed(item)]));
  }
  return value;
}

const order = {
  symbol: 'BTCUSDT',
  orderId: 8886774,
  clientOrderId: 'x-abc123',
  price: '63123.40',
  origQty: '0.003',
  status: 'NEW',
  reduceOnly: false,
  updateTime: 1718000000000,
};

describe('stringifyJson', () => {
  test('default', () => {
    expect(stringifyJson(order)).toBe(JSON.stringify(order));
    expect(stringifyJson({ ...order, orderId: 2n ** 60n })).toBe(
      JSON.stringify(order).replace('"orderId":8886774', '"orderId":1152921504606846976'),
    );
  });

  test('behavior: bigints are bare integers at any depth, negative ones too', () => {
    expect(stringifyJson(18446744073709551615n)).toBe('18446744073709551615');
    expect(stringifyJson(-9223372036854775808n)).toBe('-9223372036854775808');
    expect(stringifyJson(5n)).toBe('5');
    expect(stringifyJson([1n, [2n, { a: -3n }], 'x'])).toBe('[1,[2,{"a":-3}],"x"]');
    expect(stringifyJson({ e: 'ORDER_TRADE_UPDATE', o: { i: 2n ** 60n, t: 0, list: [2n ** 64n] } })).toBe(
      '{"e":"ORDER_TRADE_UPDATE","o":{"i":1152921504606846976,"t":0,"list":[18446744073709551616]}}',
    );
    expect(stringifyJson(Object(7n))).toBe('7');
    expect(stringifyJson({ boxed: Object(-8n) })).toBe('{"boxed":-8}');
  });

  test('behavior: toJSON is respected and may return a bigint', () => {
    const id = { toJSON: () => 9223372036854775807n };
    const withKey = { toJSON: (key: string) => ({ key, n: 9007199254740993n }) };
    expect(stringifyJson({ id, nested: { withKey } })).toBe(
      '{"id":9223372036854775807,"nested":{"withKey":{"key":"withKey","n":9007199254740993}}}',
    );
    expect(stringifyJson(new Date(0))).toBe('"1970-01-01T00:00:00.000Z"');
    expect(stringifyJson({ at: new Date(0), n: 1n })).toBe('{"at":"1970-01-01T00:00:00.000Z","n":1}');
  });

  test('behavior: undefined, functions, symbols, Map, NaN as in JSON.stringify, with or without bigints', () => {
    const odd = {
      u: undefined,
      f: () => 1,
      s: Symbol('s'),
      m: new Map([[1, 2]]),
      set: new Set([1]),
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      list: [undefined, () => 1, Symbol('t'), Number.NaN],
      str: new String('boxed'),
      num: new Number(3),
      bool: new Boolean(false),
      negZero: -0,
    };
    const expected = JSON.stringify(odd);
    expect(stringifyJson(odd)).toBe(expected);
    expect(stringifyJson({ ...odd, big: 1n })).toBe(`${expected.slice(0, -1)},"big":1}`);
  });

  test('behavior: a value with no JSON form, or a cycle, throws TypeError', () => {
    expect(() => stringifyJson(undefined)).toThrow(TypeError);
    expect(() => stringifyJson(() => 1)).toThrow(TypeError);
    expect(() => stringifyJson(Symbol('s'))).toThrow(TypeError);
    const cycle: Record<string, unknown> = { n: 1n };
    cycle.self = cycle;
    expect(() => stringifyJson(cycle)).toThrow(TypeError);
    expect(() => stringifyJson({ a: { toJSON: () => undefined } })).not.toThrow();
  });

  test('behavior: keys and strings holding the placeholder character are written untouched', () => {
    const mark = '\uE000';
    const value = {
      [`${mark}1`]: `${mark}123`,
      s: `${mark}${mark}-5`,
      boxed: new String(`${mark}7`),
      a: [`"${mark}9"`, 42n],
      id: 9007199254740993n,
    };
    const expected = JSON.stringify({ ...value, a: [`"${mark}9"`, 4242], id: 4343 })
      .replace('4242', '42')
      .replace('4343', '9007199254740993');
    expect(stringifyJson(value)).toBe(expected);
    expect(stringifyJson({ boxed: new String(`${mark}7`), n: 1n })).toBe(`{"boxed":"${mark}7","n":1}`);
    expect(stringifyJson({ s: `${mark}7`, n: 1n })).toBe(`{"s":"${mark}7","n":1}`);
    expect(stringifyJson({ [`${mark}7`]: 1n })).toBe(`{"${mark}7":1}`);
  });

  test('behavior: toJSON runs once when the value holds no bigint', () => {
    let calls = 0;
    stringifyJson({ a: { toJSON: () => ++calls } });
    expect(calls).toBe(1);
  });

  test('behavior: equals JSON.stringify on values without bigints', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(stringifyJson(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: RUNS },
    );
  });

  test('behavior: round trip through parseJson keeps every bigint', () => {
    const withBigInts = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
        fc.jsonValue({ maxDepth: 1 }),
        fc.constantFrom('\uE000', '\uE000-1', '"\uE0001"'),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string(), fc.constant('\uE000')), tie('value'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(withBigInts.value, (value) => {
        expect(parseJson(stringifyJson(value))).toEqual(reparsed(value));
      }),
      { numRuns: RUNS },
    );
  });

  test('behavior: stringifyJson(parseJson(text)) reproduces the integer digits', () => {
    for (const text of [
      '{"orderId":9223372036854775807,"list":[-9223372036854775808,18446744073709551615],"n":8886774}',
      '[9007199254740992,9007199254740993,-9007199254740993,9007199254740991]',
      '1152921504606846976',
      '{"e":"ORDER_TRADE_UPDATE","o":{"i":1152921504606846976,"p":"0.0065","rp":"0"}}',
    ]) {
      expect(stringifyJson(parseJson(text))).toBe(text);
    }
  });
  test('behavior: after a bigint, the next values are written the same (the direct writer)', () => {
    class Price {
      readonly value: string;
      constructor(value: string) {
        this.value = value;
      }
    }
    const date = new Date(1718000000000);
    const values: unknown[] = [
      { ...order, orderId: 2n ** 60n },
      order,
      { ...order, orderId: 2n ** 60n, price: new Price('1.5'), at: date },
      { ...order, orderId: 7n, toJSON: () => ({ replaced: 1n }) },
      { id: 1n, nested: [1, 'a', null, undefined, () => 1, Symbol('s'), Number.NaN, -0, 1e21, [2n]] },
      { id: 1n, skip: undefined, f: () => 1, map: new Map([[1, 2]]), boxed: Object(3n) },
      Object.assign(Object.create(null), { id: 3n, text: 'q"\\\u2028\ud800' }),
      [1n, { a: [{ b: 2n }] }],
      { id: 1n, deep: JSON.parse(`${'['.repeat(40)}1${']'.repeat(40)}`) },
      { id: 1n, many: Array.from({ length: 5000 }, (_, i) => i) },
      'text',
      5n,
    ];
    const replaced = (value: unknown): string =>
      JSON.stringify(value, (_key, item) =>
        typeof item === 'bigint' ? `<${item}>` : item instanceof BigInt ? `<${item.valueOf()}>` : item,
      ).replace(/"<(-?[0-9]+)>"/g, '$1');
    for (const value of [...values, ...values.reverse()]) expect(stringifyJson(value)).toBe(replaced(value));
    const cycle: Record<string, unknown> = { id: 1n };
    cycle.self = cycle;
    expect(() => stringifyJson(cycle)).toThrow(TypeError);
    expect(() => stringifyJson({ id: 1n, f: undefined, self: cycle })).toThrow(TypeError);
  });
});
