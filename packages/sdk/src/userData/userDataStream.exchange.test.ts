import { createRng, Decimal, type Id, type Rng, VirtualClock } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { getBalanceV3 } from '../actions/account/getBalanceV3.js';
import { getPositionRiskV3 } from '../actions/account/getPositionRiskV3.js';
import { getUserTrades } from '../actions/account/getUserTrades.js';
import { getAllAlgoOrders } from '../actions/algo/getAllAlgoOrders.js';
import { getOpenAlgoOrders } from '../actions/algo/getOpenAlgoOrders.js';
import { getAllOrders } from '../actions/trade/getAllOrders.js';
import { getOpenOrders } from '../actions/trade/getOpenOrders.js';
import { closeUserDataStream } from '../actions/userData/closeUserDataStream.js';
import { keepAliveUserDataStream } from '../actions/userData/keepAliveUserDataStream.js';
import { startTradingExchange, type TradingExchange } from '../testing/tradingExchange.js';
import type { UserDataStreamEvent } from './events.js';
import { createUserDataStream, type UserDataStream, type UserDataStreamOptions } from './userDataStream.js';

// The user-data stream against a local exchange on 127.0.0.1: a seeded random workload through the
// SDK's REST actions, with stream faults in between, must leave the live account equal to REST's
// view at every checkpoint, report no change twice and miss none. UD_SEED=<n> runs another seed.

const SYMBOL = 'BTCUSDT';
const open: { t: TradingExchange; stream: UserDataStream }[] = [];

