import { createRng, Decimal, type Id, type Rng, VirtualClock } from '@basis/core';
import type { Exchange, FaultScope } from '@basis/exchange';
import { afterEach, describe, expect, test } from 'vitest';
import { closeUserDataStream } from '../actions/userData/closeUserDataStream.js';
import { keepAliveUserDataStream } from '../actions/userData/keepAliveUserDataStream.js';
import type { Client } from '../clients/createClient.js';
import {
  COINM_PRODUCT,
  type OrderLayerTestActions,
  type TestProduct,
  USDM_PRODUCT,
} from '../orders/productExchange.testing.js';
import type { UserDataStreamEvent } from './events.js';
import { createUserDataStream, type UserDataStream, type UserDataStreamOptions } from './userDataStream.js';

// The seeded user-data workload shared by the USD-M and COIN-M stream tests: a random sequence of
// orders through the SDK's REST actions with stream faults in between, checkpoints where the live
// account must equal REST's view, and the history checks (no change reported twice, none missed).
// Only `WorkloadProduct` differs between the markets: its product (symbol, client), quantities, the
// REST reads whose shape differs and how a listen key is expired.
// `userDataStreamTests` is the whole suite; each market's test file runs it with its market.

/** REST rows as the checks compare them (the fields both markets share). */
interface RestRows {
  readonly orders: readonly {
    symbol: string;
    orderId: Id;
    status: string;
    executedQty: string;
    origQty: string;
    price: string;
  }[];
  readonly algos: readonly { symbol: string; algoId: Id; algoStatus: string; triggerPrice: string }[];
  readonly positions: readonly {
    symbol: string;
    positionSide: string;
    positionAmt: string;
    entryPrice: string;
    breakEvenPrice: string;
  }[];
  readonly balances: readonly { asset: string; balance: string; crossWalletBalance: string }[];
}

/** A local exchange and a client of one market, with what the workload does through it. */
export interface WorkloadExchange {
  readonly exchange: Exchange;
  readonly client: Client;
  readonly symbol: string;
  /** A random order quantity (coin on USD-M, contracts on COIN-M). */
  quantity(rng: Rng): string;
  /** A GTC limit order; its id and status as placed. */
  limit(side: 'BUY' | 'SELL', quantity: string, price: string): Promise<{ orderId: Id; status: string }>;
  market(side: 'BUY' | 'SELL', quantity: string): Promise<void>;
  /** A sell stop far below the market: stays open until cancelled. Its algo id. */
  stop(quantity: string, stopPrice: string): Promise<Id | undefined>;
  cancel(orderId: Id): Promise<void>;
  cancelStop(algoId: Id): Promise<void>;
  /** Cancels every open order and stop of the symbol. */
  quiet(): Promise<void>;
  bid(): Promise<Decimal>;
  /** Expires the account's listen key of this market at the exchange. */
  expireListenKey(): void;
  /** The scope of a stream fault that hits the user-data socket listening to `listenKey`. */
  userScope(listenKey: string): FaultScope;
  /** Open orders, open stops, positions, balances. */
  account(): Promise<RestRows>;
  allOrders(): Promise<readonly { orderId: Id; status: string; executedQty: string }[]>;
  allStops(): Promise<readonly { algoId: Id; algoStatus: string }[]>;
  trades(): Promise<readonly { id: Id }[]>;
  close(): Promise<void>;
}

/** How one market runs the workload. */
export type WorkloadMarket = (seed: number) => Promise<WorkloadExchange>;

/** The client methods the workload calls beyond the order checks': both products' clients have them. */
interface WorkloadActions extends OrderLayerTestActions {
  cancelAlgoOrder(parameters: { algoId: Id }): Promise<unknown>;
  cancelAllAlgoOpenOrders(parameters: { symbol: string }): Promise<unknown>;
  getOpenOrders(): Promise<RestRows['orders']>;
  getOpenAlgoOrders(): Promise<RestRows['algos']>;
  getUserTrades(parameters: { symbol: string; limit: number }): Promise<readonly { id: Id }[]>;
}

/** What differs between the products' workloads: quantities, reads whose shape differs, listen-key faults. */
interface WorkloadProduct<Actions extends WorkloadActions> {
  readonly product: TestProduct<Actions>;
  quantity(rng: Rng): string;
  bid(client: Actions, symbol: string): Promise<Decimal>;
  positions(client: Actions): Promise<RestRows['positions']>;
  balances(client: Actions): Promise<RestRows['balances']>;
  expireListenKey(exchange: Exchange, accountId: number): void;
  userScope(accountId: number, listenKey: string): FaultScope;
}

