import { describe, expect, test } from 'vitest';
import type { KlineStore } from '../../marketData/klines.js';
import { type KlineFormat, SAMPLE_KLINE_FORMAT, tradeKlineFormat } from './format.js';
import {
  INDEX_PRICE_KLINES,
  type KlineRowsOf,
  type KlineSource,
  klineHandler,
  MARK_PRICE_KLINES,
  PREMIUM_INDEX_KLINES,
  TRADE_KLINES,
} from './klineQuery.js';
import type { KlineRequest } from './query.js';
import { rejection, T0, tradingVenue } from './testing.js';

/** What a handler passed to its product's `rowsOf`, kept instead of candles. */
interface RowsCall {
  readonly store: KlineStore;
  readonly request: KlineRequest;
  readonly now: number;
  readonly format: KlineFormat;
}

const recordCall: KlineRowsOf<RowsCall> = (store, request, now, format) => [{ store, request, now, format }];

describe('klineHandler', () => {
  const { venue } = tradingVenue();
  const btc = venue.market('BTCUSDT');
  // Each source with the store and format it must read, on BTCUSDT (its own pair on USD-M).
  const cases: [string, KlineSource, KlineStore, KlineFormat][] = [
    ['trade', TRADE_KLINES, btc.klines, tradeKlineFormat(btc)],
    ['mark price', MARK_PRICE_KLINES, btc.markKlines, SAMPLE_KLINE_FORMAT],
    ['premium index', PREMIUM_INDEX_KLINES, btc.premiumKlines, SAMPLE_KLINE_FORMAT],
    ['index price', INDEX_PRICE_KLINES, btc.indexKlines, SAMPLE_KLINE_FORMAT],
  ];

  test.each(cases)(
    'behavior: %s klines give rowsOf their store, the request, the time and their format',
    (_, source, store, format) => {
      const raw = {
        [source.param]: 'BTCUSDT',
        interval: '5m',
        startTime: `${T0}`,
        endTime: `${T0 + 60_000}`,
        limit: '7',
      };
      const [call] = klineHandler(source, recordCall)(venue, { now: T0 + 1, account: undefined }, raw);
      expect(call!.store).toBe(store);
      expect(call!.request).toEqual({ interval: '5m', startTime: T0, endTime: T0 + 60_000, limit: 7 });
      expect(call!.now).toBe(T0 + 1);
      expect(call!.format).toEqual(format);
    },
  );

  test.each(cases)('errors: %s klines check the parameters before looking the market up', (_, source) => {
    const handle = klineHandler(source, recordCall);
    const code = (raw: Record<string, string>) =>
      rejection(() => handle(venue, { now: T0, account: undefined }, raw)).code;
    expect(code({ interval: '1m' })).toBe(-1102);
    expect(code({ [source.param]: 'NOPE', interval: '7m' })).toBe(-1120);
    expect(code({ [source.param]: 'NOPE', interval: '1m', limit: 'x' })).toBe(-1100);
    expect(code({ [source.param]: 'NOPE', interval: '1m' })).toBe(-1121);
  });
});
