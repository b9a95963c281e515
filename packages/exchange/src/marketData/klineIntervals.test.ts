import { describe, expect, test } from 'vitest';
import {
  isKlineInterval,
  KLINE_INTERVALS,
  klineCloseTime,
  klineNextOpenTime,
  klineOpenTime,
  klinePreviousOpenTime,
} from './klineIntervals.js';

const utc = (text: string): number => Date.parse(`${text}Z`);

describe('kline intervals', () => {
  test('default', () => {
    const t = utc('2024-06-15T13:47:29.123');
    expect(klineOpenTime('1m', t)).toBe(utc('2024-06-15T13:47:00'));
    expect(klineOpenTime('15m', t)).toBe(utc('2024-06-15T13:45:00'));
    expect(klineOpenTime('4h', t)).toBe(utc('2024-06-15T12:00:00'));
    expect(klineOpenTime('1d', t)).toBe(utc('2024-06-15T00:00:00'));
    expect(klineCloseTime('1m', utc('2024-06-15T13:47:00'))).toBe(utc('2024-06-15T13:47:59.999'));
  });

  test('behavior: 1w opens on Monday 00:00 UTC', () => {
    // 2024-06-15 is a Saturday; its week started Monday 2024-06-10.
    expect(klineOpenTime('1w', utc('2024-06-15T13:47:29'))).toBe(utc('2024-06-10T00:00:00'));
    expect(klineOpenTime('1w', utc('2024-06-10T00:00:00'))).toBe(utc('2024-06-10T00:00:00'));
    expect(klineOpenTime('1w', utc('2024-06-09T23:59:59.999'))).toBe(utc('2024-06-03T00:00:00'));
    expect(new Date(klineOpenTime('1w', 0)).getUTCDay()).toBe(1);
    expect(klineCloseTime('1w', utc('2024-06-10T00:00:00'))).toBe(utc('2024-06-16T23:59:59.999'));
  });

  test('behavior: 1M is the calendar month, including February of a leap year', () => {
    expect(klineOpenTime('1M', utc('2024-02-29T23:59:59.999'))).toBe(utc('2024-02-01T00:00:00'));
    expect(klineNextOpenTime('1M', utc('2024-02-01T00:00:00'))).toBe(utc('2024-03-01T00:00:00'));
    expect(klineCloseTime('1M', utc('2024-12-01T00:00:00'))).toBe(utc('2024-12-31T23:59:59.999'));
    expect(klinePreviousOpenTime('1M', utc('2024-01-01T00:00:00'))).toBe(utc('2023-12-01T00:00:00'));
  });

  test('behavior: 3d is aligned to the Unix epoch', () => {
    const open = klineOpenTime('3d', utc('2024-06-15T13:47:29'));
    expect(open % (3 * 86_400_000)).toBe(0);
    expect(open).toBe(utc('2024-06-13T00:00:00'));
  });

  test('behavior: every interval round-trips open → next → previous', () => {
    const t = utc('2023-03-31T22:10:00');
    for (const interval of KLINE_INTERVALS) {
      const open = klineOpenTime(interval, t);
      expect(open).toBeLessThanOrEqual(t);
      const next = klineNextOpenTime(interval, open);
      expect(next).toBeGreaterThan(t);
      expect(klinePreviousOpenTime(interval, next)).toBe(open);
    }
    expect(isKlineInterval('1M')).toBe(true);
    expect(isKlineInterval('1mo')).toBe(false);
  });
});
