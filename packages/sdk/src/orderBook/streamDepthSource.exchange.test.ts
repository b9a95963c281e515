import { createExchange, type Exchange } from '@basis/exchange';
import { afterEach, describe, expect, test } from 'vitest';
import { createClient } from '../clients/createClient.js';
import { usdmActions } from '../clients/decorators/usdm.js';
import { createRateGovernor } from '../rateLimit/governor.js';
import { createStreams, type Streams } from '../streams/createStreams.js';
import { createOrderBook, type OrderBook } from './orderBook.js';
import { streamDepthSource } from './streamDepthSource.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Polls `check` every 20 ms until it holds, at most `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function start(): Promise<{
  exchange: Exchange;
  book: OrderBook;
  streams: Streams;
  place: (price: string) => Promise<void>;
  rest: () => Promise<{ bids: string[][]; asks: string[][] }>;
}> {
  // A quiet market: the book holds only what the test puts there, so it can be compared with REST.
  const exchange = createExchange({ marketData: 'none', rateLimits: { enabled: false }, log: () => {} });
  const endpoints = await exchange.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => exchange.close());
  const client = createClient({
    env: 'local',
    baseUrl: endpoints.restUrl,
    credentials: exchange.defaultAccount!,
    governor: createRateGovernor({ limits: { requestWeightPerMinute: 1_000_000 } }),
  }).extend(usdmActions);
  cleanups.push(() => client.close());
  const streams = createStreams(client, {
    backoff: { initialMs: 20, maxMs: 100 },
    watchdog: { idleMs: 500, pongTimeoutMs: 300 },
  });
  cleanups.push(() => streams.close());
  const book = createOrderBook({ symbol: 'BTCUSDT', source: streamDepthSource({ client, streams }) });
  cleanups.push(() => book.close());
  const place = async (price: string) => {
    await client.newOrder({
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '0.002',
      price,
    });
  };
  const rest = async () => {
    const depth = await client.getDepth({ symbol: 'BTCUSDT', limit: 100 });
    return {
      bids: depth.bids.map(([p, q]) => [String(p), String(q)]),
      asks: depth.asks.map(([p, q]) => [String(p), String(q)]),
    };
  };
  return { exchange, book, streams, place, rest };
}

describe('streamDepthSource', () => {
  test('default: a book kept from the SDK streams equals REST, and resyncs at once after a dropped connection', async () => {
    const { exchange, book, place, rest } = await start();
    const resyncs: string[] = [];
    book.on('resync', (event) => resyncs.push(event.reason));
    await book.ready(10_000);
    await place('95000.0');
    await place('94990.5');
    await until(() => book.levelStrings('bids').length === 2, 5000, 'two bid levels');
    expect(book.levelStrings('bids')).toEqual((await rest()).bids);

    // While the socket is down an order changes the book; the gap triggers a resync, not a stale book.
    exchange.faults.dropConnections({});
    await place('94980.0');
    await until(
      () => resyncs.length > 0 && book.status === 'synced' && book.levelStrings('bids').length === 3,
      10_000,
      'the resync',
    );
    expect(resyncs[0]).toBe('interrupted');
    expect(book.levelStrings('bids')).toEqual((await rest()).bids);
    expect(book.bestBid()?.price.toString()).toBe('95000.00');
  }, 30_000);

  test('behavior: under silence, delay and the 24 h cut the book comes back equal to REST', async () => {
    const { exchange, book, place, rest } = await start();
    await book.ready(10_000);
    let price = 95_000;
    const next = () => {
      price -= 1.5;
      return price.toFixed(1);
    };
    const equalsRest = async (what: string) => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const expected = (await rest()).bids;
        if (
          book.status === 'synced' &&
          JSON.stringify(book.levelStrings('bids')) === JSON.stringify(expected)
        )
          return;
        if (Date.now() > deadline) throw new Error(`the book did not come back equal to REST after ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    // Silence: no frame, no pong; the watchdog replaces the socket and the gap resyncs the book.
    const silence = exchange.faults.add({ kind: 'silence', scope: { route: 'stream' } });
    await place(next());
    await new Promise((resolve) => setTimeout(resolve, 1200));
    exchange.faults.remove(silence.id);
    await place(next());
    await equalsRest('silence');
    // Delay: frames arrive late but in order; no resync is needed, the book catches up.
    const delay = exchange.faults.add({
      kind: 'delay',
      scope: { route: 'stream' },
      params: { delayMs: 300 },
    });
    await place(next());
    await place(next());
    await equalsRest('delay');
    exchange.faults.remove(delay.id);
    // The 24 h cut, forced now: reconnect, resync.
    exchange.faults.force24hDisconnect({});
    await place(next());
    await equalsRest('the 24 h cut');
    expect(book.levelStrings('bids').length).toBeGreaterThanOrEqual(5);
  }, 40_000);
});
