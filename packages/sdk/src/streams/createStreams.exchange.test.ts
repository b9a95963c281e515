import type { AggTradeEvent, DepthUpdateEvent } from '@basis/core';
import type { Exchange } from '@basis/exchange';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { createStreams, type Streams, type StreamsEvent, type StreamsOptions } from './createStreams.js';
import { marketStream } from './descriptors.js';
import { until, useLocalExchanges } from './testing.js';

// Market streams end to end: a local exchange on 127.0.0.1 (wall clock, synthetic market), the
// streams client over real sockets, and the exchange's stream faults.

const local = useLocalExchanges();

async function start(options: StreamsOptions = {}): Promise<{
  exchange: Exchange;
  streams: Streams;
  events: StreamsEvent[];
}> {
  const { exchange, wsUrl } = await local.start();
  const events: StreamsEvent[] = [];
  const streams = local.closeAfterTest(
    createStreams({ urls: { stream: wsUrl } }, { onEvent: (e) => events.push(e), ...options }),
  );
  return { exchange, streams, events };
}

/** Collects a diff-depth stream and checks its `pu` chain: a gap or a duplicate breaks it. */
function depthChain(streams: Streams, name: 'btcusdt@depth@100ms') {
  const events: DepthUpdateEvent[] = [];
  let breaks = 0;
  const sub = streams.subscribe(name, (event) => {
    const previous = events.at(-1);
    if (previous !== undefined && event.pu !== previous.u) breaks += 1;
    events.push(event);
  });
  return {
    sub,
    events,
    get breaks() {
      return breaks;
    },
  };
}

