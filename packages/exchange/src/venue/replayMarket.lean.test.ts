import { describe, expect, test } from 'vitest';
import { limitOrder, marketOrder } from '../api/market/testing.js';
import { DEFAULT_SYMBOLS } from '../config/defaultSymbols.js';
import { AGG_HEADER, useDataFolder } from '../marketData/replay/testing.js';
import { type BookReader, BUY, SELL } from '../matching/types.js';
import type { Account } from './account.js';
import { algoOrder } from './algo/testing.js';
import type { ReplayPrintPath } from './replayMarket.js';
import { Venue } from './venue.js';

// The lean and virtual print paths against the book path on the same files: the same tape, klines,
// prices, funding, open interest, system positions, and the same fills and accounts for users whose
// orders rest near the price (filled at, through, or not at all) or take from the ladder.

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
    best: [m.bookView.bestBid(), m.bookView.bestAsk()],
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
    const [book, lean, virtual] = (['book', 'lean', 'virtual'] as const).map((path) => {
      const venue = replayVenue(path);
      const firstId = Number(venue.market('BTCUSDT').orderIds.peek());
      venue.advanceTo(END);
      ordersPlaced.push(Number(venue.market('BTCUSDT').orderIds.peek()) - firstId);
      return observable(venue, []);
    });
    expect(lean).toEqual(book);
    expect(virtual).toEqual(book);
    expect(book!.prints).toBe(PRINTS);
    expect(book!.trades.nextTradeOffset).toBe(PRINTS);
    // The lean path sends no order per print and re-quotes about once a second, not before every print;
    // the virtual path, with no user order to meet, never places the ladder.
    expect(ordersPlaced[1]! * 3).toBeLessThan(ordersPlaced[0]!);
    expect(ordersPlaced[2]).toBe(0);
  });

  test('behavior: with user orders resting near the price and taking from it, the same fills and accounts', () => {
    writeWalk();
    const [book, lean, virtual] = (['book', 'lean', 'virtual'] as const).map((path) => {
      const venue = replayVenue(path);
      const users = trade(venue);
      venue.advanceTo(END);
      return observable(venue, users);
    });
    expect(lean).toEqual(book);
    expect(virtual).toEqual(book);
    const fills = book!.users[0]!.trades;
    // Resting orders filled as maker (at and through the price) and market orders as taker.
    expect(fills.some((f) => f[5] === true)).toBe(true);
    expect(fills.some((f) => f[5] === false)).toBe(true);
    expect(book!.users[0]!.orders.some((o) => o[2] === 'NEW')).toBe(true);
  });

  test.each(['lean', 'virtual'] as const)(
    'behavior: stepping or not, the %s path leaves the same state, book included',
    (path) => {
      writeWalk();
      const a = replayVenue(path);
      const b = replayVenue(path);
      a.advanceTo(END);
      for (let t = T; t < END; t += 333) b.advanceTo(t);
      b.advanceTo(END);
      const depth = (v: Venue) => [
        v.market('BTCUSDT').bookView.depth(BUY, 30),
        v.market('BTCUSDT').bookView.depth(SELL, 30),
      ];
      expect(observable(b, [])).toEqual(observable(a, []));
      expect(depth(b)).toEqual(depth(a));
    },
  );

  test('behavior: last-price stops fire at the print that crosses them on every path, in one advance or stepped', () => {
    writeWalk();
    const run = (path: ReplayPrintPath, stepMs: number) => {
      const venue = replayVenue(path);
      const user = venue.createAccount({ balances: { USDT: '1000000' } });
      venue.advanceTo(T + 10_000);
      const m = venue.market('BTCUSDT');
      const stops = [-60, -40, -25, -12, -6, 6, 12, 25, 40, 60].map((offset) =>
        venue.algo.place(
          user,
          algoOrder('BTCUSDT', offset < 0 ? 'SELL' : 'BUY', 'STOP_MARKET', {
            quantity: '0.002',
            triggerPrice: m.priceOf(m.lastPriceTick + offset).toString(),
          }),
        ),
      );
      venue.commit();
      for (let t = T + 10_000 + stepMs; t < END; t += stepMs) venue.advanceTo(t);
      venue.advanceTo(END);
      return {
        stops: stops.map((s) => [s.status, s.triggerTime, s.actualOrder?.status]),
        ...observable(venue, [user]),
      };
    };
    const book = run('book', END - T);
    // Some fire between two whole seconds, inside a run of prints the venue executes without a rescan.
    const fired = book.stops.filter((s) => s[0] === 'FINISHED');
    expect(fired.some((s) => (s[1] as number) % 1000 !== 0 && (s[1] as number) % 1000 !== 800)).toBe(true);
    for (const path of ['lean', 'virtual'] as const) {
      expect(run(path, END - T)).toEqual(book);
      expect(run(path, 250)).toEqual(book);
    }
  });

  test('behavior: the virtual ladder stays off the book until an order comes, reads see what placing it gives', () => {
    writeWalk();
    const venue = replayVenue('virtual');
    const m = venue.market('BTCUSDT');
    const depth = (reader: BookReader) => [reader.depth(BUY, 30), reader.depth(SELL, 30)];
    venue.advanceTo(T + 60_250);
    expect(m.book.orderCount()).toBe(0);
    const seen = depth(m.bookView);
    expect(seen[0]!.length).toBe(50); // 25 levels of [tick, qty]
    expect(seen[1]![0]! - seen[0]![0]!).toBeGreaterThan(0);
    // An order on the market places the ladder first: the book then holds exactly what reads saw.
    venue.prepareBook(m);
    expect(m.bookView).toBe(m.book);
    expect(depth(m.book)).toEqual(seen);
    // With nothing of a user resting, the next refresh takes it off again.
    venue.advanceTo(T + 62_000);
    expect(m.book.orderCount()).toBe(0);
    expect(m.bookView).not.toBe(m.book);
    // A user's resting bid keeps it in the book, and the book keeps moving with the prints.
    const user = venue.createAccount({ balances: { USDT: '1000000' } });
    venue.placeOrder(user, limitOrder('BTCUSDT', 'BUY', '0.004', m.priceOf(m.lastPriceTick - 50).toString()));
    venue.commit();
    venue.advanceTo(T + 70_000);
    expect(m.bookView).toBe(m.book);
    expect(m.book.orderCount()).toBeGreaterThan(40);
    expect(m.book.bestBid()).toBe(m.bookView.bestBid());
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