/** The workload of one product: everything but what {@link WorkloadProduct} names is the same on both. */
function productWorkload<Actions extends WorkloadActions>(spec: WorkloadProduct<Actions>): WorkloadMarket {
  return async (seed) => {
    const t = await spec.product.start({ seed });
    const { symbol } = spec.product;
    const accountId = t.exchange.defaultAccount!.accountId;
    const c = t.client;
    return {
      exchange: t.exchange,
      client: c,
      symbol,
      quantity: (rng) => spec.quantity(rng),
      async limit(side, quantity, price) {
        const placed = await c.newOrder({ symbol, side, type: 'LIMIT', timeInForce: 'GTC', quantity, price });
        return { orderId: placed.order.orderId, status: placed.order.status };
      },
      async market(side, quantity) {
        await c.newOrder({ symbol, side, type: 'MARKET', quantity });
      },
      async stop(quantity, stopPrice) {
        const placed = await c.newOrder({ symbol, side: 'SELL', type: 'STOP_MARKET', quantity, stopPrice });
        return placed.endpoint === 'algo' ? placed.order.algoId : undefined;
      },
      async cancel(orderId) {
        await c.cancelOrder({ symbol, orderId });
      },
      async cancelStop(algoId) {
        await c.cancelAlgoOrder({ algoId });
      },
      async quiet() {
        await c.cancelAllOpenOrders({ symbol });
        await c.cancelAllAlgoOpenOrders({ symbol });
      },
      bid: () => spec.bid(c, symbol),
      expireListenKey: () => spec.expireListenKey(t.exchange, accountId),
      userScope: (listenKey) => spec.userScope(accountId, listenKey),
      async account() {
        const [orders, algos, positions, balances] = await Promise.all([
          c.getOpenOrders(),
          c.getOpenAlgoOrders(),
          spec.positions(c),
          spec.balances(c),
        ]);
        return { orders, algos, positions, balances };
      },
      allOrders: () => c.getAllOrders({ symbol, limit: 1000 }),
      allStops: () => c.getAllAlgoOrders({ symbol, limit: 100 }),
      trades: () => c.getUserTrades({ symbol, limit: 1000 }),
      close: () => t.close(),
    };
  };
}

/** USD-M: BTCUSDT, quantities in BTC. */
export const usdmWorkload: WorkloadMarket = productWorkload({
  product: USDM_PRODUCT,
  quantity: (rng) => `0.00${2 + rng.nextInt(4)}`,
  bid: async (client, symbol) => Decimal.parse((await client.getBookTicker({ symbol })).bidPrice),
  positions: (client) => client.getPositionRiskV3(),
  balances: (client) => client.getBalanceV3(),
  expireListenKey: (exchange, accountId) => exchange.faults.expireListenKey(accountId),
  userScope: (accountId) => ({ accountId }),
});

