import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeParams, restSigningPayload, stripSignature, wsApiSigningPayload } from './payload.js';

describe('encodeParams', () => {
  test('default', () => {
    expect(
      encodeParams({
        symbol: 'BTCUSDT',
        side: 'BUY',
        type: 'LIMIT',
        quantity: 1,
        price: '9000',
        timeInForce: 'GTC',
        recvWindow: 5000,
        timestamp: 1591702613943,
      }),
    ).toBe(
      'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943',
    );
  });

  test('behavior: booleans are "true"/"false"; null and undefined are dropped', () => {
    expect(encodeParams({ reduceOnly: true, a: undefined, closePosition: false, b: null, c: '' })).toBe(
      'reduceOnly=true&closePosition=false&c=',
    );
  });

  test('behavior: bigint ids keep every digit, bare and inside arrays', () => {
    const big = 12345678901234567890n;
    expect(encodeParams({ orderId: big })).toBe('orderId=12345678901234567890');
    expect(encodeParams({ orderIdList: [159856286502n, 159856313662n] })).toBe(
      'orderIdList=%5B159856286502%2C159856313662%5D',
    );
    expect(encodeParams({ orderIdList: [big] })).toBe('orderIdList=%5B12345678901234567890%5D');
  });

  test('behavior: batchOrders is compact JSON, percent-encoded', () => {
    const batchOrders = [
      {
        symbol: 'BTCUSDT',
        side: 'BUY',
        type: 'LIMIT',
        quantity: '0.001',
        price: '50000',
        timeInForce: 'GTC',
      },
      { symbol: 'BTCUSDT', side: 'SELL', type: 'MARKET', quantity: '0.001', reduceOnly: 'true' },
    ];
    const encoded = encodeParams({ batchOrders, timestamp: 1 });
    const value = decodeURIComponent(encoded.slice('batchOrders='.length, encoded.indexOf('&timestamp=')));
    expect(value).toBe(JSON.stringify(batchOrders));
    expect(value).not.toMatch(/\s/);
    expect(encoded).toMatch(/^batchOrders=%5B%7B%22symbol%22%3A%22BTCUSDT%22%2C/);
  });

  test('behavior: values and keys are encodeURIComponent-encoded', () => {
    expect(encodeParams({ symbol: '币安人生USDT', newClientOrderId: 'a b+c/d=e&f' })).toBe(
      'symbol=%E5%B8%81%E5%AE%89%E4%BA%BA%E7%94%9FUSDT&newClientOrderId=a%20b%2Bc%2Fd%3De%26f',
    );
    expect(encodeParams({ 'a&b': 1 })).toBe('a%26b=1');
  });

  test('behavior: a custom stringify is used for arrays and objects only', () => {
    expect(encodeParams({ list: [1, 2], n: 3 }, { stringify: () => 'X' })).toBe('list=X&n=3');
  });

  test('behavior: empty params give an empty string', () => {
    expect(encodeParams({})).toBe('');
  });
});

describe('encodeParams JSON values', () => {
  test('default', () => {
    expect(decodeURIComponent(encodeParams({ v: [1n, 'a', true, null, 1.5] }).slice(2))).toBe(
      '[1,"a",true,null,1.5]',
    );
  });

  test('behavior: follows JSON.stringify for bigint-free values', () => {
    const value = {
      a: [1, 'x"y', { b: undefined, c: null, d: Number.NaN }, undefined],
      e: { toJSON: () => 'T' },
    };
    expect(decodeURIComponent(encodeParams({ v: value }).slice(2))).toBe(JSON.stringify(value));
  });

  test('behavior: cycles throw', () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(() => encodeParams({ v: cyclic })).toThrow(TypeError);
  });
});

describe('restSigningPayload', () => {
  test('default', () => {
    expect(
      restSigningPayload(
        'symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC',
        'quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943',
      ),
    ).toBe(
      'symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTCquantity=1&price=9000&recvWindow=5000&timestamp=1591702613943',
    );
  });

  test('behavior: either side may be empty', () => {
    expect(restSigningPayload('a=1', '')).toBe('a=1');
    expect(restSigningPayload('', 'b=2')).toBe('b=2');
  });
});

