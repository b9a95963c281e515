import { Decimal } from '@basis/core';
import { createExchange, type Exchange, type ExchangeEndpoints } from '@basis/exchange';
import {
  type Client,
  type CoinmActions,
  coinmActions,
  createClient,
  createRateGovernor,
  getAggTrades,
  getCoinmBalance,
  getCoinmUserTrades,
} from '@basis/sdk';
import { afterEach, describe, expect, test } from 'vitest';
import type { FillRecord } from '../report/runRecord.js';
import { summarize } from '../report/summarize.js';
import type { AlgoUpdate } from '../strategy/events.js';
import {
  defineStrategy,
  type OpenAlgoView,
  type OpenOrderView,
  type StrategyContext,
} from '../strategy/strategy.js';
import { type LiveOptions, LiveRunRefusedError, runLive } from './runLive.js';

// Live mode on COIN-M against the local exchange over real loopback sockets: a `market: 'coinm'`
// client (REST under /dapi, streams under /dstream), BTCUSD_PERP in contracts, the account in BTC.

const PERP = 'BTCUSD_PERP';

interface Venue {
  readonly exchange: Exchange;
  readonly endpoints: ExchangeEndpoints;
  readonly client: Client<CoinmActions>;
}

const open: Venue[] = [];
afterEach(async () => {
  for (const v of open.splice(0)) {
    await v.client.close();
    await v.endpoints.close();
    await v.exchange.close();
  }
});

async function startVenue(seed: number): Promise<Venue> {
  const exchange = createExchange({
    seed,
    synthetic: { backfillMinutes: 5 },
    rateLimits: { enabled: false },
    log: () => {},
  });
  const endpoints = await exchange.listen({ host: '127.0.0.1', port: 0 });
  const client = createClient({
    env: 'local',
    market: 'coinm',
    baseUrl: endpoints.restUrl,
    credentials: exchange.defaultAccount!,
    governor: createRateGovernor({
      market: 'coinm',
      limits: {
        requestWeightPerMinute: 1_000_000,
        ordersPer10Seconds: 1_000_000,
        ordersPerMinute: 1_000_000,
      },
    }),
  }).extend(coinmActions);
  const venue = { exchange, endpoints, client };
  open.push(venue);
  return venue;
}

/** Fast reconnects, so a dropped socket comes back within the test. */
const FAST: Pick<LiveOptions, 'streams' | 'userData'> = {
  streams: { backoff: { initialMs: 50, maxMs: 200 } },
  // A fixed reconnect delay (no jitter): the user-data socket stays away 300 ms after a drop.
  userData: { backoff: { initialMs: 300, maxMs: 600 }, random: () => 0.999, lookbackMs: 1000 },
};

/** Buys, then sells, then buys... `contracts` at market every `everyMs`. */
const trader = (everyMs: number, contracts: string) =>
  defineStrategy(() => {
    let n = 0;
    return {
      name: 'coinm-trader',
      symbols: [PERP],
      onStart(ctx) {
        ctx.setInterval('trade', everyMs);
      },
      onTimer(ctx) {
        ctx.submitOrder({
          symbol: PERP,
          side: n++ % 2 === 0 ? 'BUY' : 'SELL',
          type: 'MARKET',
          quantity: contracts,
        });
      },
    };
  });

const norm = (text: string) => Decimal.parse(text).normalize().toString();
const fillKey = (f: Pick<FillRecord, 'orderId' | 'side' | 'price' | 'qty' | 'fee' | 'time'>) =>
  `${f.orderId}|${f.side}|${norm(f.price)}|${norm(f.qty)}|${norm(f.fee)}|${f.time}`;

async function restFills(client: Client, since: number): Promise<string[]> {
  const trades = await getCoinmUserTrades(client, { symbol: PERP, startTime: since, limit: 1000 });
  return trades
    .filter((t) => t.time >= since)
    .map((t) =>
      fillKey({
        orderId: String(t.orderId),
        side: t.side,
        price: t.price,
        qty: t.qty,
        fee: t.commission,
        time: t.time,
      }),
    )
    .sort();
}

async function btc(client: Client): Promise<Decimal> {
  const rows = await getCoinmBalance(client);
  return Decimal.parse(rows.find((r) => r.asset === 'BTC')!.balance);
}

