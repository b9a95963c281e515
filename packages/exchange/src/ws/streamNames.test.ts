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

  test('behavior: COIN-M reads symbols with a contract suffix, pair streams, and mark/index klines', () => {
    const cases: [string, unknown][] = [
      ['btcusd_perp@aggTrade', { kind: 'aggTrade', symbol: 'BTCUSD_PERP' }],
      ['btcusd_261225@depth@100ms', { kind: 'diffDepth', symbol: 'BTCUSD_261225', speed: 100 }],
      ['btcusd_perp@markPrice', { kind: 'markPrice', symbol: 'BTCUSD_PERP', cadence: 3000 }],
      ['btcusd@markPrice@1s', { kind: 'markPricePair', pair: 'BTCUSD', cadence: 1000 }],
      ['btcusd@indexPrice', { kind: 'indexPrice', pair: 'BTCUSD', cadence: 3000 }],
      ['ethusd@indexPrice@1s', { kind: 'indexPrice', pair: 'ETHUSD', cadence: 1000 }],
      ['btcusd_perp@markPriceKline_1m', { kind: 'markPriceKline', symbol: 'BTCUSD_PERP', interval: '1m' }],
      ['btcusd@indexPriceKline_1h', { kind: 'indexPriceKline', pair: 'BTCUSD', interval: '1h' }],
      [
        'btcusd_next_quarter@continuousKline_5m',
        { kind: 'continuousKline', pair: 'BTCUSD', contractType: 'NEXT_QUARTER', interval: '5m' },
      ],
      // USD-M's own streams: valid names, no data on COIN-M.
      ['!markPrice@arr', { kind: 'silent' }],
      ['!assetIndex@arr', { kind: 'silent' }],
      ['btcusd_perp@rpiDepth@500ms', { kind: 'silent' }],
      ['!ticker@arr', { kind: 'tickerAll' }],
      ['A'.repeat(64), { kind: 'listenKey', listenKey: 'A'.repeat(64) }],
    ];
    for (const [name, spec] of cases) expect(parseStreamName(name, 'coinm'), name).toEqual(spec);
    for (const name of [
      'btcusd_perp@indexPrice',
      'btcusd@markPriceKline_1m',
      'btcusd_perp@indexPriceKline_1m',
      'btcusd_tradifi_perpetual@continuousKline_1m',
      'btcusd_perp_x@depth',
    ]) {
      expect(parseStreamName(name, 'coinm'), name).toBeUndefined();
    }
    // USD-M knows none of COIN-M's additions.
    for (const name of ['btcusdt@indexPrice', 'btcusdt@markPriceKline_1m', 'btcusdt@indexPriceKline_1m']) {
      expect(parseStreamName(name), name).toBeUndefined();
    }
    expect(parseStreamName('btcusdt@markPrice')).toEqual({
      kind: 'markPrice',
      symbol: 'BTCUSDT',
      cadence: 3000,
    });
  });

  test('behavior: names with the same data share a feed key', () => {
    const key = (name: string): string => feedKey(parseStreamName(name) as MarketStreamSpec);
    expect(key('btcusdt@depth')).toBe(key('btcusdt@depth@250ms'));
    expect(key('btcusdt@depth5')).toBe(key('btcusdt@depth5@250ms'));
    expect(key('btcusdt@depth@500ms')).toBe(key('btcusdt@rpiDepth@500ms'));
    expect(key('btcusdt@depth')).not.toBe(key('btcusdt@depth@100ms'));
    expect(key('btcusdt@markPrice')).not.toBe(key('btcusdt@markPrice@1s'));
    const coinm = (name: string): string => feedKey(parseStreamName(name, 'coinm') as MarketStreamSpec);
    expect(coinm('btcusd@indexPrice')).not.toBe(coinm('btcusd@indexPrice@1s'));
    expect(coinm('btcusd@markPrice')).not.toBe(coinm('btcusd_perp@markPrice'));
  });
});
