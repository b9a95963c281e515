import { describe, expect, test } from 'vitest';
import { ParamReader } from '../params.js';
import { DAY_MS, inWindow, limitParam, timeWindow } from './queryParams.js';
import { rejects } from './testing.js';

const NOW = 1_800_000_000_000;
const p = (raw: Record<string, string>) => new ParamReader(raw);

describe('timeWindow', () => {
  test('default: no range is the last default span', () => {
    expect(timeWindow(p({}), NOW, { defaultSpanMs: 7 * DAY_MS })).toEqual({
      start: NOW - 7 * DAY_MS,
      end: NOW,
      fromStart: false,
    });
  });

  test('behavior: one bound spans maxDays from it, or is open-ended without a limit', () => {
    const rule = { defaultSpanMs: DAY_MS, maxDays: 7 };
    expect(timeWindow(p({ startTime: '1000' }), NOW, rule)).toEqual({
      start: 1000,
      end: 1000 + 7 * DAY_MS,
      fromStart: true,
    });
    expect(timeWindow(p({ endTime: String(NOW) }), NOW, rule)).toEqual({
      start: NOW - 7 * DAY_MS,
      end: NOW,
      fromStart: false,
    });
    const open = timeWindow(p({ startTime: '1000' }), NOW, { defaultSpanMs: DAY_MS });
    expect(open.end).toBe(Infinity);
    expect(inWindow(open, 1000)).toBe(true);
    expect(inWindow(open, 999)).toBe(false);
  });

  test('behavior: -1023 when start > end, -4165 beyond maxDays', () => {
    const rule = { defaultSpanMs: DAY_MS, maxDays: 7 };
    expect(rejects(() => timeWindow(p({ startTime: '2', endTime: '1' }), NOW, rule))).toBe(-1023);
    expect(rejects(() => timeWindow(p({ startTime: '0', endTime: String(7 * DAY_MS + 1) }), NOW, rule))).toBe(
      -4165,
    );
    expect(timeWindow(p({ startTime: '0', endTime: String(7 * DAY_MS) }), NOW, rule).end).toBe(7 * DAY_MS);
  });
});

describe('limitParam', () => {
  test('default: the fallback, or a value from 1 to max; -1130 outside', () => {
    expect(limitParam(p({}), 500, 1000)).toBe(500);
    expect(limitParam(p({ limit: '1000' }), 500, 1000)).toBe(1000);
    expect(rejects(() => limitParam(p({ limit: '1001' }), 500, 1000))).toBe(-1130);
    expect(rejects(() => limitParam(p({ limit: '0' }), 500, 1000))).toBe(-1130);
  });
});