/** The account's fills of the run as the COIN-M venue itself holds them (not through REST). */
function venueFills(exchange: Exchange, since: number): string[] {
  const account = exchange.coinm!.account(exchange.defaultAccount!.accountId);
  return account.trades
    .filter((t) => t.symbol === PERP && t.time >= since)
    .map((t) =>
      fillKey({
        orderId: String(t.orderId),
        side: t.side,
        price: t.price.toString(),
        qty: t.qty.toString(),
        fee: t.commission.toString(),
        time: t.time,
      }),
    )
    .sort();
}

/** What {@link dropConnections} closed. */
interface Drop {
  /** How many connections the fault injector closed. */
  readonly closed: number;
  /** The streams the open connections listened to just before. */
  readonly streams: readonly string[];
  /** The account's COIN-M listen key then. */
  readonly listenKey: string | undefined;
}

/** Drops every open WebSocket connection of the exchange, noting which ones they were. */
function dropConnections(exchange: Exchange): Drop {
  const coinm = exchange.coinm!;
  const listenKey = coinm.listenKeys.keyOf(exchange.defaultAccount!.accountId, coinm.now)?.listenKey;
  const connections = exchange.webSockets.connections();
  const streams = connections.flatMap((c) => c.streams);
  const closed = exchange.faults.dropConnections({});
  return { closed, streams, listenKey };
}

/**
 * The drop reached the run's COIN-M sockets: its market streams (served under /dstream) with
 * `marketStream` among them, and its user-data stream (the COIN-M venue's listen key); nothing else
 * was open.
 */
function expectCoinmDrop(drop: Drop | undefined, marketStream: string): void {
  expect(drop).toBeDefined();
  const { closed, streams, listenKey } = drop!;
  expect(listenKey).toBeDefined();
  expect(streams).toContain(listenKey);
  expect(streams).toContain(marketStream);
  expect(streams.every((s) => s === listenKey || s.startsWith(`${PERP.toLowerCase()}@`))).toBe(true);
  expect(closed).toBeGreaterThanOrEqual(2);
}

