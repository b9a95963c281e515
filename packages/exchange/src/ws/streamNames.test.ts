import { describe, expect, test } from 'vitest';
import { feedKey, type MarketStreamSpec, parseStreamName } from './streamNames.js';

describe('parseStreamName', () => {
  test('default: every stream of §9.4', () => {
    const cases: [string, unknown][] = [
      ['btcusdt@aggTrade', { kind: 'aggTrade', symbol: 'BTCUSDT' }],
      ['btcusdt@trade', { kind: 'trade', symbol: 'BTCUSDT' }],
      ['btcusdt@markPrice', { kind: 'markPrice', symbol: 'BTCUSDT', cadence: 3000 }],
      ['btcusdt@markPrice@1s', { kind: 'markPrice', symbol: 'BTCUSDT', cadence: 1000 }],
      ['!markPrice@arr', { kind: 'markPriceAll', cadence: 3000 }],
      ['!markPrice@arr@1s', { kind: 'markPriceAll', cadence: 1000 }],
      ['btcusdt@kline_1M', { kind: 'kline', symbol: 'BTCUSDT', interval: '1M' }],
      ['btcusdt@kline_15m', { kind: 'kline', symbol: 'BTCUSDT', interval: '15m' }],
      [
        'btcusdt_perpetual@continuousKline_1h',
        { kind: 'continuousKline', pair: 'BTCUSDT', contractType: 'PERPETUAL', interval: '1h' },
      ],
      [
        'btcusdt_current_quarter@continuousKline_1d',
        { kind: 'continuousKline', pair: 'BTCUSDT', contractType: 'CURRENT_QUARTER', interval: '1d' },
      ],
      ['ethusdt@miniTicker', { kind: 'miniTicker', symbol: 'ETHUSDT' }],
      ['!miniTicker@arr', { kind: 'miniTickerAll' }],
      ['ethusdt@ticker', { kind: 'ticker', symbol: 'ETHUSDT' }],
      ['!ticker@arr', { kind: 'tickerAll' }],
      ['ethusdt@bookTicker', { kind: 'bookTicker', symbol: 'ETHUSDT' }],
      ['!bookTicker', { kind: 'bookTickerAll' }],
      ['ethusdt@forceOrder', { kind: 'forceOrder', symbol: 'ETHUSDT' }],
      ['!forceOrder@arr', { kind: 'forceOrderAll' }],
      ['1000shibusdt@depth5', { kind: 'partialDepth', symbol: '1000SHIBUSDT', levels: 5, speed: 250 }],
      ['btcusdt@depth20@100ms', { kind: 'partialDepth', symbol: 'BTCUSDT', levels: 20, speed: 100 }],
      ['btcusdt@depth', { kind: 'diffDepth', symbol: 'BTCUSDT', speed: 250 }],
      ['btcusdt@depth@500ms', { kind: 'diffDepth', symbol: 'BTCUSDT', speed: 500 }],
      ['btcusdt@rpiDepth@500ms', { kind: 'diffDepth', symbol: 'BTCUSDT', speed: 500 }],
      ['!contractInfo', { kind: 'silent' }],
      ['A'.repeat(64), { kind: 'listenKey', listenKey: 'A'.repeat(64) }],
    ];
    for (const [name, spec] of cases) expect(parseStreamName(name), name).toEqual(spec);
  });

  test('behavior: names that are not streams are undefined', () => {
    for (const name of [
      '0',
      '12',
      '',
      'btcusdt',
      'btcusdt@',
      'btcusdt@aggtrade',
      'btcusdt@kline_2m',
      'btcusdt@depth15',
      'btcusdt@depth@1000ms',
      'btcusdt@markPrice@3s',
      'btcusdt_weekly@continuousKline_1m',
      'btc-usdt@trade',
      '!ticker',
      'A'.repeat(63),
    ]) {
      expect(parseStreamName(name), name).toBeUndefined();
    }
  });

  test('behavior: names with the same data share a feed key', () => {
    const key = (name: string): string => feedKey(parseStreamName(name) as MarketStreamSpec);
    expect(key('btcusdt@depth')).toBe(key('btcusdt@depth@250ms'));
    expect(key('btcusdt@depth5')).toBe(key('btcusdt@depth5@250ms'));
    expect(key('btcusdt@depth@500ms')).toBe(key('btcusdt@rpiDepth@500ms'));
    expect(key('btcusdt@depth')).not.toBe(key('btcusdt@depth@100ms'));
    expect(key('btcusdt@markPrice')).not.toBe(key('btcusdt@markPrice@1s'));
  });
});
