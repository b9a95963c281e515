import { createRng } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../config/defaultSymbols.js';
import { BUY, SELL } from '../matching/types.js';
import { IndexProcess, indexParamsFromSpec } from './indexProcess.js';
import {
  diffLadder,
  type Ladder,
  type LadderParams,
  quoteLadder,
  type RestingQuote,
  syntheticParamsFromSpec,
  takerArrivals,
} from './syntheticModels.js';

const BTC = DEFAULT_SYMBOLS.find((s) => s.symbol === 'BTCUSDT')!;
const params: LadderParams = {
  halfSpreadTicks: 1,
  levels: 10,
  firstGapTicks: 1,
  gapGrowth: 1.3,
  topQtySteps: 100,
  sizeGrowth: 1.1,
  sizeNoise: 0,
  noiseSeed: 1,
  maxInventorySteps: 1000,
  maxSkewTicks: 4,
  sizeSkew: 0.5,
};

/** Resting orders exactly matching a ladder, refs from `firstRef`. */
function restingFrom(ladder: Ladder, firstRef = 1): RestingQuote[] {
  let ref = firstRef;
  return [
    ...ladder.bids.map(
      (l) => ({ ref: ref++, side: BUY, priceTick: l.priceTick, qtySteps: l.qtySteps }) as const,
    ),
    ...ladder.asks.map(
      (l) => ({ ref: ref++, side: SELL, priceTick: l.priceTick, qtySteps: l.qtySteps }) as const,
    ),
  ];
}

describe('quoteLadder', () => {
  test('default', () => {
    const ladder = quoteLadder(1000, params);
    // Zones of 3 levels spaced 1, 1, 2, 2 ticks; a level spaced g sits on a multiple of g.
    expect(ladder.bids.map((l) => l.priceTick)).toEqual([999, 998, 997, 996, 995, 994, 992, 990, 988, 986]);
    expect(ladder.asks.map((l) => l.priceTick)).toEqual([
      1001, 1002, 1003, 1004, 1005, 1006, 1008, 1010, 1012, 1014,
    ]);
    // 100 × 1.1^depth, depth fractional in the coarser zones (992 is 6.5 levels deep).
    expect(ladder.bids.map((l) => l.qtySteps)).toEqual([100, 110, 121, 133, 146, 161, 186, 204, 225, 247]);
    // A fractional fair gives a one-tick spread.
    const tight = quoteLadder(1000.4, params);
    expect([tight.bids[0]?.priceTick, tight.asks[0]?.priceTick]).toEqual([1000, 1001]);
  });

  test('behavior: a ladder of limited depth is the best levels of the full ladder (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 2_000_000, noNaN: true }),
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: 0, max: 14 }),
        (fair, inventory, depth) => {
          const full = quoteLadder(fair, params, inventory);
          const top = quoteLadder(fair, params, inventory, depth);
          expect(top.bids).toEqual(full.bids.slice(0, depth));
          expect(top.asks).toEqual(full.asks.slice(0, depth));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('behavior: the market maker leans against its inventory', () => {
    const long = quoteLadder(1000, params, 1000);
    expect([long.bids[0]?.priceTick, long.asks[0]?.priceTick]).toEqual([995, 997]);
    expect(long.bids[0]?.qtySteps).toBe(50);
    expect(long.asks[0]?.qtySteps).toBe(150);
    const short = quoteLadder(1000, params, -500);
    expect([short.bids[0]?.priceTick, short.asks[0]?.priceTick]).toEqual([1001, 1003]);
    // A fill that stays in the same inventory bucket changes nothing.
    expect(quoteLadder(1000, params, 10)).toEqual(quoteLadder(1000, params, 0));
  });

  test('behavior: size noise is seeded per price, so an unchanged level keeps its size', () => {
    const noisy = { ...params, sizeNoise: 0.2, noiseSeed: 42 };
    const a = quoteLadder(1000, noisy);
    expect(a).toEqual(quoteLadder(1000, noisy));
    expect(new Set(a.bids.map((l, k) => l.qtySteps / 1.1 ** k)).size).toBeGreaterThan(5);
    expect(quoteLadder(1000, { ...noisy, noiseSeed: 43 })).not.toEqual(a);
  });

  test('behavior: a one-tick move of fair changes only the top of the ladder', () => {
    const wide = { ...params, levels: 25, gapGrowth: 1.5, sizeNoise: 0.15 };
    let changed = 0;
    let deepChanged = 0;
    for (let fair = 100_000; fair < 100_050; fair++) {
      const diff = diffLadder(restingFrom(quoteLadder(fair, wide)), quoteLadder(fair + 1, wide), {
        tolerance: 0.25,
      });
      changed += diff.adds.length;
      deepChanged += diff.adds.filter((o) => Math.abs(o.priceTick - fair) > 40).length;
      expect(diff.adds.length).toBeGreaterThanOrEqual(2); // the best bid and ask always move
    }
    console.log(`ladder: ${changed / 50} adds per one-tick move, ${deepChanged / 50} beyond 40 ticks`);
    expect(changed / 50).toBeLessThan(0.1 * 50); // under 10% of the 50 levels per tick of movement
    expect(deepChanged / 50).toBeLessThan(1); // beyond 40 ticks from fair, rarely
  });
});

