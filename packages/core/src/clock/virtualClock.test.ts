import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TimerHandle } from './clock.js';
import { VirtualClockError } from './errors.js';
import { LiveClock } from './liveClock.js';
import { VirtualClock } from './virtualClock.js';

describe('VirtualClock', () => {
  test('default', () => {
    const clock = new VirtualClock(1_000);
    const log: string[] = [];
    clock.setTimeout(() => log.push(`timeout@${clock.now()}`), 500);
    expect(clock.now()).toBe(1_000);
    expect(clock.pending()).toBe(1);
    expect(clock.nextTime()).toBe(1_500);
    clock.advance(499);
    expect(log).toEqual([]);
    clock.advance(1);
    expect(log).toEqual(['timeout@1500']);
    expect(clock.now()).toBe(1_500);
    expect(clock.pending()).toBe(0);
    expect(clock.nextTime()).toBeUndefined();
    expect(new VirtualClock().now()).toBe(0);
  });

  test('behavior: timers fire in time order, ties in creation order', () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    clock.setTimeout(() => log.push('c@20'), 20);
    clock.setTimeout(() => log.push('a@10'), 10);
    clock.setTimeout(() => log.push('b@10'), 10);
    clock.setTimeout(() => log.push('d@5'), 5);
    clock.advance(100);
    expect(log).toEqual(['d@5', 'a@10', 'b@10', 'c@20']);
    expect(clock.now()).toBe(100);
  });

  test('behavior: now() during a callback is the due time; after advance it is the target', () => {
    const clock = new VirtualClock(0);
    const seen: number[] = [];
    clock.setTimeout(() => seen.push(clock.now()), 7);
    clock.setTimeout(() => seen.push(clock.now()), 3);
    clock.advanceTo(50);
    expect(seen).toEqual([3, 7]);
    expect(clock.now()).toBe(50);
  });

  test('behavior: a timer scheduled in a callback fires within the same advance if due by the target', () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    clock.setTimeout(() => {
      log.push(`outer@${clock.now()}`);
      clock.setTimeout(() => log.push(`inner@${clock.now()}`), 5);
      clock.setTimeout(() => log.push(`late@${clock.now()}`), 50);
      clock.setTimeout(() => log.push(`zero@${clock.now()}`), 0);
    }, 10);
    clock.advance(20);
    expect(log).toEqual(['outer@10', 'zero@11', 'inner@15']);
    expect(clock.pending()).toBe(1);
    clock.advance(40);
    expect(log).toEqual(['outer@10', 'zero@11', 'inner@15', 'late@60']);
  });

  test('behavior: a timer due exactly at the target fires', () => {
    const clock = new VirtualClock();
    let fired = false;
    clock.setTimeout(() => {
      fired = true;
    }, 10);
    clock.advanceTo(10);
    expect(fired).toBe(true);
  });

  test('behavior: intervals reschedule at previous due + period, with no drift', () => {
    const clock = new VirtualClock(3);
    const times: number[] = [];
    clock.setInterval(() => times.push(clock.now()), 10);
    clock.advance(5);
    clock.advance(5);
    clock.advance(21);
    clock.advanceTo(53);
    expect(times).toEqual([13, 23, 33, 43, 53]);
    expect(clock.nextTime()).toBe(63);
    expect(clock.pending()).toBe(1);
  });

  test('behavior: an interval keeps its creation rank on ties with later timers', () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    clock.setInterval(() => log.push(`interval@${clock.now()}`), 10);
    clock.advance(5);
    clock.setTimeout(() => log.push(`timeout@${clock.now()}`), 15);
    clock.advance(15);
    expect(log).toEqual(['interval@10', 'interval@20', 'timeout@20']);
  });

  test('behavior: a cleared timer never fires; clearing is idempotent and either clear works', () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    const a = clock.setTimeout(() => log.push('a'), 10);
    const b = clock.setInterval(() => log.push('b'), 10);
    clock.setTimeout(() => log.push('c'), 10);
    clock.clearInterval(a);
    clock.clearTimeout(b);
    clock.clearTimeout(b);
    clock.clearTimeout(undefined);
    expect(clock.pending()).toBe(1);
    clock.advance(100);
    expect(log).toEqual(['c']);
  });

  test('behavior: a callback can clear a timer due at the same time, and an interval can clear itself', () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    let second: TimerHandle | undefined;
    clock.setTimeout(() => {
      log.push('first');
      clock.clearTimeout(second);
    }, 10);
    second = clock.setTimeout(() => log.push('second'), 10);
    let count = 0;
    const interval = clock.setInterval(() => {
      count += 1;
      if (count === 3) clock.clearInterval(interval);
    }, 1);
    clock.advance(100);
    expect(log).toEqual(['first']);
    expect(count).toBe(3);
    expect(clock.pending()).toBe(0);
  });

  test('behavior: handles from another clock are ignored', () => {
    const a = new VirtualClock();
    const b = new VirtualClock();
    let fired = 0;
    const handleA = a.setTimeout(() => fired++, 1);
    b.setTimeout(() => fired++, 1);
    b.clearTimeout(handleA);
    const live = new LiveClock();
    const liveHandle = live.setTimeout(() => {}, 10_000);
    b.clearTimeout(liveHandle);
    live.clearTimeout(liveHandle);
    a.advance(1);
    b.advance(1);
    expect(fired).toBe(2);
  });

  test('behavior: delays below 1 ms, NaN and Infinity become 1 ms; fractions are floored', () => {
    const clock = new VirtualClock();
    const due: number[] = [];
    for (const ms of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 2.9]) {
      clock.setTimeout(() => due.push(clock.now()), ms);
    }
    clock.advance(10);
    expect(due).toEqual([1, 1, 1, 1, 2]);
    const interval = new VirtualClock();
    let n = 0;
    interval.setInterval(() => n++, 0);
    interval.advance(5);
    expect(n).toBe(5);
  });

  test('behavior: delays above 2^31-1 ms are kept (unlike Node)', () => {
    const clock = new VirtualClock();
    const day30 = 30 * 86_400_000;
    clock.setTimeout(() => {}, day30);
    expect(clock.nextTime()).toBe(day30);
  });

  test('behavior: runNext jumps to the next timer and reports whether one fired', () => {
    const clock = new VirtualClock(100);
    const log: number[] = [];
    clock.setTimeout(() => log.push(clock.now()), 30);
    clock.setTimeout(() => log.push(clock.now()), 10);
    expect(clock.runNext()).toBe(true);
    expect(clock.now()).toBe(110);
    expect(clock.runNext()).toBe(true);
    expect(clock.now()).toBe(130);
    expect(clock.runNext()).toBe(false);
    expect(clock.now()).toBe(130);
    expect(log).toEqual([110, 130]);
  });

  test('behavior: runAll fires until empty, including timers scheduled on the way', () => {
    const clock = new VirtualClock();
    let chain = 0;
    const step = () => {
      chain += 1;
      if (chain < 50) clock.setTimeout(step, 100);
    };
    clock.setTimeout(step, 100);
    expect(clock.runAll()).toBe(50);
    expect(clock.now()).toBe(5_000);
    expect(clock.runAll()).toBe(0);
  });

  test('behavior: runAll throws at its limit (an interval never ends)', () => {
    const clock = new VirtualClock();
    clock.setInterval(() => {}, 1_000);
    expect(() => clock.runAll(25)).toThrow(VirtualClockError);
    expect(clock.now()).toBe(25_000);
    const exact = new VirtualClock();
    for (let i = 0; i < 3; i++) exact.setTimeout(() => {}, i + 1);
    expect(exact.runAll(3)).toBe(3);
  });

  test('behavior: time never moves backwards; non-finite input is refused', () => {
    const clock = new VirtualClock(100);
    expect(() => clock.advance(-1)).toThrow(VirtualClockError);
    expect(() => clock.advance(Number.NaN)).toThrow(VirtualClockError);
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(VirtualClockError);
    expect(() => clock.advanceTo(99)).toThrow(VirtualClockError);
    expect(() => new VirtualClock(Number.NaN)).toThrow(VirtualClockError);
    clock.advance(0);
    clock.advanceTo(100);
    expect(clock.now()).toBe(100);
  });

  test('behavior: advancing from inside a callback is refused', () => {
    const clock = new VirtualClock();
    const errors: unknown[] = [];
    clock.setTimeout(() => {
      for (const call of [() => clock.advance(1), () => clock.runNext(), () => clock.runAll()]) {
        try {
          call();
        } catch (error) {
          errors.push(error);
        }
      }
    }, 1);
    clock.advance(1);
    expect(errors).toHaveLength(3);
    expect(errors.every((e) => e instanceof VirtualClockError && e.name === 'VirtualClockError')).toBe(true);
  });

  test('behavior: a throwing callback propagates; the clock stays consistent and can continue', () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    clock.setInterval(() => log.push(`tick@${clock.now()}`), 10);
    clock.setTimeout(() => {
      throw new Error('boom');
    }, 15);
    clock.setTimeout(() => log.push(`after@${clock.now()}`), 16);
    expect(() => clock.advance(100)).toThrow('boom');
    expect(clock.now()).toBe(15);
    expect(clock.pending()).toBe(2);
    clock.advanceTo(20);
    expect(log).toEqual(['tick@10', 'after@16', 'tick@20']);
  });
});

