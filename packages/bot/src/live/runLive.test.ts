import { Decimal } from '@basis/core';
import { createExchange, type Exchange, type ExchangeEndpoints } from '@basis/exchange';
import {
  type Client,
  createClient,
  createRateGovernor,
  getAggTrades,
  getBalanceV3,
  getUserTrades,
  newOrder,
  type UsdmActions,
  usdmActions,
} from '@basis/sdk';
import { afterEach, describe, expect, test } from 'vitest';
import type { FillRecord } from '../report/runRecord.js';
import { loadStrategy } from '../strategy/loadStrategy.js';
import { defineStrategy, type OpenOrderView, type StrategyContext } from '../strategy/strategy.js';
import { type LiveOptions, LiveRunRefusedError, runLive } from './runLive.js';

// Live mode against the local exchange over real loopback sockets: REST through the SDK's HTTP
// transport, market and user-data streams through its WebSocket streams.

const SYMBOL = 'BTCUSDT';

interface Venue {
  readonly exchange: Exchange;
  readonly endpoints: ExchangeEndpoints;
  readonly client: Client<UsdmActions>;
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
    baseUrl: endpoints.restUrl,
    credentials: exchange.defaultAccount!,
    governor: createRateGovernor({
      limits: {
        requestWeightPerMinute: 1_000_000,
        ordersPer10Seconds: 1_000_000,
        ordersPerMinute: 1_000_000,
      },
    }),
  }).extend(usdmActions);
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

/** Buys, then sells, then buys... a market order every `everyMs`, ending flat-ish. */
const trader = (everyMs: number) =>
  defineStrategy(() => {
    let n = 0;
    return {
      name: 'live-trader',
      symbols: [SYMBOL],
      onStart(ctx) {
        ctx.setInterval('trade', everyMs);
      },
      onTimer(ctx) {
        ctx.submitOrder({
          symbol: SYMBOL,
          side: n++ % 2 === 0 ? 'BUY' : 'SELL',
          type: 'MARKET',
          quantity: '0.002',
        });
      },
    };
  });

const norm = (text: string) => Decimal.parse(text).normalize().toString();
const fillKey = (f: Pick<FillRecord, 'orderId' | 'side' | 'price' | 'qty' | 'fee' | 'time'>) =>
  `${f.orderId}|${f.side}|${norm(f.price)}|${norm(f.qty)}|${norm(f.fee)}|${f.time}`;

