import { VirtualClock } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { flush } from '../testing/clocks.js';
import { createTimeSync, type TimeSample } from './timeSync.js';

const T0 = Date.UTC(2026, 0, 1);

/** Samples from a queue: [serverOffset, sendDelay, returnDelay] per round trip, on a virtual clock. */
function scripted(clock: VirtualClock, trips: readonly (readonly [number, number, number])[]) {
  let index = 0;
  return async (): Promise<TimeSample> => {
    const trip = trips[Math.min(index++, trips.length - 1)]!;
    const [serverOffset, up, down] = trip;
    const sentAt = clock.now();
    // The server reads its clock when the request arrives.
    const serverTime = sentAt + up + serverOffset;
    return { serverTime, sentAt, receivedAt: sentAt + up + down };
  };
}

describe('createTimeSync', () => {
  test('default: the minimum-RTT sample wins; offset = serverTime − (t0 + rtt/2)', async () => {
    const clock = new VirtualClock(T0);
    const time = createTimeSync({
      clock,
      intervalMs: false,
      // True offset 1000. Slow, asymmetric trips mislead; the fast symmetric one is right.
      sample: scripted(clock, [
        [1000, 300, 10],
        [1000, 5, 5],
        [1000, 10, 200],
      ]),
      samples: 3,
    });
    expect(time.offset()).toBe(0);
    expect(time.synced).toBe(false);
    const result = await time.sync();
    expect(result).toEqual({ offsetMs: 1000, rttMs: 10, samples: 3, at: T0 });
    expect(time.offset()).toBe(1000);
    expect(time.now()).toBe(T0 + 1000);
    expect(time.synced).toBe(true);
  });

  test('behavior: concurrent sync() calls share one synchronisation', async () => {
    const clock = new VirtualClock(T0);
    let calls = 0;
    const time = createTimeSync({
      clock,
      intervalMs: false,
      samples: 2,
      sample: async () => {
        calls += 1;
        return { serverTime: clock.now(), sentAt: clock.now(), receivedAt: clock.now() };
      },
    });
    const [a, b] = await Promise.all([time.sync(), time.sync()]);
    expect(a).toBe(b);
    expect(calls).toBe(2);
  });

  test('behavior: refreshes on the injected clock every intervalMs; stop() ends it', async () => {
    const clock = new VirtualClock(T0);
    let serverOffset = 50;
    const syncs: number[] = [];
    const time = createTimeSync({
      clock,
      samples: 1,
      sample: async () => ({
        serverTime: clock.now() + serverOffset,
        sentAt: clock.now(),
        receivedAt: clock.now(),
      }),
      onSync: (result) => syncs.push(result.offsetMs),
    });
    await time.ensureSynced();
    await time.ensureSynced();
    expect(syncs).toEqual([50]);
    expect(clock.pending()).toBe(1);
    serverOffset = 80;
    clock.advance(10 * 60_000);
    await flush();
    expect(syncs).toEqual([50, 80]);
    // Drift: +30 ms in 10 minutes = 180 ms per hour.
    expect(time.drift()).toEqual({
      offsetMs: 80,
      rttMs: 0,
      lastSyncAt: T0 + 600_000,
      syncs: 2,
      lastChangeMs: 30,
      driftMsPerHour: 180,
    });
    time.stop();
    expect(clock.pending()).toBe(0);
  });

  test('behavior: a failing scheduled sync is reported, not thrown; ensureSynced never rejects', async () => {
    const clock = new VirtualClock(T0);
    const errors: unknown[] = [];
    const boom = new Error('down');
    const time = createTimeSync({
      clock,
      samples: 2,
      intervalMs: 1000,
      sample: async () => {
        throw boom;
      },
      onError: (error) => errors.push(error),
    });
    await expect(time.ensureSynced()).resolves.toBeUndefined();
    expect(time.synced).toBe(false);
    await expect(time.sync()).rejects.toBe(boom);
    clock.advance(1000);
    await flush();
    expect(errors).toEqual([boom, boom]);
    time.stop();
  });

  test('behavior: unusable samples are skipped', async () => {
    const clock = new VirtualClock(T0);
    let n = 0;
    const time = createTimeSync({
      clock,
      intervalMs: false,
      samples: 3,
      sample: async () => {
        n += 1;
        if (n === 1) throw new Error('one lost');
        if (n === 2) return { serverTime: Number.NaN, sentAt: clock.now(), receivedAt: clock.now() };
        return { serverTime: clock.now() - 7, sentAt: clock.now(), receivedAt: clock.now() };
      },
    });
    expect((await time.sync()).offsetMs).toBe(-7);
  });
});