/** diffLadder's rule written with maps, price by price: the oracle of the property test. */
function diffByMaps(resting: readonly RestingQuote[], desired: Ladder, tolerance: number) {
  const wanted = [new Map<number, number>(), new Map<number, number>()];
  for (const l of desired.bids) wanted[BUY]!.set(l.priceTick, l.qtySteps);
  for (const l of desired.asks) wanted[SELL]!.set(l.priceTick, l.qtySteps);
  const kept = [new Map<number, number>(), new Map<number, number>()];
  const cancels: number[] = [];
  for (const o of resting) {
    const want = wanted[o.side]!.get(o.priceTick);
    const have = kept[o.side]!.get(o.priceTick) ?? 0;
    if (want !== undefined && have + o.qtySteps <= want * (1 + tolerance))
      kept[o.side]!.set(o.priceTick, have + o.qtySteps);
    else cancels.push(o.ref);
  }
  const adds: { side: number; priceTick: number; qtySteps: number }[] = [];
  for (const side of [BUY, SELL]) {
    for (const l of side === BUY ? desired.bids : desired.asks) {
      const have = kept[side]!.get(l.priceTick) ?? 0;
      if (have > 0 && have >= l.qtySteps * (1 - tolerance)) continue;
      adds.push({ side, priceTick: l.priceTick, qtySteps: l.qtySteps - have });
    }
  }
  return { cancels, adds };
}