afterEach(async () => {
  for (const { t, stream } of open.splice(0)) {
    await stream.stop();
    await t.close();
  }
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const norm = (value: string | Decimal) =>
  (typeof value === 'string' ? Decimal.parse(value) : value).normalize().toString();

async function start(seed: number, options: Partial<UserDataStreamOptions> = {}) {
  const t = await startTradingExchange({ seed });
  const events: UserDataStreamEvent[] = [];
  const stream = createUserDataStream(t.client, {
    onEvent: (event) => {
      events.push(event);
      // A silent socket stays silent until it is declared dead: frames the exchange swallows on a
      // socket that later speaks again cannot be detected without sequence numbers (a real zombie
      // socket never speaks again; TCP does not lose frames).
      if (event.type === 'gap' && event.reason === 'silent') {
        for (const rule of t.exchange.faults.list()) {
          if (rule.kind === 'silence' && rule.state === 'active') t.exchange.faults.remove(rule.id);
        }
      }
    },
    symbols: [SYMBOL],
    watchdog: { idleMs: 250, pongTimeoutMs: 250 },
    backoff: { initialMs: 20, maxMs: 150 },
    lookbackMs: 1000,
    ...options,
  });
  open.push({ t, stream });
  await stream.start();
  return { t, stream, events };
}

/** The `order` changes reported for one order. */
function ordersOf(events: readonly UserDataStreamEvent[], orderId: Id) {
  return events.flatMap((e) =>
    e.type === 'order' && String(e.order.orderId) === String(orderId) ? [e] : [],
  );
}

/** The account as REST shows it, in comparable form. */
async function restView(t: TradingExchange) {
  const [orders, algos, positions, balances] = await Promise.all([
    getOpenOrders(t.client),
    getOpenAlgoOrders(t.client),
    getPositionRiskV3(t.client),
    getBalanceV3(t.client),
  ]);
  return {
    orders: Object.fromEntries(
      orders.map((o) => [
        `${o.symbol}:${o.orderId}`,
        `${o.status} ${norm(o.executedQty)}/${norm(o.origQty)} @${norm(o.price)}`,
      ]),
    ),
    algos: Object.fromEntries(
      algos.map((a) => [`${a.symbol}:${a.algoId}`, `${a.algoStatus} ${norm(a.triggerPrice)}`]),
    ),
    positions: Object.fromEntries(
      positions
        .filter((p) => !Decimal.parse(p.positionAmt).isZero())
        .map((p) => [
          `${p.symbol}:${p.positionSide}`,
          `${norm(p.positionAmt)} @${norm(p.entryPrice)} be ${norm(p.breakEvenPrice)}`,
        ]),
    ),
    balances: Object.fromEntries(
      balances.map((b) => [b.asset, `${norm(b.balance)} cw ${norm(b.crossWalletBalance)}`]),
    ),
  };
}

/** The stream's live account, in the same form. */
function liveView(stream: UserDataStream) {
  const a = stream.account;
  return {
    orders: Object.fromEntries(
      [...a.openOrders].map(([k, o]) => [
        k,
        `${o.status} ${norm(o.executedQty)}/${norm(o.origQty)} @${norm(o.price)}`,
      ]),
    ),
    algos: Object.fromEntries(
      [...a.openAlgoOrders].map(([k, o]) => [k, `${o.status} ${norm(o.triggerPrice)}`]),
    ),
    positions: Object.fromEntries(
      [...a.positions].map(([k, p]) => [
        k,
        `${norm(p.positionAmt)} @${norm(p.entryPrice)} be ${norm(p.breakEvenPrice)}`,
      ]),
    ),
    balances: Object.fromEntries(
      [...a.balances].map(([k, b]) => [k, `${norm(b.walletBalance)} cw ${norm(b.crossWalletBalance)}`]),
    ),
  };
}

/** Waits (bounded) until the stream is live and its account equals REST's, then asserts it. */
async function checkpoint(t: TradingExchange, stream: UserDataStream, label: string): Promise<void> {
  await Promise.race([stream.ready(), pause(5000)]);
  let rest = await restView(t);
  for (let i = 0; i < 100; i++) {
    if (JSON.stringify(liveView(stream)) === JSON.stringify(rest)) break;
    await pause(30);
    rest = await restView(t);
  }
  expect(stream.status, label).toBe('live');
  expect(liveView(stream), label).toEqual(rest);
}

/** One random action through the SDK: a limit order near the book (some cross), a market order, a cancel, an algo order or its cancel. */
async function act(t: TradingExchange, rng: Rng, openIds: Id[], algoIds: Id[]): Promise<void> {
  const roll = rng.next();
  const side = rng.next() < 0.5 ? 'BUY' : 'SELL';
  const quantity = `0.00${2 + rng.nextInt(4)}`;
  if (roll < 0.2 && openIds.length > 0) {
    const [orderId] = openIds.splice(rng.nextInt(openIds.length), 1);
    await t.client.cancelOrder({ symbol: SYMBOL, orderId: orderId! }).catch(() => undefined);
    return;
  }
  const book = await t.client.getBookTicker({ symbol: SYMBOL });
  const bid = Decimal.parse(book.bidPrice);
  if (roll < 0.3) {
    // A stop far from the market: stays open until cancelled.
    if (algoIds.length > 2) {
      const [algoId] = algoIds.splice(0, 1);
      await t.client.cancelAlgoOrder({ algoId: algoId! }).catch(() => undefined);
      return;
    }
    const placed = await t.client.newOrder({
      symbol: SYMBOL,
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity,
      stopPrice: bid.mul('0.8').toFixed(1),
    });
    if (placed.endpoint === 'algo') algoIds.push(placed.order.algoId);
    return;
  }
  if (roll < 0.4) {
    await t.client.newOrder({ symbol: SYMBOL, side, type: 'MARKET', quantity });
    return;
  }
  const offset = rng.nextInt(21) - 10;
  const price = bid.add(Decimal.parse('0.1').mul(side === 'BUY' ? offset : -offset)).toFixed(1);
  const placed = await t.client.newOrder({
    symbol: SYMBOL,
    side,
    type: 'LIMIT',
    timeInForce: 'GTC',
    quantity,
    price,
  });
  if (placed.endpoint === 'order' && placed.order.status === 'NEW') openIds.push(placed.order.orderId);
}

describe('createUserDataStream', () => {
  test('default: a random workload with faults in between; the live account equals REST at every checkpoint, each change reported once, none missed', async () => {
    const { t, stream, events } = await start(Number(process.env.UD_SEED ?? 7));
    const accountId = t.exchange.defaultAccount!.accountId;
    const rng = createRng(Number(process.env.UD_SEED ?? 11));
    const openIds: Id[] = [];
    const algoIds: Id[] = [];
    await checkpoint(t, stream, 'start');
    const faults: [string, () => void][] = [
      ['drop', () => t.exchange.faults.dropConnections({ accountId })],
      ['silence', () => t.exchange.faults.add({ kind: 'silence', scope: { accountId }, durationMs: 10_000 })],
      ['listenKeyExpiry', () => t.exchange.faults.expireListenKey(accountId)],
      ['24h cut', () => t.exchange.faults.force24hDisconnect({ accountId })],
      [
        'delay',
        () =>
          t.exchange.faults.add({
            kind: 'delay',
            scope: { accountId },
            durationMs: 800,
            params: { delayMs: 150 },
          }),
      ],
      [
        'reorder',
        () =>
          t.exchange.faults.add({
            kind: 'reorder',
            scope: { accountId },
            durationMs: 800,
            params: { windowMs: 100 },
          }),
      ],
      [
        'clock skew',
        () =>
          t.exchange.faults.add({
            kind: 'clockSkew',
            durationMs: 800,
            params: { skewMs: 4000 },
          }),
      ],
      ['drop again', () => t.exchange.faults.dropConnections({ accountId })],
    ];
    for (const [label, inject] of faults) {
      for (let i = 0; i < 4; i++) await act(t, rng, openIds, algoIds);
      inject();
      // Changes during the fault: missed by the stream (read back later) or delayed.
      for (let i = 0; i < 6; i++) await act(t, rng, openIds, algoIds);
      await checkpoint(t, stream, label);
    }
    // Quiet the account (the synthetic market fills resting orders at any time), then compare the
    // history: nothing can change between the last checkpoint and the REST reads below.
    await t.client.cancelAllOpenOrders({ symbol: SYMBOL });
    await t.client.cancelAllAlgoOpenOrders({ symbol: SYMBOL });
    await checkpoint(t, stream, 'quiet');

    const changes = events.filter((e) => e.type === 'order' || e.type === 'trade' || e.type === 'algoOrder');
    const stats = stream.stats();
    expect(stats.gaps).toBeGreaterThanOrEqual(5);
    expect(stats.reconciliations).toBeGreaterThanOrEqual(5);
    expect(stats.listenKeyRenewals).toBeGreaterThanOrEqual(1);
    expect(changes.some((e) => e.reconciled)).toBe(true);
    expect(changes.some((e) => !e.reconciled)).toBe(true);
    expect(events.filter((e) => e.type === 'gap').map((e) => (e as { reason: string }).reason)).toEqual(
      expect.arrayContaining(['disconnected', 'silent', 'listenKeyExpired']),
    );

    // No change reported twice.
    const orderKeys = events.flatMap((e) =>
      e.type === 'order'
        ? [`${e.order.orderId} ${e.order.status} ${norm(e.order.executedQty)} ${e.order.updateTime}`]
        : [],
    );
    expect(new Set(orderKeys).size).toBe(orderKeys.length);
    const tradeIds = events.flatMap((e) => (e.type === 'trade' ? [String(e.trade.tradeId)] : []));
    expect(new Set(tradeIds).size).toBe(tradeIds.length);
    const algoKeys = events.flatMap((e) =>
      e.type === 'algoOrder' ? [`${e.algoOrder.algoId} ${e.algoOrder.status} ${e.algoOrder.updateTime}`] : [],
    );
    expect(new Set(algoKeys).size).toBe(algoKeys.length);

    // None missed: every order's and algo order's final state, and every trade, was reported.
    const lastOrder = new Map<string, string>();
    for (const e of events) {
      if (e.type === 'order')
        lastOrder.set(String(e.order.orderId), `${e.order.status} ${norm(e.order.executedQty)}`);
    }
    const allOrders = await getAllOrders(t.client, { symbol: SYMBOL, limit: 1000 });
    expect(allOrders.length).toBeGreaterThan(20);
    const trades = await getUserTrades(t.client, { symbol: SYMBOL, limit: 1000 });
    expect(lastOrder).toEqual(
      new Map(allOrders.map((o) => [String(o.orderId), `${o.status} ${norm(o.executedQty)}`])),
    );
    const lastAlgo = new Map<string, string>();
    for (const e of events)
      if (e.type === 'algoOrder') lastAlgo.set(String(e.algoOrder.algoId), e.algoOrder.status);
    const allAlgos = await getAllAlgoOrders(t.client, { symbol: SYMBOL, limit: 100 });
    expect(lastAlgo).toEqual(new Map(allAlgos.map((a) => [String(a.algoId), a.algoStatus])));
    expect(trades.length).toBeGreaterThan(5);
    expect(new Set(tradeIds)).toEqual(new Set(trades.map((x) => String(x.id))));
  }, 30_000);

  test('behavior: after listenKeyExpired the stream moves to a new key and reads back what it missed', async () => {
    const { t, stream, events } = await start(3);
    const accountId = t.exchange.defaultAccount!.accountId;
    const first = stream.listenKey;
    t.exchange.faults.expireListenKey(accountId);
    // Placed while the old key is dead: only the read-back can report it.
    const placed = await t.client.newOrder({
      symbol: SYMBOL,
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '0.002',
      price: '50000.0',
    });
    await checkpoint(t, stream, 'after expiry');
    expect(stream.listenKey).toBeDefined();
    expect(stream.listenKey).not.toBe(first);
    // Reported once: live if the new socket was up in time, else by the read-back.
    expect(ordersOf(events, placed.order.orderId as Id)).toHaveLength(1);
    expect(events.some((e) => e.type === 'listenKey' && e.action === 'renewed')).toBe(true);
    expect(events.some((e) => e.type === 'gap' && e.reason === 'listenKeyExpired')).toBe(true);
    // The new key streams live again.
    await t.client.cancelOrder({ symbol: SYMBOL, orderId: placed.order.orderId as Id });
    await checkpoint(t, stream, 'after cancel');
    const cancel = ordersOf(events, placed.order.orderId as Id).filter((e) => e.order.status === 'CANCELED');
    expect(cancel).toHaveLength(1);
    expect(cancel[0]!.reconciled).toBe(false);
  }, 15_000);

  test('behavior: keepalives every 30 minutes of the stream clock; one answering -1125 renews the key and reads back', async () => {
    // The stream's timers on a virtual clock (keepalive, backoff; no watchdog: virtual hours of
    // silence would kill the socket); `random: 0` reconnects at once.
    const clock = new VirtualClock(Date.now());
    const keepAlives: string[] = [];
    const { t, stream, events } = await start(4, { clock, random: () => 0, watchdog: false });
    const keyEvents = () => events.flatMap((e) => (e.type === 'listenKey' ? [e.action] : []));
    clock.advance(29 * 60_000);
    await pause(20);
    expect(keyEvents()).toEqual(['created']);
    clock.advance(60_000);
    for (let i = 0; i < 100 && keyEvents().length < 2; i++) await pause(10);
    expect(keyEvents()).toEqual(['created', 'keptAlive']);
    const first = stream.listenKey;
    // Closed without listenKeyExpired: the socket stays open and delivers nothing more.
    await closeUserDataStream(t.client);
    const placed = await t.client.newOrder({
      symbol: SYMBOL,
      side: 'SELL',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: '0.002',
      price: '150000.0',
    });
    clock.advance(30 * 60_000);
    for (let i = 0; i < 100 && stream.listenKey === first; i++) await pause(20);
    keepAlives.push(...keyEvents());
    expect(keepAlives).toEqual(['created', 'keptAlive', 'renewed']);
    await checkpoint(t, stream, 'after renewal');
    expect(stream.listenKey).not.toBe(first);
    expect(events.some((e) => e.type === 'gap' && e.reason === 'listenKeyExpired')).toBe(true);
    expect(ordersOf(events, placed.order.orderId as Id).map((e) => e.reconciled)).toEqual([true]);
  }, 15_000);

  test('behavior: sockets rotated before the 24 h cut (make-before-break) leave no gap and report nothing twice', async () => {
    const { t, stream, events } = await start(6, { rotateAfterMs: 250 });
    const rng = createRng(6);
    const openIds: Id[] = [];
    const algoIds: Id[] = [];
    for (let i = 0; i < 16; i++) {
      await act(t, rng, openIds, algoIds);
      await pause(40);
    }
    await t.client.cancelAllOpenOrders({ symbol: SYMBOL });
    await checkpoint(t, stream, 'after rotations');
    expect(stream.stats()).toMatchObject({ gaps: 0, reconciliations: 0 });
    expect(events.some((e) => e.type === 'reconciled')).toBe(false);
    const orderKeys = events.flatMap((e) =>
      e.type === 'order'
        ? [`${e.order.orderId} ${e.order.status} ${norm(e.order.executedQty)} ${e.order.updateTime}`]
        : [],
    );
    expect(new Set(orderKeys).size).toBe(orderKeys.length);
    expect(events.filter((e) => e.type === 'connected').length).toBeGreaterThan(2);
    const allOrders = await getAllOrders(t.client, { symbol: SYMBOL, limit: 1000 });
    const reported = new Set(events.flatMap((e) => (e.type === 'order' ? [String(e.order.orderId)] : [])));
    expect(allOrders.every((o) => reported.has(String(o.orderId)))).toBe(true);
  }, 15_000);

  test('behavior: stop closes the socket and the key', async () => {
    const { t, stream, events } = await start(5);
    await stream.stop();
    expect(stream.status).toBe('stopped');
    expect(events.some((e) => e.type === 'listenKey' && e.action === 'closed')).toBe(true);
    await pause(50);
    expect(t.exchange.webSockets.stats()).toMatchObject({ listenKeys: 0 });
    // The key is gone at the exchange.
    await expect(keepAliveUserDataStream(t.client)).rejects.toMatchObject({ code: -1125 });
    await expect(stream.ready()).rejects.toThrow(/stopped/);
  }, 15_000);
});
