import { describe, expect, test } from 'vitest';
import { limitOrder, marketOrder } from '../api/market/testing.js';
import { DEFAULT_SYMBOLS } from '../config/defaultSymbols.js';
import { AGG_HEADER, useDataFolder } from '../marketData/replay/testing.js';
import { BUY, SELL } from '../matching/types.js';
import type { Account } from './account.js';
import type { ReplayPrintPath } from './replayMarket.js';
import { Venue } from './venue.js';

// The lean print path against the book path on the same files: the same tape, klines, prices,
// funding, open interest, system positions, and the same fills and accounts for users whose orders
// rest near the price (filled at, through, or not at all) or take from the ladder.

const T = Date.parse('2024-06-15T23:58:00Z');
const SYMBOLS = DEFAULT_SYMBOLS.filter((s) => s.symbol === 'BTCUSDT');
const PRINTS = 1_500;
const SPACING_MS = 200;
const END = T + PRINTS * SPACING_MS + 5_000;

const data = useDataFolder('basis-replay-lean-');

/** A seeded walk of BTCUSDT aggTrades around 66,000 (±3 ticks a print), sides and sizes at random. */
function writeWalk(): void {
  let seed = 17;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  let tick = 660_000;
  const lines = [AGG_HEADER];
  for (let i = 0; i < PRINTS; i++) {
    tick += Math.round((random() - 0.5) * 6);
    const qty = ((1 + Math.floor(random() * 200)) / 1000).toFixed(3);
    const time = T + i * SPACING_MS;
    lines.push(`${i + 1},${(tick / 10).toFixed(1)},${qty},${i + 1},${i + 1},${time},${random() < 0.5}`);
  }
  data.write('futures/um/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-06-15.csv', lines);
}

function replayVenue(printPath: ReplayPrintPath): Venue {
  return new Venue({
    startTime: T,
    seed: 5,
    symbols: SYMBOLS,
    marketData: { replay: { dir: data.dir, align: 'history', printPath } },
  });
}

/** What must not depend on the print path: the market's public record and every account's money. */
function observable(venue: Venue, users: readonly Account[]) {
  const m = venue.market('BTCUSDT');
  const position = (a: Account) => {
    const p = a.position('BTCUSDT', 'BOTH');
    return {
      amount: p.amount.toString(),
      entry: p.entryPrice.toString(),
      realized: p.accumulatedRealized.toString(),
    };
  };
  // Less the open aggregate's key: the taker's internal order ref, which only the book path spends
  // on the maker's orders (the aggregate ids and contents are compared).
  const { openKey: _, ...trades } = m.trades.snapshot();
  return {
    trades,
    klines: m.klines.snapshot(),
    markKlines: m.markKlines.snapshot(),
    indexKlines: m.indexKlines.snapshot(),
    premiumKlines: m.premiumKlines.snapshot(),
    last: m.lastPrice().toString(),
    mark: m.markPrice.toString(),
    index: m.indexPrice.toString(),
    funding: m.lastFundingRate.toString(),
    openInterest: m.openInterest.toString(),
    // The ladder's prices (its sizes may differ within the maker's tolerance).
    best: [m.book.bestBid(), m.book.bestAsk()],
    system: venue.replay!.accounts.map((a) => ({ wallet: a.wallet('USDT').toString(), ...position(a) })),
    users: users.map((u) => ({
      wallet: u.wallet('USDT').toString(),
      ...position(u),
      trades: u.trades.map((t) => [t.id, t.side, t.price.toString(), t.qty.toString(), t.time, t.maker]),
      orders: [...u.orders.values()].map((o) => [o.side, o.priceTick, o.status, o.executedQty]),
    })),
    prints: venue.replay!.status().prints,
  };
}

/** A user resting bids and asks a few ticks around the price, then taking small sizes from the ladder. */
function trade(venue: Venue): Account[] {
  const user = venue.createAccount({ balances: { USDT: '1000000' } });
  const m = venue.market('BTCUSDT');
  const place = (side: 'BUY' | 'SELL', offsetTicks: number, qty: string) => {
    const tick = m.lastPriceTick + offsetTicks;
    venue.placeOrder(user, limitOrder('BTCUSDT', side, qty, m.priceOf(tick).toString()));
    venue.commit();
  };
  for (let t = T + 10_000; t < END - 10_000; t += 23_000) {
    venue.advanceTo(t);
    for (const offset of [0, 2, 5, 12]) {
      place('BUY', -offset, '0.004');
      place('SELL', offset, '0.003');
    }
    venue.advanceTo(t + 7_300);
    venue.placeOrder(user, marketOrder('BTCUSDT', (t / 23_000) % 2 < 1 ? 'BUY' : 'SELL', '0.002'));
    venue.commit();
  }
  return [user];
}

describe('ReplayMarket lean print path', () => {
  test('behavior: without users, the same tape, prices, funding and system accounts as the book path', () => {
    writeWalk();
    const ordersPlaced: number[] = [];
    const [book, lean] = (['book', 'lean'] as const).map((path) => {
      const venue = replayVenue(path);
      venue.advanceTo(END);
      ordersPlaced.push(Number(venue.market('BTCUSDT').orderIds.peek()));
      return observable(venue, []);
    });
    expect(lean).toEqual(book);
    expect(book!.prints).toBe(PRINTS);
    expect(book!.trades.nextTradeOffset).toBe(PRINTS);
    // The lean path sends no order per print and re-quotes about once a second, not before every print.
    expect(ordersPlaced[1]! * 3).toBeLessThan(ordersPlaced[0]!);
  });

  test('behavior: with user orders resting near the price and taking from it, the same fills and accounts', () => {
    writeWalk();
    const [book, lean] = (['book', 'lean'] as const).map((path) => {
      const venue = replayVenue(path);
      const users = trade(venue);
      venue.advanceTo(END);
      return observable(venue, users);
    });
    expect(lean).toEqual(book);
    const fills = book!.users[0]!.trades;
    // Resting orders filled as maker (at and through the price) and market orders as taker.
    expect(fills.some((f) => f[5] === true)).toBe(true);
    expect(fills.some((f) => f[5] === false)).toBe(true);
    expect(book!.users[0]!.orders.some((o) => o[2] === 'NEW')).toBe(true);
  });

  test('behavior: stepping or not, the lean path leaves the same state, book included', () => {
    writeWalk();
    const a = replayVenue('lean');
    const b = replayVenue('lean');
    a.advanceTo(END);
    for (let t = T; t < END; t += 333) b.advanceTo(t);
    b.advanceTo(END);
    const depth = (v: Venue) => [
      v.market('BTCUSDT').book.depth(BUY, 30),
      v.market('BTCUSDT').book.depth(SELL, 30),
    ];
    expect(observable(b, [])).toEqual(observable(a, []));
    expect(depth(b)).toEqual(depth(a));
  });

  test('default: history replays take the lean path, replays aligned to now the book path', () => {
    writeWalk();
    const lean = replayVenue('lean');
    const history = new Venue({
      startTime: T,
      seed: 5,
      symbols: SYMBOLS,
      marketData: { replay: { dir: data.dir, align: 'history' } },
    });
    lean.advanceTo(T + 60_000);
    history.advanceTo(T + 60_000);
    const depth = (v: Venue) => v.market('BTCUSDT').book.depth(BUY, 30);
    expect(depth(history)).toEqual(depth(lean));
  });
});