/** COIN-M: BTCUSD_PERP, quantities in contracts, balances in coin. */
export const coinmWorkload: WorkloadMarket = productWorkload({
  product: COINM_PRODUCT,
  quantity: (rng) => String(1 + rng.nextInt(5)),
  bid: async (client, symbol) => {
    const [book] = await client.getBookTicker({ symbol });
    return Decimal.parse(book!.bidPrice);
  },
  positions: (client) => client.getPositionRisk(),
  balances: (client) => client.getBalance(),
  // The fault injector's expiry is USD-M's; the admin command names the product.
  expireListenKey: (exchange, accountId) => {
    exchange.admin({ kind: 'expireListenKey', accountId, product: 'coinm' });
  },
  // The injector finds an account's sockets through USD-M's listen keys only: name COIN-M's key.
  userScope: (_accountId, listenKey) => ({ stream: listenKey }),
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A decimal in canonical text. */
export const norm = (value: string | Decimal) =>
  (typeof value === 'string' ? Decimal.parse(value) : value).normalize().toString();

/** A running workload: the market, the stream under test and what it reported. */
export interface Workload {
  readonly w: WorkloadExchange;
  readonly stream: UserDataStream;
  readonly events: UserDataStreamEvent[];
}

/**
 * Starts a market's exchange and a user-data stream on it (tight watchdog and backoff); `track`
 * collects what is started so the test's `afterEach` can stop it.
 */
export async function startWorkload(
  market: WorkloadMarket,
  seed: number,
  track: Workload[],
  options: Partial<UserDataStreamOptions> = {},
): Promise<Workload> {
  const w = await market(seed);
  const events: UserDataStreamEvent[] = [];
  const stream = createUserDataStream(w.client, {
    onEvent: (event) => {
      events.push(event);
      // A silent socket stays silent until it is declared dead: frames the exchange swallows on a
      // socket that later speaks again cannot be detected without sequence numbers (a real zombie
      // socket never speaks again; TCP does not lose frames).
      if (event.type === 'gap' && event.reason === 'silent') {
        for (const rule of w.exchange.faults.list()) {
          if (rule.kind === 'silence' && rule.state === 'active') w.exchange.faults.remove(rule.id);
        }
      }
    },
    symbols: [w.symbol],
    watchdog: { idleMs: 250, pongTimeoutMs: 250 },
    backoff: { initialMs: 20, maxMs: 150 },
    lookbackMs: 1000,
    ...options,
  });
  const workload = { w, stream, events };
  track.push(workload);
  await stream.start();
  return workload;
}

/** Stops what {@link startWorkload} started. */
export async function stopWorkloads(track: Workload[]): Promise<void> {
  for (const { w, stream } of track.splice(0)) {
    await stream.stop();
    await w.close();
  }
}

/** The `order` changes reported for one order. */
export function ordersOf(events: readonly UserDataStreamEvent[], orderId: Id) {
  return events.flatMap((e) =>
    e.type === 'order' && String(e.order.orderId) === String(orderId) ? [e] : [],
  );
}

/** The account as REST shows it, in comparable form. */
async function restView(w: WorkloadExchange) {
  const { orders, algos, positions, balances } = await w.account();
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
export async function checkpoint(w: WorkloadExchange, stream: UserDataStream, label: string): Promise<void> {
  await Promise.race([stream.ready(), pause(5000)]);
  let rest = await restView(w);
  for (let i = 0; i < 100; i++) {
    if (JSON.stringify(liveView(stream)) === JSON.stringify(rest)) break;
    await pause(30);
    rest = await restView(w);
  }
  expect(stream.status, label).toBe('live');
  expect(liveView(stream), label).toEqual(rest);
}

/** One random action: a limit order near the book (some cross), a market order, a cancel, a stop or its cancel. */
export async function act(w: WorkloadExchange, rng: Rng, openIds: Id[], algoIds: Id[]): Promise<void> {
  const roll = rng.next();
  const side = rng.next() < 0.5 ? 'BUY' : 'SELL';
  const quantity = w.quantity(rng);
  if (roll < 0.2 && openIds.length > 0) {
    const [orderId] = openIds.splice(rng.nextInt(openIds.length), 1);
    await w.cancel(orderId!).catch(() => undefined);
    return;
  }
  const bid = await w.bid();
  if (roll < 0.3) {
    if (algoIds.length > 2) {
      const [algoId] = algoIds.splice(0, 1);
      await w.cancelStop(algoId!).catch(() => undefined);
      return;
    }
    const algoId = await w.stop(quantity, bid.mul('0.8').toFixed(1));
    if (algoId !== undefined) algoIds.push(algoId);
    return;
  }
  if (roll < 0.4) {
    await w.market(side, quantity);
    return;
  }
  const offset = rng.nextInt(21) - 10;
  const price = bid.add(Decimal.parse('0.1').mul(side === 'BUY' ? offset : -offset)).toFixed(1);
  const placed = await w.limit(side, quantity, price);
  if (placed.status === 'NEW') openIds.push(placed.orderId);
}

/**
 * The fault workload: random actions with drops, silence, listen-key expiry, the 24 h cut, delayed
 * and reordered frames and a skewed server clock in between; the live account equals REST at every
 * checkpoint; afterwards no change was reported twice and every order's, stop's and trade's final
 * state was reported.
 */
export async function runFaultWorkload(
  market: WorkloadMarket,
  seed: number,
  track: Workload[],
): Promise<void> {
  const { w, stream, events } = await startWorkload(market, seed, track);
  const rng = createRng(seed + 4);
  const openIds: Id[] = [];
  const algoIds: Id[] = [];
  await checkpoint(w, stream, 'start');
  const scope = () => w.userScope(stream.listenKey ?? '');
  const faults: [string, () => void][] = [
    ['drop', () => w.exchange.faults.dropConnections(scope())],
    ['silence', () => w.exchange.faults.add({ kind: 'silence', scope: scope(), durationMs: 10_000 })],
    ['listenKeyExpiry', () => w.expireListenKey()],
    ['24h cut', () => w.exchange.faults.force24hDisconnect(scope())],
    [
      'delay',
      () =>
        w.exchange.faults.add({ kind: 'delay', scope: scope(), durationMs: 800, params: { delayMs: 150 } }),
    ],
    [
      'reorder',
      () =>
        w.exchange.faults.add({
          kind: 'reorder',
          scope: scope(),
          durationMs: 800,
          params: { windowMs: 100 },
        }),
    ],
    [
      'clock skew',
      () => w.exchange.faults.add({ kind: 'clockSkew', durationMs: 800, params: { skewMs: 4000 } }),
    ],
    ['drop again', () => w.exchange.faults.dropConnections(scope())],
  ];
  for (const [label, inject] of faults) {
    for (let i = 0; i < 4; i++) await act(w, rng, openIds, algoIds);
    inject();
    // Changes during the fault: missed by the stream (read back later) or delayed.
    for (let i = 0; i < 6; i++) await act(w, rng, openIds, algoIds);
    await checkpoint(w, stream, label);
  }
  // Quiet the account (the synthetic market fills resting orders at any time), then compare the
  // history: nothing can change between the last checkpoint and the REST reads below.
  await w.quiet();
  await checkpoint(w, stream, 'quiet');

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

  // None missed: every order's and stop's final state, and every trade, was reported.
  const lastOrder = new Map<string, string>();
  for (const e of events) {
    if (e.type === 'order')
      lastOrder.set(String(e.order.orderId), `${e.order.status} ${norm(e.order.executedQty)}`);
  }
  const allOrders = await w.allOrders();
  expect(allOrders.length).toBeGreaterThan(20);
  expect(lastOrder).toEqual(
    new Map(allOrders.map((o) => [String(o.orderId), `${o.status} ${norm(o.executedQty)}`])),
  );
  const lastAlgo = new Map<string, string>();
  for (const e of events)
    if (e.type === 'algoOrder') lastAlgo.set(String(e.algoOrder.algoId), e.algoOrder.status);
  const allAlgos = await w.allStops();
  expect(allAlgos.length).toBeGreaterThan(0);
  expect(lastAlgo).toEqual(new Map(allAlgos.map((a) => [String(a.algoId), a.algoStatus])));
  const trades = await w.trades();
  expect(trades.length).toBeGreaterThan(5);
  expect(new Set(tradeIds)).toEqual(new Set(trades.map((x) => String(x.id))));
}

/** A price `factor` × the bid, inside the 5 % PERCENT_PRICE band: rests without crossing. */
async function restingPrice(w: WorkloadExchange, factor: string): Promise<string> {
  return (await w.bid()).mul(factor).toFixed(1);
}

/**
 * The user-data stream's suite on one market: the fault workload (seed `UD_SEED`, default
 * `seed`), listen-key expiry, keepalives on a virtual clock, rotation, stop.
 */
export function userDataStreamTests(market: WorkloadMarket, seed: number): void {
  const open: Workload[] = [];
  afterEach(() => stopWorkloads(open));
  const start = (s: number, options: Partial<UserDataStreamOptions> = {}) =>
    startWorkload(market, s, open, options);

  describe('createUserDataStream', () => {
    test('default: a random workload with faults in between; the live account equals REST at every checkpoint, each change reported once, none missed', async () => {
      await runFaultWorkload(market, Number(process.env.UD_SEED ?? seed), open);
    }, 30_000);

    test('behavior: after listenKeyExpired the stream moves to a new key and reads back what it missed', async () => {
      const { w, stream, events } = await start(3);
      const first = stream.listenKey;
      const price = await restingPrice(w, '0.96');
      w.expireListenKey();
      // Placed while the old key is dead: only the read-back can report it.
      const placed = await w.limit('BUY', w.quantity(createRng(1)), price);
      await checkpoint(w, stream, 'after expiry');
      expect(stream.listenKey).toBeDefined();
      expect(stream.listenKey).not.toBe(first);
      // Reported once: live if the new socket was up in time, else by the read-back.
      expect(ordersOf(events, placed.orderId)).toHaveLength(1);
      expect(events.some((e) => e.type === 'listenKey' && e.action === 'renewed')).toBe(true);
      expect(events.some((e) => e.type === 'gap' && e.reason === 'listenKeyExpired')).toBe(true);
      // The new key streams live again.
      await w.cancel(placed.orderId);
      await checkpoint(w, stream, 'after cancel');
      const cancel = ordersOf(events, placed.orderId).filter((e) => e.order.status === 'CANCELED');
      expect(cancel).toHaveLength(1);
      expect(cancel[0]!.reconciled).toBe(false);
    }, 15_000);

    test('behavior: keepalives every 30 minutes of the stream clock; one answering -1125 renews the key and reads back', async () => {
      // The stream's timers on a virtual clock (keepalive, backoff; no watchdog: virtual hours of
      // silence would kill the socket); `random: 0` reconnects at once.
      const clock = new VirtualClock(Date.now());
      const { w, stream, events } = await start(4, { clock, random: () => 0, watchdog: false });
      const keyEvents = () => events.flatMap((e) => (e.type === 'listenKey' ? [e.action] : []));
      clock.advance(29 * 60_000);
      await pause(20);
      expect(keyEvents()).toEqual(['created']);
      clock.advance(60_000);
      for (let i = 0; i < 100 && keyEvents().length < 2; i++) await pause(10);
      expect(keyEvents()).toEqual(['created', 'keptAlive']);
      const first = stream.listenKey;
      // Closed without listenKeyExpired: the socket stays open and delivers nothing more.
      await closeUserDataStream(w.client);
      const placed = await w.limit('SELL', w.quantity(createRng(2)), await restingPrice(w, '1.04'));
      clock.advance(30 * 60_000);
      for (let i = 0; i < 100 && stream.listenKey === first; i++) await pause(20);
      expect(keyEvents()).toEqual(['created', 'keptAlive', 'renewed']);
      await checkpoint(w, stream, 'after renewal');
      expect(stream.listenKey).not.toBe(first);
      expect(events.some((e) => e.type === 'gap' && e.reason === 'listenKeyExpired')).toBe(true);
      expect(ordersOf(events, placed.orderId).map((e) => e.reconciled)).toEqual([true]);
    }, 15_000);

    test('behavior: sockets rotated before the 24 h cut (make-before-break) leave no gap and report nothing twice', async () => {
      const { w, stream, events } = await start(6, { rotateAfterMs: 250 });
      const rng = createRng(6);
      const openIds: Id[] = [];
      const algoIds: Id[] = [];
      for (let i = 0; i < 16; i++) {
        await act(w, rng, openIds, algoIds);
        await pause(40);
      }
      await w.quiet();
      await checkpoint(w, stream, 'after rotations');
      expect(stream.stats()).toMatchObject({ gaps: 0, reconciliations: 0 });
      expect(events.some((e) => e.type === 'reconciled')).toBe(false);
      const orderKeys = events.flatMap((e) =>
        e.type === 'order'
          ? [`${e.order.orderId} ${e.order.status} ${norm(e.order.executedQty)} ${e.order.updateTime}`]
          : [],
      );
      expect(new Set(orderKeys).size).toBe(orderKeys.length);
      expect(events.filter((e) => e.type === 'connected').length).toBeGreaterThan(2);
      const allOrders = await w.allOrders();
      const reported = new Set(events.flatMap((e) => (e.type === 'order' ? [String(e.order.orderId)] : [])));
      expect(allOrders.every((o) => reported.has(String(o.orderId)))).toBe(true);
    }, 15_000);

    test('behavior: stop closes the socket and the key', async () => {
      const { w, stream, events } = await start(5);
      await stream.stop();
      expect(stream.status).toBe('stopped');
      expect(events.some((e) => e.type === 'listenKey' && e.action === 'closed')).toBe(true);
      await pause(50);
      expect(w.exchange.webSockets.stats()).toMatchObject({ listenKeys: 0 });
      // The key is gone at the exchange.
      await expect(keepAliveUserDataStream(w.client)).rejects.toMatchObject({ code: -1125 });
      await expect(stream.ready()).rejects.toThrow(/stopped/);
    }, 15_000);
  });
}
