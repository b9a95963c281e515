import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BasisError } from '../errors/baseError.js';
import { JsonParseError } from './errors.js';
import { locateJsonError } from './locateError.js';
import { parseJson, parseJsonBytes } from './parse.js';
import { isUnsafeInteger } from './unsafeInteger.js';

const RUNS = 10_000;

/** A JSON text and the value `parseJson` must return for it. */
type Doc = { readonly text: string; readonly value: unknown };

// The rule under test, stated directly: an integer literal whose value is not a safe integer is a
// bigint with its exact digits; every other literal is what JSON.parse makes of it.
function expectedNumber(literal: string): number | bigint {
  const value: unknown = JSON.parse(literal);
  if (/^-?[0-9]+$/.test(literal) && !Number.isSafeInteger(value)) return BigInt(literal);
  return value as number;
}

// For text written by JSON.stringify, every number is the canonical literal of a double, so the
// expected value follows from JSON.parse's result.
function expectedFromDoubles(value: unknown): unknown {
  if (typeof value === 'number') {
    const literal = String(value);
    return /^-?[0-9]+$/.test(literal) && !Number.isSafeInteger(value) ? BigInt(literal) : value;
  }
  if (Array.isArray(value)) return value.map(expectedFromDoubles);
  if (typeof value === 'object' && value !== null) return mapObject(value, expectedFromDoubles);
  return value;
}

// Rounds bigints as JSON.parse rounds the same literal (both are correctly rounded conversions).
function roundedLikeJsonParse(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(roundedLikeJsonParse);
  if (typeof value === 'object' && value !== null) return mapObject(value, roundedLikeJsonParse);
  return value;
}

function mapObject(object: object, map: (value: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) define(out, key, map(value));
  return out;
}

// CreateDataProperty, as JSON.parse does it: "__proto__" becomes an own property.
function define(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

function bigintsIn(value: unknown, found: bigint[] = []): bigint[] {
  if (typeof value === 'bigint') found.push(value);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) bigintsIn(item, found);
  return found;
}

function parseError(text: string): JsonParseError {
  try {
    parseJson(text);
  } catch (error) {
    if (error instanceof JsonParseError) return error;
    throw error;
  }
  throw new Error(`parseJson accepted ${JSON.stringify(text)}`);
}

// --- Arbitraries: documents built together with the value they must parse to --------------------

const whitespace = fc.constantFrom('', '', '', ' ', '\n', '\t', '\r\n', '  ');

const unsafeIntegerDoc = fc
  .oneof(
    fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }),
    fc.bigInt({ min: -(2n ** 70n), max: -(2n ** 53n) }),
    fc.constantFrom(
      2n ** 53n,
      2n ** 53n + 1n,
      -(2n ** 53n),
      -(2n ** 53n) - 1n,
      2n ** 60n,
      9223372036854775807n,
      -9223372036854775808n,
      18446744073709551615n,
    ),
  )
  .map((value): Doc => ({ text: value.toString(), value }));

const numberDoc = fc
  .oneof(
    fc.stringMatching(/^-?(0|[1-9][0-9]{0,30})(\.[0-9]{1,30})?([eE][+-]?[0-9]{1,3})?$/),
    fc.integer().map(String),
    fc.constantFrom(
      '9007199254740991',
      '-9007199254740991',
      '1234567890123456',
      '0',
      '-0',
      '-0.0',
      '1e21',
      '1E400',
      '-1e-400',
      '0.0065',
      '0.12345678901234567890',
      '12345678901234567890.5',
      '12345678901234567890e0',
      '1.7976931348623157e308',
      '5e-324',
    ),
  )
  .map((text): Doc => ({ text, value: expectedNumber(text) }));

const stringValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.stringMatching(/^[0-9]{14,70}$/),
  fc.stringMatching(/^[-.0-9eE"\\:,[\]{} ]{0,40}$/),
  fc.constantFrom(
    '0.00000000000000001',
    '12345678901234567890',
    '-9223372036854775808',
    'pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1',
    '\\',
    '"',
    '\\"9007199254740993',
    '__proto__',
  ),
);

// Writes a string literal, escaping what must be escaped and, where `escapeAll` says so, other
// characters too (as \uXXXX), so escapes appear before digits, quotes and backslashes.
function stringDoc(value: string, escapeAll: readonly boolean[]): Doc {
  let text = '"';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    const code = value.charCodeAt(i);
    if (escapeAll[i % Math.max(1, escapeAll.length)] === true)
      text += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (char === '"' || char === '\\' || code < 0x20) text += JSON.stringify(char).slice(1, -1);
    else text += char;
  }
  return { text: `${text}"`, value };
}