describe('runLive on COIN-M', () => {
  test('default: trades BTCUSD_PERP in contracts; the record, in BTC, equals the exchange account', async () => {
    const { client } = await startVenue(21);
    const before = await btc(client);
    const lines: string[] = [];
    const result = await runLive({
      strategy: trader(250, '2'),
      client,
      durationMs: 2_500,
      sampleEveryMs: 500,
      log: (line) => lines.push(line),
      ...FAST,
    });
    const { record } = result;
    expect(record.meta).toMatchObject({
      mode: 'live',
      env: 'local',
      strategy: 'coinm-trader',
      symbols: [PERP],
      quoteAsset: 'BTC',
    });
    expect(record.fills.length).toBeGreaterThanOrEqual(5);
    expect(record.fills.every((f) => f.qty === '2' && f.feeAsset === 'BTC')).toBe(true);
    expect(record.fills.map(fillKey).sort()).toEqual(await restFills(client, record.meta.startTime));
    const after = await btc(client);
    expect(result.startingWallet).toBe(before.toString());
    expect(Decimal.parse(result.wallet).eq(after)).toBe(true);
    expect(after.sub(before).eq(result.totals.netPnl)).toBe(true);
    expect(after.sub(before).isZero()).toBe(false);
    expect(lines.filter((l) => l.startsWith('rejected'))).toEqual([]);

    // The USD value at the BTC index price, as in backtest and paper.
    const last = record.equity.at(-1)!;
    expect(last.usdPrice).toMatch(/^\d+(\.\d+)?$/);
    expect(last.usdValue).toBe(
      Decimal.parse(last.equity).mul(last.usdPrice!).round(8, 'half-even').toString(),
    );
    const { pnl } = summarize(record);
    expect(pnl.usd).not.toBeNull();
    expect(pnl.usd!.endPrice).toBe(last.usdPrice);
  }, 20_000);

  test('behavior: a conditional order goes through the COIN-M algo service and comes back as algo updates', async () => {
    const { client } = await startVenue(22);
    const updates: AlgoUpdate[] = [];
    const seen: { during: readonly OpenAlgoView[]; after: readonly OpenAlgoView[] } = {
      during: [],
      after: [],
    };
    let onExchange: string[] = [];
    const strategy = defineStrategy(() => ({
      name: 'stopper',
      symbols: [PERP],
      onStart(ctx) {
        ctx.setTimer('place', 300);
      },
      onTimer(ctx, timer) {
        if (timer.name === 'place') {
          const mark = ctx.markPrice(PERP)!;
          ctx.submitAlgoOrder({
            symbol: PERP,
            side: 'BUY',
            type: 'STOP_MARKET',
            quantity: '3',
            triggerPrice: ctx.roundPrice(PERP, mark.mul('1.2')),
            clientAlgoId: 'far-stop',
          });
          ctx.setTimer('look', 600);
        } else if (timer.name === 'look') {
          seen.during = ctx.openAlgoOrders(PERP);
          void client.getOpenAlgoOrders({ symbol: PERP }).then((rows) => {
            onExchange = rows.map((r) => r.clientAlgoId);
          });
          ctx.cancelAlgoOrder(PERP, 'far-stop');
          ctx.setTimer('done', 600);
        } else {
          seen.after = ctx.openAlgoOrders(PERP);
        }
      },
      onAlgoUpdate(_ctx, update) {
        updates.push(update);
      },
    }));
    const lines: string[] = [];
    const result = await runLive({
      strategy,
      client,
      durationMs: 2_200,
      log: (line) => lines.push(line),
      ...FAST,
    });
    expect(lines.filter((l) => l.startsWith('rejected'))).toEqual([]);
    expect(seen.during.map((a) => a.clientAlgoId)).toEqual(['far-stop']);
    expect(onExchange).toEqual(['far-stop']);
    expect(seen.after).toEqual([]);
    const statuses = updates.filter((u) => u.clientAlgoId === 'far-stop').map((u) => u.status);
    expect(statuses[0]).toBe('NEW');
    expect(statuses.at(-1)).toBe('CANCELED');
    expect(updates.every((u) => u.symbol === PERP && u.type === 'STOP_MARKET')).toBe(true);
    expect(await client.getOpenAlgoOrders({ symbol: PERP })).toEqual([]);
    expect(result.record.fills).toEqual([]);
  }, 20_000);

  test('behavior: a dropped connection mid-run loses no fill and reports none twice', async () => {
    const { client, exchange } = await startVenue(24);
    const lines: string[] = [];
    let updates = 0;
    let drop: Drop | undefined;
    const result = await runLive({
      strategy: trader(100, '2'),
      client,
      durationMs: 3_000,
      log: (line) => lines.push(line),
      onUpdate: () => {
        if (updates++ === 1) drop = dropConnections(exchange);
      },
      sampleEveryMs: 500,
      ...FAST,
    });
    expectCoinmDrop(drop, 'btcusd_perp@markPrice@1s');
    expect(lines.some((l) => l.includes('user-data stream: gap'))).toBe(true);
    // The socket stayed away for 300 ms while market orders filled every 100 ms: REST read them back.
    expect(lines.some((l) => /user-data stream: [1-9]\d* change\(s\) read back/.test(l))).toBe(true);
    const { record } = result;
    const recorded = record.fills.map(fillKey).sort();
    expect(new Set(recorded).size).toBe(recorded.length);
    expect(recorded).toEqual(await restFills(client, record.meta.startTime));
    expect(recorded).toEqual(venueFills(exchange, record.meta.startTime));
    expect(recorded.length).toBeGreaterThanOrEqual(10);
    expect(record.fills.every((f) => f.symbol === PERP && f.qty === '2' && f.feeAsset === 'BTC')).toBe(true);
    const after = await btc(client);
    expect(Decimal.parse(result.wallet).eq(after)).toBe(true);
  }, 20_000);

  test('behavior: trades lost while the market streams reconnect are read back, in order, once each', async () => {
    const { client, exchange } = await startVenue(25);
    const lines: string[] = [];
    const seen: bigint[] = [];
    let n = 0;
    const strategy = defineStrategy(() => ({
      name: 'trade-watcher',
      symbols: [PERP],
      onStart(ctx) {
        ctx.setInterval('trade', 100);
      },
      onTimer(ctx) {
        // Market orders every 100 ms: aggregate trades keep happening while the sockets are away.
        ctx.submitOrder({
          symbol: PERP,
          side: n++ % 2 === 0 ? 'BUY' : 'SELL',
          type: 'MARKET',
          quantity: '2',
        });
      },
      onTrade(_ctx, trade) {
        seen.push(BigInt(trade.tradeId));
      },
    }));
    let updates = 0;
    let drop: Drop | undefined;
    const started = Date.now();
    await runLive({
      strategy,
      client,
      durationMs: 3_000,
      sampleEveryMs: 500,
      log: (line) => lines.push(line),
      onUpdate: () => {
        if (updates++ === 1) drop = dropConnections(exchange);
      },
      // The market socket stays away ~500 ms (no jitter): several market orders fill meanwhile.
      streams: { backoff: { initialMs: 500, maxMs: 500 }, random: () => 0.999 },
      userData: FAST.userData!,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expectCoinmDrop(drop, 'btcusd_perp@aggTrade');
    expect(lines.some((l) => l.startsWith('market streams: gap') && l.includes('btcusd_perp@aggTrade'))).toBe(
      true,
    );
    expect(lines.some((l) => /BTCUSD_PERP: [1-9]\d* trade\(s\) read back after a gap/.test(l))).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(15);
    // Every aggregate trade id from the first seen to the last, once each, in order: as REST
    // (/dapi/v1/aggTrades) has them.
    const first = seen[0]!;
    const last = seen.at(-1)!;
    const ids: bigint[] = [];
    for (let from = first; from <= last; ) {
      const page = await getAggTrades(client, { symbol: PERP, fromId: Number(from), limit: 1000 });
      if (page.length === 0) break;
      for (const row of page) if (BigInt(row.a) <= last) ids.push(BigInt(row.a));
      from = BigInt(page.at(-1)!.a) + 1n;
    }
    expect(seen).toEqual(ids);
    expect(ids.every((id, i) => id === first + BigInt(i))).toBe(true);
  }, 20_000);

  test('behavior: an open order, an algo order and a position that exist at start are in the strategy state', async () => {
    const { client } = await startVenue(23);
    await client.newOrder({ symbol: PERP, side: 'BUY', type: 'MARKET', quantity: '3' });
    const [book] = await client.getBookTicker({ symbol: PERP });
    const bid = Decimal.parse(book!.bidPrice);
    const far = bid.mul('0.9').roundToStep(Decimal.parse('0.1'), 'floor');
    await client.newOrder({
      symbol: PERP,
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '2',
      price: far,
      newClientOrderId: 'before-the-run',
    });
    await client.newOrder({
      symbol: PERP,
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '3',
      stopPrice: bid.mul('0.8').roundToStep(Decimal.parse('0.1'), 'floor'),
      newClientOrderId: 'stop-before-the-run',
    });
    let seen:
      | { amount: string; orders: readonly OpenOrderView[]; algos: readonly OpenAlgoView[] }
      | undefined;
    const strategy = defineStrategy(() => ({
      name: 'inspector',
      symbols: [PERP],
      onStart(ctx: StrategyContext) {
        seen = {
          amount: ctx.position(PERP).amount.toString(),
          orders: ctx.openOrders(PERP),
          algos: ctx.openAlgoOrders(PERP),
        };
        ctx.cancelOrder(PERP, 'before-the-run');
        ctx.cancelAlgoOrder(PERP, 'stop-before-the-run');
      },
    }));
    const result = await runLive({ strategy, client, durationMs: 800, ...FAST });
    expect(Decimal.parse(seen!.amount).eq('3')).toBe(true);
    expect(seen!.orders).toHaveLength(1);
    expect(seen!.orders[0]).toMatchObject({ clientOrderId: 'before-the-run', side: 'BUY' });
    expect(seen!.orders[0]!.price.eq(far)).toBe(true);
    expect(seen!.algos.map((a) => a.clientAlgoId)).toEqual(['stop-before-the-run']);
    expect(await client.getOpenOrders({ symbol: PERP })).toEqual([]);
    expect(await client.getOpenAlgoOrders({ symbol: PERP })).toEqual([]);
    expect(result.record.positions[PERP]?.[0]?.amount).toBe('3');
    expect(result.record.meta.quoteAsset).toBe('BTC');
  }, 20_000);

  test('behavior: symbols of the other product than the client are refused before anything connects', async () => {
    const usdm = createClient({
      env: 'testnet',
      credentials: { apiKey: 'k', apiSecret: 's' },
      timeSync: false,
    });
    const coinm = createClient({
      env: 'testnet',
      market: 'coinm',
      credentials: { apiKey: 'k', apiSecret: 's' },
      timeSync: false,
    });
    try {
      await expect(
        runLive({ strategy: trader(100, '1'), client: usdm, symbols: [PERP], durationMs: 10 }),
      ).rejects.toThrow(
        "BTCUSD_PERP is COIN-M, but the client trades USDⓈ-M: create it with market: 'coinm'",
      );
      await expect(
        runLive({ strategy: trader(100, '1'), client: coinm, symbols: ['BTCUSDT'], durationMs: 10 }),
      ).rejects.toThrow(LiveRunRefusedError);
    } finally {
      await usdm.close();
      await coinm.close();
    }
  });
});
