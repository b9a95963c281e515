import type {
  AggTradeEvent,
  CoinmDepthUpdateEvent,
  CoinmIndexPriceUpdateEvent,
  CoinmMarkPriceUpdateEvent,
} from '@basis/core';
import type { Exchange } from '@basis/exchange';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { createClient } from '../clients/createClient.js';
import { createStreams, type Streams, type StreamsEvent, type StreamsOptions } from './createStreams.js';
import { marketStream } from './descriptors.js';
import { until, useLocalExchanges } from './testing.js';

// COIN-M market streams end to end: a local exchange on 127.0.0.1 (wall clock, synthetic market),
// createStreams over a COIN-M client (its stream URL is the exchange's `/dstream`), real sockets and
// the exchange's stream faults.

const local = useLocalExchanges();

async function start(options: StreamsOptions = {}): Promise<{
  exchange: Exchange;
  streams: Streams<'coinm'>;
  events: StreamsEvent[];
}> {
  const { exchange, restUrl } = await local.start();
  const client = local.closeAfterTest(createClient({ env: 'local', market: 'coinm', baseUrl: restUrl }));
  expect(client.urls?.stream).toMatch(/\/dstream$/);
  const events: StreamsEvent[] = [];
  const streams = local.closeAfterTest(
    createStreams<'coinm'>(client, { onEvent: (e) => events.push(e), ...options }),
  );
  return { exchange, streams, events };
}

describe('createStreams on COIN-M against the local exchange', () => {
  test('default: aggTrade, mark price, a pair mark price, index price and depth of BTCUSD_PERP arrive typed on one unrouted connection', async () => {
    const { exchange, streams } = await start();
    const trades: AggTradeEvent[] = [];
    const depth: CoinmDepthUpdateEvent[] = [];
    const pairMarks: CoinmMarkPriceUpdateEvent[][] = [];
    const subs = [
      streams.subscribe(marketStream.aggTrade('BTCUSD_PERP'), (trade) => {
        expectTypeOf(trade).toEqualTypeOf<AggTradeEvent>();
        trades.push(trade);
      }),
      streams.subscribe(marketStream.depth('BTCUSD_PERP', 100), (event) => {
        expectTypeOf(event).toEqualTypeOf<CoinmDepthUpdateEvent>();
        depth.push(event);
      }),
      streams.subscribe('btcusd@markPrice@1s', (marks) => {
        expectTypeOf(marks).toEqualTypeOf<CoinmMarkPriceUpdateEvent[]>();
        pairMarks.push(marks);
      }),
    ];
    const marks = streams.iterate(marketStream.markPrice('BTCUSD_PERP', '1s'));
    const index = streams.iterate(marketStream.indexPrice('BTCUSD', '1s'));
    await Promise.all([...subs.map((s) => s.ready), marks.ready, index.ready]);

    // Typed by the stream name on COIN-M (assignments: the iterator's value is the payload type).
    const mark: CoinmMarkPriceUpdateEvent = (await marks.next()).value!;
    expect(mark).toMatchObject({ e: 'markPriceUpdate', s: 'BTCUSD_PERP' });
    const indexPrice: CoinmIndexPriceUpdateEvent = (await index.next()).value!;
    expect(indexPrice).toMatchObject({ e: 'indexPriceUpdate', i: 'BTCUSD' });
    await until(() => depth.length > 1 && pairMarks.length > 0, 5000, 'depth and pair mark prices');
    expect(depth[0]).toMatchObject({ e: 'depthUpdate', s: 'BTCUSD_PERP', ps: 'BTCUSD' });
    expect(depth[1]!.pu).toBe(depth[0]!.u);
    expect(pairMarks[0]!.map((m) => m.s)).toContain('BTCUSD_PERP');
    await until(() => trades.length > 0, 5000, 'an aggTrade');
    expect(trades[0]).toMatchObject({ e: 'aggTrade', s: 'BTCUSD_PERP' });

    // COIN-M has no /public|/market split: one connection for all five.
    expect(streams.stats().connections.map((c) => [c.route, c.streams])).toEqual([[undefined, 5]]);
    expect(exchange.webSockets.connections().map((c) => [...c.streams].sort())).toEqual([
      [
        'btcusd@indexPrice@1s',
        'btcusd@markPrice@1s',
        'btcusd_perp@aggTrade',
        'btcusd_perp@depth@100ms',
        'btcusd_perp@markPrice@1s',
      ],
    ]);
    marks.close();
    index.close();
  });

  test('behavior: a dropped connection reconnects under /dstream, restores its subscriptions and reports the gap', async () => {
    const { exchange, streams, events } = await start({ backoff: { initialMs: 50 } });
    const marks: number[] = [];
    const depth: CoinmDepthUpdateEvent[] = [];
    const sub = streams.subscribe('btcusd_perp@markPrice@1s', (m) => marks.push(m.E));
    const book = streams.subscribe('btcusd_perp@depth@100ms', (d) => depth.push(d));
    await Promise.all([sub.ready, book.ready]);
    await until(() => marks.length > 0, 5000, 'a mark price');
    expect(exchange.faults.dropConnections()).toBe(1);
    await until(() => events.some((e) => e.type === 'gap'), 5000, 'a gap event');
    const gap = events.find((e) => e.type === 'gap') as Extract<StreamsEvent, { type: 'gap' }>;
    expect([...gap.streams].sort()).toEqual(['btcusd_perp@depth@100ms', 'btcusd_perp@markPrice@1s']);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['connected', 'disconnected', 'reconnecting', 'reconnected', 'gap']),
    );
    const count = marks.length;
    const depthCount = depth.length;
    await until(() => marks.length > count && depth.length > depthCount, 5000, 'events after the reconnect');
    expect(depth.at(-1)).toMatchObject({ s: 'BTCUSD_PERP', ps: 'BTCUSD' });
    expect([...exchange.webSockets.connections()[0]!.streams].sort()).toEqual([
      'btcusd_perp@depth@100ms',
      'btcusd_perp@markPrice@1s',
    ]);
  });

  test('behavior: rotation is make-before-break on COIN-M too: the depth pu chain has no gap and no duplicate', async () => {
    const { streams, events } = await start({ rotationOverlapMs: 300 });
    const depth: CoinmDepthUpdateEvent[] = [];
    let breaks = 0;
    const sub = streams.subscribe('btcusd_perp@depth@100ms', (event) => {
      const previous = depth.at(-1);
      if (previous !== undefined && event.pu !== previous.u) breaks += 1;
      depth.push(event);
    });
    await sub.ready;
    await until(() => depth.length >= 3, 5000, 'depth events');
    await streams.rotate();
    const after = depth.length;
    await until(() => depth.length >= after + 5, 5000, 'depth after the rotation');
    expect(events.filter((e) => e.type === 'rotated')).toHaveLength(1);
    expect(events.some((e) => e.type === 'gap' || e.type === 'disconnected')).toBe(false);
    expect(breaks).toBe(0);
  });
});