type Op =
  | { readonly op: 'timeout'; readonly ms: number }
  | { readonly op: 'interval'; readonly ms: number }
  | { readonly op: 'clear'; readonly which: number }
  | { readonly op: 'advance'; readonly ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('timeout' as const), ms: fc.integer({ min: -2, max: 20 }) }),
  fc.record({ op: fc.constant('interval' as const), ms: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('clear' as const), which: fc.nat({ max: 20 }) }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 25 }) }),
);

describe('VirtualClock (property)', () => {
  test('behavior: random schedules fire exactly as the model says, in (time, creation) order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 }), fc.array(opArb, { maxLength: 12 }), (start, ops) => {
        const clock = new VirtualClock(start);
        const fired: Array<{ id: number; at: number }> = [];
        const timers: Array<{
          handle: TimerHandle;
          createdAt: number;
          ms: number;
          interval: boolean;
          clearedAt: number;
        }> = [];
        for (const op of ops) {
          if (op.op === 'timeout' || op.op === 'interval') {
            const id = timers.length;
            const fn = () => fired.push({ id, at: clock.now() });
            const handle = op.op === 'timeout' ? clock.setTimeout(fn, op.ms) : clock.setInterval(fn, op.ms);
            timers.push({
              handle,
              createdAt: clock.now(),
              ms: Math.max(1, op.ms),
              interval: op.op === 'interval',
              clearedAt: Infinity,
            });
          } else if (op.op === 'clear') {
            const timer = timers[op.which % Math.max(1, timers.length)];
            if (timer !== undefined) {
              clock.clearTimeout(timer.handle);
              timer.clearedAt = Math.min(timer.clearedAt, clock.now());
            }
          } else {
            clock.advance(op.ms);
          }
        }
        clock.advance(30);
        const end = clock.now();

        const expected: Array<{ id: number; at: number }> = [];
        timers.forEach((timer, id) => {
          const until = Math.min(end, timer.clearedAt);
          for (let at = timer.createdAt + timer.ms; at <= until; at += timer.ms) {
            expected.push({ id, at });
            if (!timer.interval) break;
          }
        });
        expected.sort((a, b) => a.at - b.at || a.id - b.id);
        expect(fired).toEqual(expected);
        for (let i = 1; i < fired.length; i++) {
          const prev = fired[i - 1]!;
          const cur = fired[i]!;
          expect(cur.at > prev.at || (cur.at === prev.at && cur.id > prev.id)).toBe(true);
        }
        const stillPending = timers.filter(
          (t) => t.clearedAt === Infinity && (t.interval || t.createdAt + t.ms > end),
        ).length;
        expect(clock.pending()).toBe(stillPending);
      }),
      { numRuns: 10_000 },
    );
  });
});
