import { createRng, VirtualClock } from '@basis/core';
import { describe, expect, test } from 'vitest';
import type { StreamFaultPlan } from '../faults/streamFaults.js';
import { HeldFrames } from './heldFrames.js';

// The hold queue of `delay` and `reorder`, on a virtual clock, without sockets.

const T0 = 1_000_000;

function setup() {
  const clock = new VirtualClock(T0);
  const out: { data: string; at: number }[] = [];
  const held = new HeldFrames(clock, (data) => out.push({ data: String(data), at: clock.now() }));
  return { clock, out, held };
}

const delay = (delayMs: number): StreamFaultPlan => ({ silent: false, delayMs, reorderWindowMs: 0 });
const reorder = (hold: number, window = 1000): StreamFaultPlan => ({
  silent: false,
  delayMs: 0,
  reorderWindowMs: window,
  reorderHoldMs: hold,
});

describe('HeldFrames', () => {
  test('default: a delayed frame goes out delayMs later; a frame without a plan waits behind it', () => {
    const { clock, out, held } = setup();
    held.hold('a', 's1', delay(300));
    held.hold('b', 's2', undefined);
    expect(held.size).toBe(2);
    expect(held.bytes).toBe(2);
    clock.advance(299);
    expect(out).toEqual([]);
    clock.advance(1);
    expect(out).toEqual([
      { data: 'a', at: T0 + 300 },
      { data: 'b', at: T0 + 300 },
    ]);
    expect(held.size).toBe(0);
    expect(held.bytes).toBe(0);
  });

  test('behavior: reorder lets another stream overtake, never the same stream', () => {
    const { clock, out, held } = setup();
    held.hold('x1', 'x', reorder(500));
    held.hold('y1', 'y', reorder(100));
    held.hold('x2', 'x', reorder(0)); // may not pass x1
    clock.advance(1000);
    expect(out.map((o) => o.data)).toEqual(['y1', 'x1', 'x2']);
    expect(out.map((o) => o.at - T0)).toEqual([100, 500, 500]);
  });

  test('behavior: random plans keep each stream in order and a strict frame behind everything (property)', () => {
    const rng = createRng('held-frames');
    for (let round = 0; round < 20; round++) {
      const { clock, out, held } = setup();
      const strict = new Map<string, number>(); // frame → its arrival index
      for (let i = 0; i < 200; i++) {
        const stream = `s${rng.nextInt(4)}`;
        const kind = rng.nextInt(3);
        const data = `${stream}:${i}`;
        if (kind === 0) {
          strict.set(data, i);
          held.hold(data, stream, rng.nextInt(2) === 0 ? undefined : delay(rng.nextInt(200)));
        } else {
          held.hold(data, stream, reorder(rng.nextInt(400), 400));
        }
        clock.advance(rng.nextInt(30));
      }
      clock.advance(1000);
      expect(out).toHaveLength(200);
      expect(held.bytes).toBe(0);
      const position = new Map(out.map((o, index) => [o.data, index]));
      const seq = (data: string) => Number(data.split(':')[1]);
      for (const stream of ['s0', 's1', 's2', 's3']) {
        const order = out.filter((o) => o.data.startsWith(`${stream}:`)).map((o) => seq(o.data));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
      expect(out.map((o) => o.data)).not.toEqual(out.map((o) => o.data).sort((a, b) => seq(a) - seq(b)));
      // A frame held without reorder leaves after every frame held before it.
      const overtaken = [...strict].filter(([data, i]) =>
        out.some((o) => seq(o.data) < i && position.get(o.data)! > position.get(data)!),
      );
      expect(overtaken).toEqual([]);
    }
  });

  test('behavior: clear drops everything held and stops the timer', () => {
    const { clock, out, held } = setup();
    held.hold('a', 's', delay(100));
    held.clear();
    clock.advance(1000);
    expect(out).toEqual([]);
    expect(held.bytes).toBe(0);
  });
});
