import { describe, expect, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../config/defaultSymbols.js';
import { quoteLadder, syntheticParamsFromSpec } from '../marketData/syntheticModels.js';
import { BUY, SELL } from '../matching/types.js';
import { LadderView } from './ladderView.js';

const params = syntheticParamsFromSpec(DEFAULT_SYMBOLS[0]!, 7).ladder;

describe('LadderView', () => {
  test('behavior: reads the ladder quoted at the centre, less the used-up best levels', () => {
    const state = { fair: 960_000.5, spentBid: Number.NaN, spentAsk: Number.NaN };
    const view = new LadderView(state, params);
    const ladder = quoteLadder(960_000.5, params, 0);
    const flat = (levels: readonly { priceTick: number; qtySteps: number }[]) =>
      levels.flatMap((l) => [l.priceTick, l.qtySteps]);
    expect(view.bestBid()).toBe(ladder.bids[0]!.priceTick);
    expect(view.bestAsk()).toBe(ladder.asks[0]!.priceTick);
    expect(view.depth(BUY, 5)).toEqual(flat(ladder.bids.slice(0, 5)));
    expect(view.levelQty(SELL, ladder.asks[2]!.priceTick)).toBe(ladder.asks[2]!.qtySteps);
    expect(view.levelQty(SELL, ladder.asks[0]!.priceTick - 1)).toBe(0);

    state.spentBid = ladder.bids[0]!.priceTick;
    expect(view.bestBid()).toBe(ladder.bids[1]!.priceTick);
    expect(view.levelQty(BUY, ladder.bids[0]!.priceTick)).toBe(0);
    expect(view.depth(BUY, 3)).toEqual(flat(ladder.bids.slice(1, 4)));
    expect(view.depth(BUY, 1000)).toHaveLength(2 * (ladder.bids.length - 1));
    expect(view.bestAsk()).toBe(ladder.asks[0]!.priceTick);
  });

  test('behavior: follows the centre, and is empty before the first one', () => {
    const state = { fair: Number.NaN, spentBid: Number.NaN, spentAsk: Number.NaN };
    const view = new LadderView(state, params);
    expect(view.bestBid()).toBeNaN();
    expect(view.depth(SELL, 10)).toEqual([]);
    state.fair = 700_000;
    expect(view.bestAsk()).toBe(quoteLadder(700_000, params, 0).asks[0]!.priceTick);
    state.fair = 700_003.5;
    expect(view.bestAsk()).toBe(quoteLadder(700_003.5, params, 0).asks[0]!.priceTick);
    // A used-up tick that is not the best level (a stale one) takes nothing out.
    state.spentAsk = 1;
    expect(view.depth(SELL, 2)).toEqual(
      quoteLadder(700_003.5, params, 0)
        .asks.slice(0, 2)
        .flatMap((l) => [l.priceTick, l.qtySteps]),
    );
  });
});
