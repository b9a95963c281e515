import { describe, expect, test } from 'vitest';
import { controlResult, parseControl } from './control.js';

describe('parseControl', () => {
  test('default: the five methods', () => {
    expect(parseControl('{"method":"SUBSCRIBE","params":["btcusdt@aggTrade"],"id":1}')).toEqual({
      ok: true,
      request: { method: 'SUBSCRIBE', id: 1, params: ['btcusdt@aggTrade'] },
    });
    expect(parseControl('{"method":"UNSUBSCRIBE","params":[],"id":312}')).toMatchObject({ ok: true });
    expect(parseControl('{"method":"LIST_SUBSCRIPTIONS","id":3}')).toEqual({
      ok: true,
      request: { method: 'LIST_SUBSCRIPTIONS', id: 3 },
    });
    expect(parseControl('{"method":"SET_PROPERTY","params":["combined",true],"id":5}')).toEqual({
      ok: true,
      request: { method: 'SET_PROPERTY', id: 5, value: true },
    });
    expect(parseControl('{"method":"GET_PROPERTY","params":["combined"],"id":2}')).toEqual({
      ok: true,
      request: { method: 'GET_PROPERTY', id: 2 },
    });
    // Ids above 2^53 stay exact.
    expect(parseControl('{"method":"LIST_SUBSCRIPTIONS","id":18446744073709551615}')).toMatchObject({
      request: { id: 18446744073709551615n },
    });
    expect(controlResult(null, 18446744073709551615n)).toBe('{"result":null,"id":18446744073709551615}');
  });

  test("behavior: Binance's error codes", () => {
    const reply = (text: string): unknown => {
      const parsed = parseControl(text);
      return parsed.ok ? parsed : { reply: JSON.parse(parsed.reply), close: parsed.close };
    };
    expect(reply('hello')).toEqual({
      reply: { error: { code: 3, msg: 'Invalid JSON: expected value at line 1 column 1' } },
      close: true,
    });
    expect(reply('[1]')).toMatchObject({ reply: { error: { code: 2 }, id: null }, close: false });
    expect(reply('{"method":"SUBSCRIBE","params":["a"],"id":-1}')).toMatchObject({
      reply: { error: { code: 2, msg: 'Invalid request: request ID must be an unsigned integer' } },
    });
    expect(reply('{"method":"SUBSCRIBE","params":[1],"id":1}')).toMatchObject({
      reply: { error: { code: 2 }, id: 1 },
    });
    expect(reply('{"method":"SUBSCRIBE","id":1}')).toMatchObject({
      reply: { error: { code: 2, msg: 'Invalid request: missing field `params` at line 1 column 29' } },
    });
    expect(reply('{"method":"SET_PROPERTY","params":["combined",true,1],"id":1}')).toMatchObject({
      reply: { error: { code: 2, msg: 'Invalid request: too many parameters' } },
    });
    expect(reply('{"method":"GET_PROPERTY","params":["other"],"id":4}')).toEqual({
      reply: { error: { code: 0, msg: 'Unknown property' }, id: 4 },
      close: false,
    });
    expect(reply('{"method":"SET_PROPERTY","params":["combined",1],"id":4}')).toMatchObject({
      reply: { error: { code: 1, msg: 'Invalid value type: expected Boolean' } },
    });
  });
});
