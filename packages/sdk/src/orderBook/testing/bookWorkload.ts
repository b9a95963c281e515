import {
  createRng,
  hmacSha256Hex,
  type Id,
  type PriceLevel,
  parseJson,
  type Rng,
  VirtualClock,
} from '@basis/core';
import { createExchange, type Exchange, type ExchangeEndpoints, type RestRequest } from '@basis/exchange';
import { afterEach, describe, expect, test } from 'vitest';
import { type Client, createClient } from '../../clients/createClient.js';
import { createRateGovernor } from '../../rateLimit/governor.js';
import { createOrderBook, type OrderBook } from '../orderBook.js';
import type { DepthDiff } from '../types.js';
import { WsDepthSource, type WsDepthSourceOptions } from './wsDepthSource.js';

// The order-book fixture shared by the USD-M and COIN-M exchange tests: the book against the local
// exchange over loopback, snapshots through the SDK's depth action over HTTP, diffs from
// `<symbol>@depth@100ms` over a raw `ws` connection, a seeded random workload of signed orders
// (in-process) moving the book, and a REST snapshot compared at every checkpoint. The virtual clock
// only moves when the test says, so each checkpoint is a quiet moment.

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

/** What differs between the markets: symbol, REST prefix, sizes, the taker's money, the stream URL. */
export interface BookMarket {
  readonly market: 'usdm' | 'coinm';
  readonly symbol: string;
  readonly prefix: '/fapi' | '/dapi';
  /** A random order quantity. */
  readonly quantity: (rng: Rng) => string;
  /** The second account's balances. */
  readonly takerBalances: Readonly<Record<string, string>>;
  /** The diff streams' base URL. */
  readonly wsUrl: (endpoints: ExchangeEndpoints) => string;
}

/** USD-M: BTCUSDT, quantities in BTC. */
export const usdmBook: BookMarket = {
  market: 'usdm',
  symbol: 'BTCUSDT',
  prefix: '/fapi',
  quantity: (rng) => (0.001 * (1 + rng.nextInt(50))).toFixed(3),
  takerBalances: { USDT: '10000000' },
  wsUrl: (endpoints) => endpoints.wsUrl,
};

/** COIN-M: BTCUSD_PERP, quantities in contracts, diffs from `/dstream`. */
export const coinmBook: BookMarket = {
  market: 'coinm',
  symbol: 'BTCUSD_PERP',
  prefix: '/dapi',
  quantity: (rng) => String(1 + rng.nextInt(50)),
  takerBalances: { BTC: '1000' },
  wsUrl: (endpoints) => `${endpoints.wsUrl}/dstream`,
};

export interface Fixture {
  readonly market: BookMarket;
  readonly clock: VirtualClock;
  readonly exchange: Exchange;
  readonly endpoints: ExchangeEndpoints;
  readonly client: Client;
  readonly source: WsDepthSource;
  readonly book: OrderBook;
  /** Events the book reported, in order. */
  readonly log: string[];
}

/** Cleanups of started fixtures, latest last. */
const cleanups: (() => Promise<void> | void)[] = [];

/** Stops every fixture started. */
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/** Starts an exchange, a client of `market`, the raw depth source and a synced book. */
async function start(
  market: BookMarket,
  idStart: bigint,
  hooks: Pick<WsDepthSourceOptions, 'drop' | 'mutate'> = {},
  verifyIntervalMs = 0,
): Promise<Fixture> {
  const clock = new VirtualClock(T0);
  const exchange = createExchange({
    clock,
    seed: 7,
    idStart,
    synthetic: { backfillMinutes: 10 },
    rateLimits: { enabled: false },
    webSocketLimits: { maxIncomingPerSecond: 10_000 },
    log: () => {},
  });
  cleanups.push(() => exchange.close());
  const endpoints = await exchange.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => endpoints.close());
  const client = createClient({
    env: 'local',
    market: market.market,
    baseUrl: endpoints.restUrl,
    clock,
    governor: createRateGovernor({
      clock,
      market: market.market,
      limits: { requestWeightPerMinute: 1_000_000 },
    }),
  });
  cleanups.push(() => client.close());
  const source = new WsDepthSource({ wsUrl: market.wsUrl(endpoints), client, ...hooks });
  cleanups.push(() => source.close());
  const book = createOrderBook({ symbol: market.symbol, source, firstDiffWaitMs: 60_000, verifyIntervalMs });
  cleanups.push(() => book.close());
  const log: string[] = [];
  book.on('resync', (e) => log.push(`resync ${e.reason}`));
  book.on('synced', () => log.push('synced'));
  book.on('mismatch', (e) => log.push(`mismatch ${e.mismatch.side}`));
  book.on('error', (e) => log.push(`error ${String(e)}`));
  // Connected at T0, so the 100 ms flushes fall right after the exchange's 50 ms ticks: at each
  // checkpoint nothing is pending and the REST snapshot lines up with the last diff.
  await source.opened();
  advance(clock, 300);
  await source.sync();
  await book.ready(5000);
  return { market, clock, exchange, endpoints, client, source, book, log };
}