describe('createStreams against the local exchange', () => {
  test('default: typed events from several streams, each on its route, callbacks and iterators', async () => {
    const { exchange, streams } = await start();
    const trades: AggTradeEvent[] = [];
    const subs = [
      streams.subscribe(marketStream.aggTrade('BTCUSDT'), (trade) => {
        expectTypeOf(trade).toEqualTypeOf<AggTradeEvent>();
        trades.push(trade);
      }),
      streams.subscribe('btcusdt@bookTicker', () => {}),
    ];
    const marks = streams.iterate('btcusdt@markPrice@1s');
    const depth = streams.iterate('btcusdt@depth5@100ms');
    const all = streams.iterate('!markPrice@arr@1s');
    await Promise.all([...subs.map((s) => s.ready), marks.ready, depth.ready, all.ready]);

    const mark = (await marks.next()).value!;
    expect(mark).toMatchObject({ e: 'markPriceUpdate', s: 'BTCUSDT' });
    expect((await depth.next()).value).toMatchObject({ e: 'depthUpdate', s: 'BTCUSDT' });
    const list = (await all.next()).value!;
    expect(Array.isArray(list) && list.some((m) => m.s === 'BTCUSDT')).toBe(true);
    await until(() => trades.length > 0, 5000, 'an aggTrade');
    expect(trades[0]).toMatchObject({ e: 'aggTrade', s: 'BTCUSDT' });

    // Two connections: /public (book ticker, depth) and /market (the rest).
    const stats = streams.stats();
    expect(stats.connections.map((c) => [c.route, c.streams]).sort()).toEqual([
      ['market', 3],
      ['public', 2],
    ]);
    const paths = exchange.webSockets
      .connections()
      .map((c) => [...c.streams].sort().join(','))
      .sort();
    expect(paths).toEqual([
      '!markPrice@arr@1s,btcusdt@aggTrade,btcusdt@markPrice@1s',
      'btcusdt@bookTicker,btcusdt@depth5@100ms',
    ]);
    marks.close();
    depth.close();
    all.close();
  });

  test('behavior: streams are added and removed live, spread over connections by the per-connection limit', async () => {
    const { exchange, streams } = await start({ maxStreamsPerConnection: 2 });
    const seen = new Map<string, number>();
    const count = (name: string) => () => seen.set(name, (seen.get(name) ?? 0) + 1);
    const a = streams.subscribe('btcusdt@markPrice@1s', count('btc'));
    await a.ready;
    expect(exchange.webSockets.connections()).toHaveLength(1);
    const b = streams.subscribe('ethusdt@markPrice@1s', count('eth'));
    const c = streams.subscribe('btcusdt@aggTrade', count('trade'));
    await Promise.all([b.ready, c.ready]);
    // The second stream joined the open socket by SUBSCRIBE; the third needed a new connection.
    await until(() => (seen.get('eth') ?? 0) > 0, 5000, 'ETH mark prices');
    expect(streams.stats().connections.map((x) => x.streams)).toEqual([2, 1]);
    const streamsOnServer = () =>
      exchange.webSockets
        .connections()
        .flatMap((x) => [...x.streams])
        .sort();
    expect(streamsOnServer()).toEqual(['btcusdt@aggTrade', 'btcusdt@markPrice@1s', 'ethusdt@markPrice@1s']);

    b.unsubscribe();
    await until(() => !streamsOnServer().includes('ethusdt@markPrice@1s'), 5000, 'UNSUBSCRIBE');
    const ethBefore = seen.get('eth') ?? 0;
    c.unsubscribe();
    // The connection left without streams is closed.
    await until(() => exchange.webSockets.connections().length === 1, 5000, 'the empty connection to close');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(seen.get('eth') ?? 0).toBe(ethBefore);
    expect(streams.list()).toEqual(['btcusdt@markPrice@1s']);
  });

  test('behavior: dropped connections reconnect, restore their subscriptions and report the gap', async () => {
    const { exchange, streams, events } = await start({ backoff: { initialMs: 50 } });
    const marks: number[] = [];
    const sub = streams.subscribe('btcusdt@markPrice@1s', (m) => marks.push(m.E));
    const extra = streams.subscribe('ethusdt@markPrice@1s', () => {});
    await Promise.all([sub.ready, extra.ready]);
    await until(() => marks.length > 0, 5000, 'a mark price');
    const droppedAt = Date.now();
    expect(exchange.faults.dropConnections()).toBe(1);
    await until(() => events.some((e) => e.type === 'gap'), 5000, 'a gap event');
    const gap = events.find((e) => e.type === 'gap') as Extract<StreamsEvent, { type: 'gap' }>;
    expect(gap.to).toBeGreaterThanOrEqual(gap.from);
    expect(gap.streams).toEqual(['btcusdt@markPrice@1s', 'ethusdt@markPrice@1s']);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['connected', 'disconnected', 'reconnecting', 'reconnected', 'gap']),
    );
    const count = marks.length;
    await until(() => marks.length > count, 5000, 'mark prices after the reconnect');
    expect(Date.now() - droppedAt).toBeLessThan(5000);
    // Both streams are back on the new socket (one SUBSCRIBE-free reconnect: the URL names them).
    expect([...exchange.webSockets.connections()[0]!.streams].sort()).toEqual([
      'btcusdt@markPrice@1s',
      'ethusdt@markPrice@1s',
    ]);
  });

  test('behavior: a silent socket is declared dead by the watchdog and replaced within the bound', async () => {
    // markPrice@1s: idle after 2 × 1 s, then a ping left unanswered 500 ms: dead within ~2.5 s.
    const { exchange, streams, events } = await start({
      watchdog: { pongTimeoutMs: 500 },
      backoff: { initialMs: 50 },
    });
    const marks: number[] = [];
    const sub = streams.subscribe('btcusdt@markPrice@1s', (m) => marks.push(m.E));
    await sub.ready;
    await until(() => marks.length > 0, 5000, 'a mark price');
    const id = Math.max(...exchange.webSockets.connections().map((c) => c.id));
    exchange.faults.add({ kind: 'silence', scope: { connectionId: id } });
    const silencedAt = Date.now();
    await until(() => events.some((e) => e.type === 'stale'), 4000, 'the watchdog');
    const detectedMs = Date.now() - silencedAt;
    expect(detectedMs).toBeLessThan(3500);
    const count = marks.length;
    await until(() => marks.length > count, 4000, 'mark prices on the new socket');
    expect(events.find((e) => e.type === 'gap')).toBeDefined();
    expect(streams.stats().connections[0]!.staleKills).toBe(1);
  });

  test('behavior: rotation is make-before-break: the depth pu chain has no gap and no duplicate', async () => {
    // An overlap of ~10 depth intervals: the book changes within it even on a loaded machine, so both
    // sockets deliver the same events and the duplicates are seen (300 ms was once too short under load).
    const { streams, events } = await start({ rotationOverlapMs: 1000 });
    const chain = depthChain(streams, 'btcusdt@depth@100ms');
    const trades: bigint[] = [];
    streams.subscribe('btcusdt@aggTrade', (t) => trades.push(BigInt(t.a)));
    await chain.sub.ready;
    await until(() => chain.events.length >= 3, 5000, 'depth events');
    await streams.rotate();
    await streams.rotate();
    const after = chain.events.length;
    await until(() => chain.events.length >= after + 5, 5000, 'depth after the rotations');
    expect(events.filter((e) => e.type === 'rotated')).toHaveLength(4);
    expect(events.some((e) => e.type === 'gap' || e.type === 'disconnected')).toBe(false);
    expect(chain.breaks).toBe(0);
    expect(new Set(trades).size).toBe(trades.length);
    expect(streams.stats().duplicatesDropped).toBeGreaterThan(0);
  });

  test('behavior: rotation runs by itself before the socket ages out (rotateAfterMs)', async () => {
    const { streams, events } = await start({ rotateAfterMs: 400, rotationOverlapMs: 100 });
    const chain = depthChain(streams, 'btcusdt@depth@100ms');
    await chain.sub.ready;
    await until(() => events.filter((e) => e.type === 'rotated').length >= 3, 6000, 'three rotations');
    expect(chain.breaks).toBe(0);
    expect(events.some((e) => e.type === 'gap')).toBe(false);
  });

  test("behavior: the server's 24 h cut is followed by an immediate reconnect and a reported gap", async () => {
    const { exchange, streams, events } = await start({ backoff: { initialMs: 20 } });
    const chain = depthChain(streams, 'btcusdt@depth@100ms');
    await chain.sub.ready;
    await until(() => chain.events.length >= 2, 5000, 'depth events');
    expect(exchange.faults.force24hDisconnect()).toBe(1);
    await until(() => events.some((e) => e.type === 'reconnected'), 3000, 'the reconnect');
    const disconnected = events.find((e) => e.type === 'disconnected') as Extract<
      StreamsEvent,
      { type: 'disconnected' }
    >;
    expect(disconnected.code).toBe(1000);
    const gap = events.find((e) => e.type === 'gap') as Extract<StreamsEvent, { type: 'gap' }>;
    expect(gap.to - gap.from).toBeLessThan(2000);
    const count = chain.events.length;
    await until(() => chain.events.length > count, 3000, 'depth after the reconnect');
  });

  test('behavior: delayed frames arrive late, in order, and do not trip the watchdog', async () => {
    const { exchange, streams, events } = await start({ watchdog: { pongTimeoutMs: 1000 } });
    const chain = depthChain(streams, 'btcusdt@depth@100ms');
    await chain.sub.ready;
    await until(() => chain.events.length >= 2, 5000, 'depth events');
    const id = Math.max(...exchange.webSockets.connections().map((c) => c.id));
    exchange.faults.add({ kind: 'delay', scope: { connectionId: id }, params: { delayMs: 400 } });
    const before = chain.events.length;
    await until(() => chain.events.length >= before + 10, 6000, 'delayed depth events');
    expect(chain.breaks).toBe(0);
    expect(events.some((e) => e.type === 'stale' || e.type === 'disconnected')).toBe(false);
  });
});