describe('wsApiSigningPayload', () => {
  test('default', () => {
    const params = {
      symbol: 'BTCUSDT',
      side: 'SELL',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '0.01',
      price: '51000',
      newClientOrderId: 'x-cvBPrNm9abc',
      newOrderRespType: 'RESULT',
      recvWindow: 10000,
      returnRateLimits: false,
      apiKey: 'dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83',
      timestamp: 1591702613943,
      signature: 'ignored',
    };
    expect(wsApiSigningPayload(params)).toBe(
      'apiKey=dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83&newClientOrderId=x-cvBPrNm9abc' +
        '&newOrderRespType=RESULT&price=51000&quantity=0.01&recvWindow=10000&returnRateLimits=false' +
        '&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1591702613943&type=LIMIT',
    );
  });

  test('behavior: sort is by code unit (upper case before lower case), undefined dropped', () => {
    expect(wsApiSigningPayload({ b: 1, a: 2, B: 3, c: undefined })).toBe('B=3&a=2&b=1');
  });
});

describe('stripSignature', () => {
  test('default', () => {
    expect(stripSignature('symbol=BTCUSDT&timestamp=1591702613943&signature=3c661234')).toEqual({
      unsigned: 'symbol=BTCUSDT&timestamp=1591702613943',
      signature: '3c661234',
    });
  });

  test('behavior: no signature leaves the input untouched', () => {
    expect(stripSignature('symbol=BTCUSDT&x=%2B')).toEqual({
      unsigned: 'symbol=BTCUSDT&x=%2B',
      signature: undefined,
    });
    expect(stripSignature('')).toEqual({ unsigned: '', signature: undefined });
    expect(stripSignature('signatures=1&xsignature=2')).toEqual({
      unsigned: 'signatures=1&xsignature=2',
      signature: undefined,
    });
  });

  test('behavior: body form with a percent-encoded base64 signature', () => {
    expect(stripSignature('timestamp=1&quantity=1&signature=ab%2Bcd%2Fef%3D%3D')).toEqual({
      unsigned: 'timestamp=1&quantity=1',
      signature: 'ab+cd/ef==',
    });
  });

  test('behavior: a signature anywhere is removed; other bytes stay as sent', () => {
    expect(stripSignature('signature=aa&symbol=BTC%2DUSDT&b=1')).toEqual({
      unsigned: 'symbol=BTC%2DUSDT&b=1',
      signature: 'aa',
    });
    expect(stripSignature('signature=only')).toEqual({ unsigned: '', signature: 'only' });
  });

  test('behavior: a raw + stays +, malformed percent-encoding is returned raw, empty is empty', () => {
    expect(stripSignature('a=1&signature=ab+c').signature).toBe('ab+c');
    expect(stripSignature('a=1&signature=%E0%A4%A').signature).toBe('%E0%A4%A');
    expect(stripSignature('a=1&signature=').signature).toBe('');
    expect(stripSignature('a=1&signature').signature).toBe('');
  });

  test('behavior: the quick path for a trailing signature agrees with splitting the query', () => {
    // The general rule, written out: drop every part whose key is `signature`, return the last value.
    const reference = (raw: string) => {
      let signature: string | undefined;
      const kept: string[] = [];
      for (const part of raw.split('&')) {
        const eq = part.indexOf('=');
        if ((eq === -1 ? part : part.slice(0, eq)) !== 'signature') kept.push(part);
        else signature = eq === -1 ? '' : part.slice(eq + 1);
      }
      return { unsigned: kept.join('&'), signature };
    };
    const piece = fc.constantFrom('signature', '=', '&', 'a', 'x', '1', 'ab12', 'signatures');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const raw = pieces.join('');
        expect(stripSignature(raw)).toEqual(reference(raw));
      }),
      { numRuns: 20_000 },
    );
    const hex = 'a'.repeat(64);
    expect(stripSignature(`symbol=BTCUSDT&timestamp=1&signature=${hex}`)).toEqual({
      unsigned: 'symbol=BTCUSDT&timestamp=1',
      signature: hex,
    });
  });

  test('behavior: with two signatures, both are removed and the last is returned', () => {
    expect(stripSignature('signature=first&a=1&signature=second')).toEqual({
      unsigned: 'a=1',
      signature: 'second',
    });
  });
});