describe('diffLadder', () => {
  test('default', () => {
    const ladder = quoteLadder(1000, params);
    expect(diffLadder(restingFrom(ladder), ladder)).toEqual({ cancels: [], adds: [] });
    expect(
      diffLadder([], { bids: [{ priceTick: 5, qtySteps: 2 }], asks: [{ priceTick: 7, qtySteps: 3 }] }),
    ).toEqual({
      cancels: [],
      adds: [
        { side: BUY, priceTick: 5, qtySteps: 2 },
        { side: SELL, priceTick: 7, qtySteps: 3 },
      ],
    });
  });

  test('behavior: the same cancels and adds as the rule applied price by price (property)', () => {
    const noisy = { ...params, sizeNoise: 0.3, levels: 25, gapGrowth: 1.5 };
    fc.assert(
      fc.property(
        fc.integer({ min: 500, max: 5000 }),
        fc.integer({ min: -40, max: 40 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 150 })), {
          maxLength: 20,
        }),
        fc.constantFrom(0, 0.1, 0.25),
        (fair, move, touches, tolerance) => {
          // The maker's book at an old centre, partly filled and with extra orders stacked on levels.
          const resting = restingFrom(quoteLadder(fair + 0.5, noisy, 100));
          let ref = 10_000;
          for (const [index, qty] of touches) {
            const order = resting[index % resting.length]!;
            if (qty % 2 === 0) resting[index % resting.length] = { ...order, qtySteps: Math.max(1, qty) };
            else resting.push({ ...order, ref: ref++, qtySteps: qty + 1 });
          }
          const desired = quoteLadder(fair + move + 0.5, noisy, 0);
          expect(diffLadder(resting, desired, { tolerance })).toEqual(
            diffByMaps(resting, desired, tolerance),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  test('behavior: one moved level is one cancel and one add', () => {
    const desired: Ladder = {
      bids: [
        { priceTick: 99, qtySteps: 10 },
        { priceTick: 97, qtySteps: 20 },
      ],
      asks: [{ priceTick: 101, qtySteps: 10 }],
    };
    const resting: RestingQuote[] = [
      { ref: 1, side: BUY, priceTick: 99, qtySteps: 10 },
      { ref: 2, side: BUY, priceTick: 98, qtySteps: 20 },
      { ref: 3, side: SELL, priceTick: 101, qtySteps: 10 },
    ];
    expect(diffLadder(resting, desired)).toEqual({
      cancels: [2],
      adds: [{ side: BUY, priceTick: 97, qtySteps: 20 }],
    });
  });

  test('behavior: a partly filled level is topped up, keeping the old order its queue place', () => {
    const desired: Ladder = { bids: [{ priceTick: 99, qtySteps: 10 }], asks: [] };
    const partial: RestingQuote[] = [{ ref: 1, side: BUY, priceTick: 99, qtySteps: 4 }];
    expect(diffLadder(partial, desired)).toEqual({
      cancels: [],
      adds: [{ side: BUY, priceTick: 99, qtySteps: 6 }],
    });
    // Within tolerance nothing happens.
    expect(diffLadder([{ ...partial[0]!, qtySteps: 8 }], desired, { tolerance: 0.25 })).toEqual({
      cancels: [],
      adds: [],
    });
    // Too big: replaced. Two orders: the older is kept, the one that overflows is cancelled.
    expect(diffLadder([{ ...partial[0]!, qtySteps: 12 }], desired)).toEqual({
      cancels: [1],
      adds: [{ side: BUY, priceTick: 99, qtySteps: 10 }],
    });
    const two: RestingQuote[] = [
      { ref: 1, side: BUY, priceTick: 99, qtySteps: 6 },
      { ref: 2, side: BUY, priceTick: 99, qtySteps: 6 },
    ];
    expect(diffLadder(two, desired)).toEqual({
      cancels: [2],
      adds: [{ side: BUY, priceTick: 99, qtySteps: 4 }],
    });
    // The same price on the other side is a different level.
    expect(diffLadder([{ ref: 9, side: SELL, priceTick: 99, qtySteps: 10 }], desired).cancels).toEqual([9]);
  });
});

describe('takerArrivals', () => {
  const taker = syntheticParamsFromSpec(BTC).taker;

  test('default', () => {
    const arrivals = takerArrivals(10_000, taker, createRng(5));
    expect(arrivals.length).toBeGreaterThan(20);
    expect(arrivals.length).toBeLessThan(70);
    for (const a of arrivals) {
      expect(a.offsetMs).toBeGreaterThanOrEqual(0);
      expect(a.offsetMs).toBeLessThan(10_000);
      expect(Number.isSafeInteger(a.qtySteps) && a.qtySteps >= 1).toBe(true);
    }
    expect(arrivals.map((a) => a.offsetMs)).toEqual(
      [...arrivals.map((a) => a.offsetMs)].sort((x, y) => x - y),
    );
    expect(takerArrivals(0, taker, createRng(5))).toEqual([]);
  });

  test('behavior: the same seed gives the same arrivals', () => {
    const run = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 50 }, () => takerArrivals(100, taker, rng, { midTick: 10, fairTick: 12 }));
    };
    expect(run(11)).toEqual(run(11));
    expect(run(11)).not.toEqual(run(12));
  });

  test('behavior: sides lean toward pulling the mid back to the fair price', () => {
    const rng = createRng(6);
    const count = (pull: { midTick: number; fairTick: number }) => {
      let buys = 0;
      let all = 0;
      for (let i = 0; i < 200; i++) {
        for (const a of takerArrivals(1000, taker, rng, pull)) {
          all++;
          if (a.side === BUY) buys++;
        }
      }
      return buys / all;
    };
    expect(count({ midTick: 100, fairTick: 110 })).toBeGreaterThan(0.8); // mid below fair: buyers
    expect(count({ midTick: 110, fairTick: 100 })).toBeLessThan(0.2);
    const even = count({ midTick: 100, fairTick: 100 });
    expect(even).toBeGreaterThan(0.45);
    expect(even).toBeLessThan(0.55);
  });
});

describe('synthetic tape', () => {
  test('behavior: on BTCUSDT, a few trades a second, spreads of 1–2 ticks, occasional sweeps', () => {
    const spec = syntheticParamsFromSpec(BTC, 7);
    const rng = createRng('tape');
    const index = new IndexProcess(indexParamsFromSpec(BTC), rng.fork('index'));
    const flow = rng.fork('takers');
    const tick = 0.1;
    let book: RestingQuote[] = [];
    let nextRef = 1;
    let inventory = 0;
    let fills = 0;
    let takers = 0;
    let sweeps = 0;
    let ops = 0;
    const spreads: number[] = [];
    const steps = 10_000;
    const dtMs = 100;
    for (let step = 0; step < steps; step++) {
      const fairTick = index.advance(dtMs).toNumber() / tick;
      const diff = diffLadder(book, quoteLadder(fairTick, spec.ladder, inventory), { tolerance: 0.25 });
      ops += diff.cancels.length + diff.adds.length;
      const cancelled = new Set(diff.cancels);
      book = book.filter((o) => !cancelled.has(o.ref));
      for (const add of diff.adds) book.push({ ref: nextRef++, ...add });
      const bestBid = Math.max(...book.filter((o) => o.side === BUY).map((o) => o.priceTick));
      const bestAsk = Math.min(...book.filter((o) => o.side === SELL).map((o) => o.priceTick));
      spreads.push(bestAsk - bestBid);
      for (const arrival of takerArrivals(dtMs, spec.taker, flow, {
        midTick: (bestBid + bestAsk) / 2,
        fairTick,
      })) {
        takers++;
        const against = book
          .filter((o) => o.side !== arrival.side)
          .sort((a, b) => (arrival.side === BUY ? a.priceTick - b.priceTick : b.priceTick - a.priceTick));
        let left = arrival.qtySteps;
        const prices = new Set<number>();
        for (const maker of against) {
          if (left === 0) break;
          const qty = Math.min(left, maker.qtySteps);
          left -= qty;
          prices.add(maker.priceTick);
          fills++;
          inventory += arrival.side === BUY ? -qty : qty;
          book = book.flatMap((o) =>
            o.ref !== maker.ref ? [o] : o.qtySteps === qty ? [] : [{ ...o, qtySteps: o.qtySteps - qty }],
          );
        }
        if (prices.size >= 2) sweeps++;
      }
    }
    const seconds = (steps * dtMs) / 1000;
    const tradesPerSecond = fills / seconds;
    expect(tradesPerSecond).toBeGreaterThan(2);
    expect(tradesPerSecond).toBeLessThan(10);
    const tight = spreads.filter((s) => s >= 1 && s <= 2).length / spreads.length;
    expect(tight).toBeGreaterThan(0.95);
    const sweepShare = sweeps / takers;
    expect(sweepShare).toBeGreaterThan(0.001);
    expect(sweepShare).toBeLessThan(0.05);
    // Replacing the ladder wholesale would be 100 operations a step (50 cancels, 50 adds), although
    // the fair price moves about 27 ticks per 100 ms at 50% volatility.
    console.log(
      `tape: ${tradesPerSecond.toFixed(2)} trades/s, ${(tight * 100).toFixed(1)}% spreads of 1-2 ticks, ` +
        `${(sweepShare * 100).toFixed(2)}% sweeps, ${(ops / steps).toFixed(1)} book operations per 100 ms step`,
    );
    expect(ops / steps).toBeLessThan(80);
  });
});
