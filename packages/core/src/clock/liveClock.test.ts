import { describe, expect, test } from 'vitest';
import { createLiveClock, LiveClock } from './liveClock.js';

describe('LiveClock', () => {
  test('default', async () => {
    const clock = createLiveClock();
    expect(clock).toBeInstanceOf(LiveClock);
    const before = Date.now();
    expect(clock.now()).toBeGreaterThanOrEqual(before);
    const firedAt = await new Promise<number>((resolve) => {
      clock.setTimeout(() => resolve(clock.now()), 5);
    });
    expect(firedAt).toBeGreaterThanOrEqual(before);
  });

  test('behavior: intervals repeat until cleared; clearTimeout(undefined) is a no-op', async () => {
    const clock = new LiveClock();
    clock.clearTimeout(undefined);
    clock.clearInterval(undefined);
    let count = 0;
    await new Promise<void>((resolve) => {
      const handle = clock.setInterval(() => {
        count += 1;
        if (count === 3) {
          clock.clearInterval(handle);
          resolve();
        }
      }, 1);
    });
    expect(count).toBe(3);
  });

  test('behavior: a cleared timeout never fires', async () => {
    const clock = new LiveClock();
    let fired = false;
    const handle = clock.setTimeout(() => {
      fired = true;
    }, 1);
    clock.clearTimeout(handle);
    await new Promise((resolve) => globalThis.setTimeout(resolve, 20));
    expect(fired).toBe(false);
  });

  test('behavior: unref option unrefs timers; default keeps them referenced', () => {
    const unref = new LiveClock({ unref: true });
    const ref = new LiveClock();
    const a = unref.setTimeout(() => {}, 60_000) as unknown as NodeJS.Timeout;
    const b = ref.setInterval(() => {}, 60_000) as unknown as NodeJS.Timeout;
    expect(a.hasRef()).toBe(false);
    expect(b.hasRef()).toBe(true);
    unref.clearTimeout(a as never);
    ref.clearInterval(b as never);
  });
});