const stringLiteralDoc = fc
  .tuple(stringValue, fc.array(fc.boolean(), { maxLength: 4 }))
  .map(([value, escapes]) => stringDoc(value, escapes));

const keyDoc = fc
  .tuple(
    fc.oneof(stringValue, fc.constantFrom('__proto__', 'constructor', '0', '12', 'a', 'b')),
    fc.boolean(),
  )
  .map(([key, escapeSome]) => stringDoc(key, escapeSome ? [true, false] : []));

const leafDoc = fc.oneof(
  unsafeIntegerDoc,
  numberDoc,
  stringLiteralDoc,
  fc.constantFrom<Doc>(
    { text: 'true', value: true },
    { text: 'false', value: false },
    { text: 'null', value: null },
  ),
);

const { doc: documentDoc } = fc.letrec<{ doc: Doc }>((tie) => ({
  doc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafDoc,
    fc.tuple(fc.array(fc.tuple(whitespace, tie('doc'), whitespace), { maxLength: 5 }), whitespace).map(
      ([items, inner]): Doc => ({
        text:
          items.length === 0 ? `[${inner}]` : `[${items.map(([a, item, b]) => a + item.text + b).join(',')}]`,
        value: items.map(([, item]) => item.value),
      }),
    ),
    fc
      .tuple(fc.array(fc.tuple(keyDoc, whitespace, tie('doc'), whitespace), { maxLength: 5 }), whitespace)
      .map(([members, inner]): Doc => {
        const value: Record<string, unknown> = {};
        for (const [key, , item] of members) define(value, key.value as string, item.value);
        const text = members.map(
          ([key, gap, item, after]) => `${gap}${key.text}${gap}:${after}${item.text}${after}`,
        );
        return { text: members.length === 0 ? `{${inner}}` : `{${text.join(',')}}`, value };
      }),
  ),
}));

const topLevelDoc = fc
  .tuple(whitespace, documentDoc, whitespace)
  .map(([before, doc, after]): Doc => ({ text: before + doc.text + after, value: doc.value }));

// Broken variants of valid documents: a character deleted, inserted, replaced, or the text cut short.
const editedText = fc
  .tuple(
    topLevelDoc,
    fc.nat(),
    fc.constantFrom('delete', 'insert', 'replace', 'truncate'),
    fc.constantFrom(...'{}[]",:.-+eE0123456789 \\tfnu\u0000\u001f\u007f\u00a0x'),
  )
  .map(([doc, at, edit, char]) => {
    const text = doc.text;
    const i = text.length === 0 ? 0 : at % text.length;
    if (edit === 'delete') return text.slice(0, i) + text.slice(i + 1);
    if (edit === 'insert') return text.slice(0, i) + char + text.slice(i);
    if (edit === 'replace') return text.slice(0, i) + char + text.slice(i + 1);
    return text.slice(0, i);
  });

// --- Tests ---------------------------------------------------------------------------------------