async function restFills(client: Client, since: number): Promise<string[]> {
  const trades = await getUserTrades(client, { symbol: SYMBOL, startTime: since, limit: 1000 });
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

async function usdt(client: Client): Promise<Decimal> {
  const rows = await getBalanceV3(client);
  return Decimal.parse(rows.find((r) => r.asset === 'USDT')!.balance);
}

describe('runLive', () => {
  test('default: trades through the SDK; the record equals the exchange account', async () => {
    const { client } = await startVenue(11);
    const before = await usdt(client);
    const lines: string[] = [];
    const result = await runLive({
      strategy: trader(250),
      client,
      durationMs: 2_500,
      sampleEveryMs: 500,
      log: (line) => lines.push(line),
      ...FAST,
    });
    expect(result.record.meta).toMatchObject({ mode: 'live', env: 'local', strategy: 'live-trader' });
    expect(result.record.fills.length).toBeGreaterThanOrEqual(5);
    const recorded = result.record.fills.map(fillKey).sort();
    expect(recorded).toEqual(await restFills(client, result.record.meta.startTime));
    const after = await usdt(client);
    expect(result.startingWallet).toBe(before.toString());
    expect(Decimal.parse(result.wallet).eq(after)).toBe(true);
    expect(after.sub(before).eq(result.totals.netPnl)).toBe(true);
    expect(lines.filter((l) => l.startsWith('rejected'))).toEqual([]);
  }, 20_000);

  test('behavior: the market maker example runs live and leaves no order resting', async () => {
    const { client } = await startVenue(12);
    const factory = await loadStrategy('market-maker');
    const result = await runLive({
      strategy: factory({ halfSpreadTicks: 2, requoteTicks: 1 }),
      client,
      durationMs: 2_500,
      ...FAST,
    });
    expect(result.record.meta.strategy).toBe('market-maker');
    expect(result.record.fills.length).toBeGreaterThan(0);
    const recorded = result.record.fills.map(fillKey).sort();
    expect(recorded).toEqual(await restFills(client, result.record.meta.startTime));
    expect(await client.getOpenOrders({ symbol: SYMBOL })).toEqual([]);
  }, 20_000);

  test('behavior: a dropped connection mid-run loses no fill and reports none twice', async () => {
    const { client, exchange } = await startVenue(13);
    const lines: string[] = [];
    let dropped = 0;
    const result = await runLive({
      strategy: trader(100),
      client,
      durationMs: 3_000,
      log: (line) => lines.push(line),
      onUpdate: () => {
        if (dropped++ === 1) exchange.faults.dropConnections({});
      },
      sampleEveryMs: 500,
      ...FAST,
    });
    expect(lines.some((l) => l.includes('user-data stream: gap'))).toBe(true);
    // The socket stayed away for 300 ms while market orders filled every 100 ms: REST read them back.
    expect(lines.some((l) => /user-data stream: [1-9]\d* change\(s\) read back/.test(l))).toBe(true);
    const recorded = result.record.fills.map(fillKey).sort();
    expect(new Set(recorded).size).toBe(recorded.length);
    expect(recorded).toEqual(await restFills(client, result.record.meta.startTime));
    expect(recorded.length).toBeGreaterThanOrEqual(10);
    const after = await usdt(client);
    expect(Decimal.parse(result.wallet).eq(after)).toBe(true);
  }, 20_000);

  test('behavior: trades lost while the market streams reconnect are read back, in order, once each', async () => {
    const { client, exchange } = await startVenue(15);
    const lines: string[] = [];
    const seen: bigint[] = [];
    let n = 0;
    const strategy = defineStrategy(() => ({
      name: 'trade-watcher',
      symbols: [SYMBOL],
      onStart(ctx) {
        ctx.setInterval('trade', 100);
      },
      onTimer(ctx) {
        // Market orders every 100 ms: aggregate trades keep happening while the sockets are away.
        ctx.submitOrder({
          symbol: SYMBOL,
          side: n++ % 2 === 0 ? 'BUY' : 'SELL',
          type: 'MARKET',
          quantity: '0.002',
        });
      },
      onTrade(_ctx, trade) {
        seen.push(BigInt(trade.tradeId));
      },
    }));
    let updates = 0;
    const started = Date.now();
    await runLive({
      strategy,
      client,
      durationMs: 3_000,
      sampleEveryMs: 500,
      log: (line) => lines.push(line),
      onUpdate: () => {
        if (updates++ === 1) exchange.faults.dropConnections({});
      },
      // The market socket stays away ~500 ms (no jitter): several market orders fill meanwhile.
      streams: { backoff: { initialMs: 500, maxMs: 500 }, random: () => 0.999 },
      userData: FAST.userData!,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(lines.some((l) => l.startsWith('market streams: gap') && l.includes('btcusdt@aggTrade'))).toBe(
      true,
    );
    expect(lines.some((l) => /BTCUSDT: [1-9]\d* trade\(s\) read back after a gap/.test(l))).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(15);
    // Every aggregate trade id from the first seen to the last, once each, in order: as REST has them.
    const first = seen[0]!;
    const last = seen.at(-1)!;
    const ids: bigint[] = [];
    for (let from = first; from <= last; ) {
      const page = await getAggTrades(client, { symbol: SYMBOL, fromId: Number(from), limit: 1000 });
      if (page.length === 0) break;
      for (const row of page) if (BigInt(row.a) <= last) ids.push(BigInt(row.a));
      from = BigInt(page.at(-1)!.a) + 1n;
    }
    expect(seen).toEqual(ids);
    expect(ids.every((id, i) => id === first + BigInt(i))).toBe(true);
  }, 20_000);

  test('behavior: an open order and a position that exist at start are in the strategy state', async () => {
    const { client } = await startVenue(14);
    await newOrder(client, { symbol: SYMBOL, side: 'BUY', type: 'MARKET', quantity: '0.003' });
    const book = await client.getBookTicker({ symbol: SYMBOL });
    const far = Decimal.parse(book.bidPrice).mul('0.9').roundToStep(Decimal.parse('0.1'), 'floor');
    await newOrder(client, {
      symbol: SYMBOL,
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '0.002',
      price: far,
      newClientOrderId: 'before-the-run',
    });
    let seen: { amount: string; orders: readonly OpenOrderView[] } | undefined;
    const strategy = defineStrategy(() => ({
      name: 'inspector',
      symbols: [SYMBOL],
      onStart(ctx: StrategyContext) {
        seen = { amount: ctx.position(SYMBOL).amount.toString(), orders: ctx.openOrders(SYMBOL) };
        ctx.cancelOrder(SYMBOL, 'before-the-run');
      },
    }));
    const result = await runLive({ strategy, client, durationMs: 800, ...FAST });
    expect(Decimal.parse(seen!.amount).eq('0.003')).toBe(true);
    expect(seen!.orders).toHaveLength(1);
    expect(seen!.orders[0]).toMatchObject({ clientOrderId: 'before-the-run', side: 'BUY' });
    expect(seen!.orders[0]!.price.eq(far)).toBe(true);
    expect(await client.getOpenOrders({ symbol: SYMBOL })).toEqual([]);
    expect(result.record.positions[SYMBOL]?.[0]?.amount).toBe('0.003');
  }, 20_000);

  test('behavior: a production client is refused unless allowProduction is passed', async () => {
    const client = createClient({
      env: 'production',
      credentials: { apiKey: 'k', apiSecret: 's' },
      timeSync: false,
    });
    try {
      await expect(runLive({ strategy: trader(100), client, durationMs: 10 })).rejects.toThrow(
        LiveRunRefusedError,
      );
      await expect(runLive({ strategy: trader(100), client, durationMs: 10 })).rejects.toThrow(
        /allowProduction: true/,
      );
    } finally {
      await client.close();
    }
  });
});