function advance(clock: VirtualClock, ms: number): void {
  for (let t = 0; t < ms; t += 50) clock.advance(Math.min(50, ms - t));
}

function restSnapshot(fx: Fixture): { lastUpdateId: Id; bids: PriceLevel[]; asks: PriceLevel[] } {
  const { prefix, symbol } = fx.market;
  const answer = fx.exchange.handle(request('GET', `${prefix}/v1/depth`, { symbol, limit: '1000' }));
  return parseJson(answer.body) as { lastUpdateId: Id; bids: PriceLevel[]; asks: PriceLevel[] };
}

function request(
  method: string,
  path: string,
  params: Record<string, string>,
  signWith?: Credentials,
): RestRequest {
  let query = new URLSearchParams(params).toString();
  if (signWith !== undefined) query += `&signature=${hmacSha256Hex(signWith.apiSecret, query)}`;
  return {
    method,
    path,
    rawQuery: query,
    rawBody: '',
    headers: signWith === undefined ? {} : { 'x-mbx-apikey': signWith.apiKey },
    clientIp: '127.0.0.1',
  };
}

interface Credentials {
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** A seeded workload of signed limit/market orders and cancels from two accounts, around the touch. */
function workload(fx: Fixture, seed: number) {
  const { prefix, symbol } = fx.market;
  const rng = createRng(seed);
  const taker = fx.exchange.admin({ kind: 'createAccount', balances: fx.market.takerBalances });
  if (taker.kind !== 'account') throw new Error('no account');
  const accounts: Credentials[] = [fx.exchange.defaultAccount!, taker.keys[0] as Credentials];
  const open: { account: number; orderId: Id }[] = [];
  const counts = { placed: 0, canceled: 0 };
  return {
    counts,
    step(): void {
      const n = rng.nextInt(4);
      for (let i = 0; i < n; i++) {
        const timestamp = String(fx.clock.now());
        if (open.length > 0 && rng.next() < 0.3) {
          const [order] = open.splice(rng.nextInt(open.length), 1);
          const params = { symbol, orderId: String(order!.orderId), timestamp };
          const answer = fx.exchange.handle(
            request('DELETE', `${prefix}/v1/order`, params, accounts[order!.account]),
          );
          if (answer.status === 200) counts.canceled++;
          continue;
        }
        const bid = fx.book.bestBid()!.price;
        const account = rng.nextInt(2);
        const offset = rng.nextInt(41) - 20; // ticks around the best bid; some cross
        const price = bid.add(`${offset * 0.1}`.replace(/^(-?)0*\./, '$10.')).toFixed(1);
        const quantity = fx.market.quantity(rng);
        const side = rng.next() < 0.5 ? 'BUY' : 'SELL';
        const params: Record<string, string> =
          rng.next() < 0.1
            ? { symbol, side, type: 'MARKET', quantity, timestamp }
            : { symbol, side, type: 'LIMIT', timeInForce: 'GTC', quantity, price, timestamp };
        const answer = fx.exchange.handle(request('POST', `${prefix}/v1/order`, params, accounts[account]));
        const order = parseJson(answer.body) as { orderId?: Id; status?: string };
        if (answer.status === 200) counts.placed++;
        if (answer.status === 200 && order.status === 'NEW') open.push({ account, orderId: order.orderId! });
      }
    },
  };
}

/** One checkpoint: every frame sent so far delivered, the book synced, then compared with REST. */
async function checkpoint(fx: Fixture): Promise<void> {
  await fx.source.sync();
  await fx.book.ready(5000);
  const rest = restSnapshot(fx);
  expect(BigInt(fx.book.lastUpdateId!)).toBe(BigInt(rest.lastUpdateId));
  expect(fx.book.levelStrings('bids', 1000)).toEqual(rest.bids);
  expect(fx.book.levelStrings('asks', 1000)).toEqual(rest.asks);
}

/**
 * The order book's exchange suite on one market: equal to REST at every checkpoint of a seeded
 * workload (ids below and above 2^53), a dropped diff resyncs, verification repairs a corrupted level.
 */
export function orderBookTests(market: BookMarket): void {
  afterEach(cleanUp);

  describe(`order book against the local exchange (loopback, ${market.symbol})`, () => {
    test.each([
      ['ids below 2^53', 1n],
      ['ids above 2^53', 2n ** 60n],
    ])(
      'default: equals the REST snapshot at every checkpoint of a random workload (%s)',
      async (_label, idStart) => {
        const fx = await start(market, idStart, {}, 150);
        const updates = { count: 0 };
        fx.book.on('update', () => updates.count++);
        const load = workload(fx, 42);
        for (let step = 0; step < 40; step++) {
          load.step();
          advance(fx.clock, 100);
          await checkpoint(fx);
        }
        if (idStart > 2n ** 53n) expect(typeof fx.book.lastUpdateId).toBe('bigint');
        expect(load.counts.placed).toBeGreaterThan(25);
        expect(load.counts.canceled).toBeGreaterThan(0);
        expect(updates.count).toBeGreaterThan(20);
        expect(fx.log).toEqual(['synced']);
        expect(fx.book.stats).toMatchObject({ resyncs: 0, mismatches: 0 });
        // Periodic verification ran against fresh snapshots, and found nothing wrong.
        expect(fx.book.levels('bids', 1)[0]!.price.eq(fx.book.bestBid()!.price)).toBe(true);
        expect(await fx.book.verify()).toMatchObject({ status: 'match' });
      },
    );

    test('behavior: a dropped diff triggers a resync, and the subscriber keeps receiving', async () => {
      let dropped: DepthDiff | undefined;
      const fx = await start(market, 2n ** 60n, {
        drop: (diff, n) => {
          if (n === 6) dropped = diff;
          return n === 6;
        },
      });
      let updates = 0;
      let updatesAfterResync = 0;
      fx.book.on('update', () => {
        updates++;
        if (fx.log.includes('resync gap')) updatesAfterResync++;
      });
      const load = workload(fx, 5);
      for (let step = 0; step < 25; step++) {
        load.step();
        advance(fx.clock, 100);
        await fx.source.sync();
        // A gap shows only when the next diff arrives: until then the book is behind, not a checkpoint.
        if (dropped !== undefined && !fx.log.includes('resync gap')) continue;
        await checkpoint(fx);
      }
      expect(dropped).toBeDefined();
      expect(fx.log).toEqual(['synced', 'resync gap', 'synced']);
      expect(updatesAfterResync).toBeGreaterThan(8);
      expect(updates).toBeGreaterThan(updatesAfterResync);
      expect(fx.source.snapshots.length).toBe(2);
    });

    test('behavior: verification finds a corrupted level, reports it and repairs the book', async () => {
      let corrupted = false;
      const fx = await start(market, 1n, {
        mutate: (diff, n) => {
          if (corrupted || n < 8 || diff.b.length === 0) return diff;
          corrupted = true;
          const [[price]] = diff.b as [PriceLevel];
          return { ...diff, b: [[price, '123.456'], ...diff.b.slice(1)] };
        },
      });
      const load = workload(fx, 9);
      for (let step = 0; step < 30 && !corrupted; step++) {
        load.step();
        advance(fx.clock, 100);
        await fx.source.sync();
      }
      expect(corrupted).toBe(true);
      const result = await fx.book.verify();
      expect(result).toMatchObject({ status: 'mismatch', mismatch: { side: 'bids' } });
      expect(fx.log).toEqual(['synced', 'mismatch bids', 'resync mismatch', 'synced']);
      await checkpoint(fx);
      for (let step = 0; step < 5; step++) {
        load.step();
        advance(fx.clock, 100);
        await checkpoint(fx);
      }
      expect(await fx.book.verify()).toMatchObject({ status: 'match' });
    });
  });
}