describe('parseJson', () => {
  test('default', () => {
    expect(
      parseJson('{"symbol":"BTCUSDT","orderId":1152921504606846976,"price":"63123.40","time":1718000000000}'),
    ).toEqual({ symbol: 'BTCUSDT', orderId: 1152921504606846976n, price: '63123.40', time: 1718000000000 });
  });

  test('behavior: integers at and beyond the safe range are exact', () => {
    const cases: readonly [string, number | bigint][] = [
      ['9007199254740991', 9007199254740991],
      ['-9007199254740991', -9007199254740991],
      ['9007199254740992', 9007199254740992n],
      ['9007199254740993', 9007199254740993n],
      ['-9007199254740992', -9007199254740992n],
      ['-9007199254740993', -9007199254740993n],
      ['9223372036854775807', 9223372036854775807n],
      ['-9223372036854775808', -9223372036854775808n],
      ['18446744073709551615', 18446744073709551615n],
      ['123456789012345678901234567890', 123456789012345678901234567890n],
    ];
    const places: readonly [string, (literal: string) => string, (value: unknown) => unknown][] = [
      ['top level', (n) => n, (v) => v],
      ['followed by whitespace', (n) => ` \n${n} \t\r\n`, (v) => v],
      ['in an array', (n) => `[1,${n},2]`, (v) => [1, v, 2]],
      ['as the last token', (n) => `[${n}]`, (v) => [v]],
      ['last in an object', (n) => `{"a":"x","id":${n}}`, (v) => ({ a: 'x', id: v })],
      ['nested', (n) => `{"a":[{"b":{"c":[0,${n} ]}}]}`, (v) => ({ a: [{ b: { c: [0, v] } }] })],
      [
        'after strings with digits',
        (n) => `["123456789012345678","\\"",${n}]`,
        (v) => ['123456789012345678', '"', v],
      ],
    ];
    for (const [literal, value] of cases) {
      for (const [place, write, wrap] of places) {
        const parsed = parseJson(write(literal));
        expect(parsed, `${literal} ${place}`).toEqual(wrap(value));
      }
    }
    expect(typeof parseJson('9007199254740991')).toBe('number');
    expect(parseJson('9007199254740993')).toBe(9007199254740993n);
  });

  test('behavior: the same id is equal wherever it appears', () => {
    const frame = parseJson(
      '{"a":[9007199254740993,8886774],"b":{"id":9007199254740993,"small":8886774}}',
    ) as {
      a: unknown[];
      b: { id: unknown; small: unknown };
    };
    expect(frame.a[0] === frame.b.id).toBe(true);
    expect(frame.a[1] === frame.b.small).toBe(true);
  });

  test('behavior: digit runs inside strings and keys stay strings', () => {
    const listenKey = 'pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1';
    const digitsKey = '1234567890123456789012345678901234567890123456789012345678901234';
    const text = JSON.stringify({
      listenKey,
      digitsKey,
      p: '0.00000000000000001',
      id: '9223372036854775807',
      '12345678901234567890': 12345678901234567890n.toString(),
      escaped: '\\"9007199254740993',
    });
    expect(parseJson(text)).toEqual(JSON.parse(text));
    expect(parseJson(`${text.slice(0, -1)},"n":9007199254740993}`)).toEqual({
      ...JSON.parse(text),
      n: 9007199254740993n,
    });
  });

  test('behavior: floats, exponents and -0 parse as JSON.parse parses them', () => {
    for (const literal of [
      '0.0065',
      '0.12345678901234567890',
      '12345678901234567890.5',
      '12345678901234567890e0',
      '1e21',
      '1E400',
      '-1e-400',
      '-0',
      '-0.0',
      '1.7976931348623157e308',
    ]) {
      expect(Object.is(parseJson(literal), JSON.parse(literal)), literal).toBe(true);
      expect(parseJson(`{"v":[${literal}]}`), literal).toEqual(JSON.parse(`{"v":[${literal}]}`));
    }
  });

  test('behavior: escaped quotes, backslashes and escaped keys do not confuse the scan', () => {
    const text =
      '{"a\\"":"\\\\","\\u0062":9007199254740993,"c":"\\\\\\"","d":[{},"e",[],18446744073709551615]}';
    expect(parseJson(text)).toEqual({
      'a"': '\\',
      b: 9007199254740993n,
      c: '\\"',
      d: [{}, 'e', [], 18446744073709551615n],
    });
  });

  test('behavior: duplicate keys resolve as in JSON.parse (the last wins)', () => {
    expect(parseJson('{"a":9007199254740993,"a":1}')).toEqual({ a: 1 });
    expect(parseJson('{"a":1,"a":9007199254740993}')).toEqual({ a: 9007199254740993n });
    expect(parseJson('{"a":9007199254740993,"a":9007199254740992.0}')).toEqual({ a: 9007199254740992 });
    expect(
      parseJson('{"a":{"b":9007199254740993},"a":{"c":9007199254740993},"d":[9007199254740995]}'),
    ).toEqual({
      a: { c: 9007199254740993n },
      d: [9007199254740995n],
    });
    expect(parseJson('{"a":{"b":9007199254740993,"b":2},"c":9007199254740994}')).toEqual({
      a: { b: 2 },
      c: 9007199254740994n,
    });
  });

  test('behavior: "__proto__" is an own property, never a prototype', () => {
    const direct = parseJson('{"__proto__":9007199254740993}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(direct)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(direct, '__proto__')?.value).toBe(9007199254740993n);

    const nested = parseJson('{"__proto__":{"polluted":9007199254740993,"n":1}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(nested, '__proto__')?.value).toEqual({
      polluted: 9007199254740993n,
      n: 1,
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(nested)).toEqual(['__proto__']);
  });

  test('behavior: key order is JSON.parse key order', () => {
    const text = '{"z":9007199254740993,"b":1,"10":2,"a":18446744073709551615,"2":3}';
    expect(Object.keys(parseJson(text) as object)).toEqual(Object.keys(JSON.parse(text)));
  });

  test('behavior: deep nesting on the slow path', () => {
    const depth = 5_000;
    const parsed = parseJson(`${'['.repeat(depth)}9007199254740993${']'.repeat(depth)}`);
    let inner: unknown = parsed;
    for (let i = 0; i < depth; i++) inner = (inner as unknown[])[0];
    expect(inner).toBe(9007199254740993n);
  });

  test('behavior: reads a non-string argument as JSON.parse does', () => {
    expect(parseJson(12345678901234567890n as unknown as string)).toBe(12345678901234567890n);
    expect(parseJson(Buffer.from('[1]') as unknown as string)).toEqual([1]);
  });

  test('behavior: equals the rule on generated documents with long digit runs, escapes and unsafe ids', () => {
    fc.assert(
      fc.property(topLevelDoc, ({ text, value }) => {
        expect(parseJson(text)).toEqual(value);
      }),
      { numRuns: RUNS },
    );
  });

  test('behavior: equals JSON.parse (unsafe integer literals aside) on fc.json()', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(parseJson(text)).toEqual(expectedFromDoubles(JSON.parse(text)));
      }),
      { numRuns: RUNS },
    );
  });

  test('behavior: equals JSON.parse (unsafe integer literals aside) on fc.jsonValue(), indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2);
        const parsed = parseJson(text);
        expect(parsed).toEqual(expectedFromDoubles(JSON.parse(text)));
        expect(Object.keys(Object(parsed))).toEqual(Object.keys(Object(JSON.parse(text))));
      }),
      { numRuns: RUNS },
    );
  });

  test('behavior: accepts and rejects exactly what JSON.parse does, on edited documents', () => {
    fc.assert(
      fc.property(editedText, (text) => {
        let native: { ok: true; value: unknown } | { ok: false };
        try {
          native = { ok: true, value: JSON.parse(text) };
        } catch {
          native = { ok: false };
        }
        if (native.ok) {
          const parsed = parseJson(text);
          expect(roundedLikeJsonParse(parsed)).toEqual(native.value);
          expect(bigintsIn(parsed).every(isUnsafeInteger)).toBe(true);
          expect(locateJsonError(text)).toBeUndefined();
        } else {
          expect(locateJsonError(text)).toBeDefined();
          const error = parseError(text);
          expect(error.position).toBeGreaterThanOrEqual(0);
          expect(error.position).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('behavior: invalid JSON throws JsonParseError with position, line and column', () => {
    const cases: readonly [text: string, position: number, reason: string][] = [
      ['', 0, 'unexpected end of input'],
      ['   ', 3, 'unexpected end of input'],
      ['{', 1, 'unexpected end of input'],
      ['{"a":1', 6, 'unexpected end of input'],
      ['[9007199254740993', 17, 'unexpected end of input'],
      ['[1,]', 3, "expected a value, found ']'"],
      ['{"a":1,}', 7, "expected a double-quoted property name, found '}'"],
      ['{"a":9007199254740993,}', 22, "expected a double-quoted property name, found '}'"],
      ['{a:1}', 1, "expected a double-quoted property name, found 'a'"],
      ['{"a" 1}', 5, "expected ':' after a property name, found '1'"],
      ['{"a":1 "b":2}', 7, "expected ',' or '}' after a property value, found '\"'"],
      ['[1 2]', 3, "expected ',' or ']' after an array element, found '2'"],
      ['01', 1, "leading zeros are not allowed, found '1'"],
      ['[-01]', 3, "leading zeros are not allowed, found '1'"],
      ['-', 1, 'unexpected end of input'],
      ['-a', 1, "expected a digit after '-', found 'a'"],
      ['1.', 2, 'unexpected end of input'],
      ['1.e5', 2, "expected a digit after the decimal point, found 'e'"],
      ['.5', 0, "expected a value, found '.'"],
      ['1e+', 3, 'unexpected end of input'],
      ['1e+]', 3, "expected a digit in the exponent, found ']'"],
      ['+1', 0, "expected a value, found '+'"],
      ['tru', 3, 'unexpected end of input'],
      ['nul1', 3, "expected 'null', found '1'"],
      ['NaN', 0, "expected a value, found 'N'"],
      ['Infinity', 0, "expected a value, found 'I'"],
      ["'a'", 0, "expected a value, found '''"],
      ['"abc', 4, 'unterminated string'],
      ['"\\x"', 2, "bad escape sequence, found 'x'"],
      ['"\\u12g4"', 5, "expected 4 hex digits after \\u, found 'g'"],
      ['"a\u0001"', 2, 'control character in a string (it must be escaped), found U+0001'],
      ['1 2', 2, "unexpected character after the JSON value, found '2'"],
      ['{} x', 3, "unexpected character after the JSON value, found 'x'"],
      ['\uFEFF1', 0, 'expected a value, found U+FEFF'],
      ['[1,\n 2,\n ]', 9, "expected a value, found ']'"],
    ];
    for (const [text, position, reason] of cases) {
      expect(() => JSON.parse(text), text).toThrow(SyntaxError);
      const error = parseError(text);
      expect(error.name).toBe('JsonParseError');
      expect(error).toBeInstanceOf(Error);
      expect({ text, position: error.position, reason: error.reason }).toEqual({ text, position, reason });
    }
    const multiline = parseError('{\n  "a": 1,\n  "b": }');
    expect([multiline.line, multiline.column, multiline.position]).toEqual([3, 8, 19]);
    expect(multiline.shortMessage).toBe(
      "Invalid JSON at line 3 column 8 (position 19): expected a value, found '}'",
    );
    expect(multiline).toBeInstanceOf(BasisError);
  });

  test('behavior: the message never quotes the input', () => {
    const error = parseError(
      '{"listenKey":"pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1",}',
    );
    expect(error.message).not.toContain('pqia91');
    expect(error.cause).toBeUndefined();
  });
});

describe('parseJsonBytes', () => {
  test('default', () => {
    const body = Buffer.from('{"orderId":9223372036854775807,"symbol":"BTCUSDT","note":"€ 63 123,40"}');
    expect(parseJsonBytes(body)).toEqual({
      orderId: 9223372036854775807n,
      symbol: 'BTCUSDT',
      note: '€ 63 123,40',
    });
  });

  test('behavior: takes any Uint8Array view, drops a byte-order mark, replaces malformed UTF-8', () => {
    const bytes = new TextEncoder().encode('xx[18446744073709551615,"ü"]yy');
    expect(parseJsonBytes(bytes.subarray(2, bytes.length - 2))).toEqual([18446744073709551615n, 'ü']);
    expect(parseJsonBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x31]))).toBe(1);
    expect(parseJsonBytes(new Uint8Array([0x22, 0xff, 0x22]))).toBe('\uFFFD');
  });

  test('behavior: invalid JSON throws JsonParseError with a position in the decoded text', () => {
    expect(() => parseJsonBytes(Buffer.from('{"a":€}'))).toThrow(JsonParseError);
    let position = -1;
    try {
      parseJsonBytes(Buffer.from('["€",]'));
    } catch (error) {
      if (error instanceof JsonParseError) position = error.position;
    }
    expect(position).toBe(5);
  });
});

describe('parseJson on Binance payloads', () => {
  test('behavior: a depth snapshot', () => {
    const text =
      '{"lastUpdateId":1027024,"E":1589436922972,"T":1589436922959,"bids":[["4.00000000","431.00000000"],["3.99000000","9.00000000"]],"asks":[["4.00000200","12.00000000"]]}';
    expect(parseJson(text)).toEqual(JSON.parse(text));
    expect(parseJson(text.replace('1027024', '9007199254740993'))).toMatchObject({
      lastUpdateId: 9007199254740993n,
      bids: [
        ['4.00000000', '431.00000000'],
        ['3.99000000', '9.00000000'],
      ],
    });
  });

  const orderTradeUpdate = (orderId: string, tradeId: string) =>
    `{"e":"ORDER_TRADE_UPDATE","E":1568879465651,"T":1568879465650,"o":{"s":"BTCUSDT","c":"TEST","S":"SELL","o":"TRAILING_STOP_MARKET","f":"GTC","q":"0.001","p":"0","ap":"0","sp":"7103.04","x":"NEW","X":"NEW","i":${orderId},"l":"0","z":"0","L":"0","N":"USDT","n":"0","T":1568879465650,"t":${tradeId},"b":"0","a":"9.91","m":false,"R":false,"wt":"CONTRACT_PRICE","ot":"TRAILING_STOP_MARKET","ps":"LONG","cp":false,"AP":"7476.89","cr":"5.0","pP":false,"si":0,"ss":0,"rp":"0","V":"EXPIRE_TAKER","pm":"OPPONENT","gtd":0,"er":"0"}}`;

  test('behavior: ORDER_TRADE_UPDATE with a small orderId is exactly JSON.parse', () => {
    const text = orderTradeUpdate('8886774', '0');
    const parsed = parseJson(text) as { o: { i: unknown; t: unknown } };
    expect(parsed).toStrictEqual(JSON.parse(text));
    expect(parsed.o.i).toBe(8886774);
  });

  test('behavior: ORDER_TRADE_UPDATE with orderId 2^60 keeps every digit', () => {
    const parsed = parseJson(orderTradeUpdate('1152921504606846976', '1152921504606846977')) as {
      E: unknown;
      o: { i: unknown; t: unknown; sp: unknown };
    };
    expect(parsed.o.i).toBe(2n ** 60n);
    expect(parsed.o.t).toBe(2n ** 60n + 1n);
    expect(parsed.E).toBe(1568879465651);
    expect(parsed.o.sp).toBe('7103.04');
  });

  test('behavior: a /fapi/v2/account response', () => {
    const text = `{"feeTier":0,"feeBurn":true,"canTrade":true,"canDeposit":true,"canWithdraw":true,"updateTime":0,"multiAssetsMargin":false,"tradeGroupId":-1,"totalInitialMargin":"0.00000000","totalMaintMargin":"0.00000000","totalWalletBalance":"103.12345678","totalUnrealizedProfit":"0.00000000","totalMarginBalance":"103.12345678","totalPositionInitialMargin":"0.00000000","totalOpenOrderInitialMargin":"0.00000000","totalCrossWalletBalance":"103.12345678","totalCrossUnPnl":"0.00000000","availableBalance":"103.12345678","maxWithdrawAmount":"103.12345678","assets":[{"asset":"USDT","walletBalance":"23.72469206","unrealizedProfit":"0.00000000","marginBalance":"23.72469206","maintMargin":"0.00000000","initialMargin":"0.00000000","positionInitialMargin":"0.00000000","openOrderInitialMargin":"0.00000000","crossWalletBalance":"23.72469206","crossUnPnl":"0.00000000","availableBalance":"23.72469206","maxWithdrawAmount":"23.72469206","marginAvailable":true,"updateTime":1625474304765}],"positions":[{"symbol":"BTCUSDT","initialMargin":"0","maintMargin":"0","unrealizedProfit":"0.00000000","positionInitialMargin":"0","openOrderInitialMargin":"0","leverage":"100","isolated":true,"entryPrice":"0.00000","maxNotional":"250000","bidNotional":"0","askNotional":"0","positionSide":"BOTH","positionAmt":"0","updateTime":0}]}`;
    const parsed = parseJson(text) as { tradeGroupId: unknown; assets: { walletBalance: unknown }[] };
    expect(parsed).toStrictEqual(JSON.parse(text));
    expect(parsed.tradeGroupId).toBe(-1);
    expect(parsed.assets[0]?.walletBalance).toBe('23.72469206');
  });

  test('behavior: a combined-stream aggTrade frame', () => {
    const text =
      '{"stream":"btcusdt@aggTrade","data":{"e":"aggTrade","E":123456789,"s":"BTCUSDT","a":5933014,"p":"0.001","q":"100","nq":"100","f":100,"l":105,"T":123456785,"m":true}}';
    expect(parseJson(text)).toStrictEqual(JSON.parse(text));
    const big = text.replace('"a":5933014', '"a":9223372036854775807');
    expect(parseJson(big)).toEqual({
      ...JSON.parse(text),
      data: { ...JSON.parse(text).data, a: 9223372036854775807n },
    });
  });
});
