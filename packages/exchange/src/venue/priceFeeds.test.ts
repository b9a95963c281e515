import { parseJson, stringifyJson } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SYMBOLS } from '../config/defaultSymbols.js';
import type { PriceFeedsSnapshot } from './priceFeeds.js';
import { Venue, type VenueOptions } from './venue.js';

const T0 = Date.UTC(2026, 10, 25, 0, 0, 0);
const OPTIONS: VenueOptions = {
  startTime: T0,
  seed: 3,
  marketData: 'synthetic',
  symbols: DEFAULT_SYMBOLS.filter((s) => s.symbol === 'BTCUSDT'),
  synthetic: { backfillMinutes: 1 },
  history: { tradeCapacity: 400, klineRetentionMinutes: 30 },
};

const feedsOf = (venue: Venue): PriceFeedsSnapshot =>
  (parseJson(stringifyJson(venue.snapshot())) as { priceFeeds: PriceFeedsSnapshot }).priceFeeds;

describe('PriceFeeds: the mark price basis window', () => {
  test('behavior: keeps the last 300 one-second samples, oldest first in snapshots, through a restore', () => {
    const venue = new Venue(OPTIONS);
    venue.advanceTo(T0 + 400_000);
    const before = feedsOf(venue).feeds[0]!.basis;
    expect(before).toHaveLength(300);
    venue.advanceTo(T0 + 401_000);
    const after = feedsOf(venue).feeds[0]!.basis;
    // One second later the window dropped its oldest sample and appended the newest.
    expect(after).toHaveLength(300);
    expect(after.slice(0, 299)).toEqual(before.slice(1));

    // A venue restored from the snapshot continues with the same window and the same marks.
    const restored = Venue.restore(OPTIONS, parseJson(stringifyJson(venue.snapshot())));
    expect(feedsOf(restored)).toEqual(feedsOf(venue));
    for (let t = T0 + 402_000; t <= T0 + 700_000; t += 37_000) {
      venue.advanceTo(t);
      restored.advanceTo(t);
      expect(feedsOf(restored)).toEqual(feedsOf(venue));
      expect(restored.market('BTCUSDT').markPrice.toString()).toBe(
        venue.market('BTCUSDT').markPrice.toString(),
      );
    }
  });
});
