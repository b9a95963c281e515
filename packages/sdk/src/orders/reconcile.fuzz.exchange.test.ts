import { createRng, Decimal, type Order, type Rng } from '@basis/core';
import type { FaultRuleSpec } from '@basis/exchange';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { batchOrders } from '../actions/trade/batchOrders.js';
import { cancelBatchOrders } from '../actions/trade/cancelBatchOrders.js';
import { cancelOrder } from '../actions/trade/cancelOrder.js';
import { getAllOrders } from '../actions/trade/getAllOrders.js';
import { newOrder } from '../actions/trade/newOrder.js';
import { startTradingExchange, type TradingExchange } from '../testing/tradingExchange.js';
import { OrderNotPlacedError, UnknownOrderStatusError } from './errors.js';

// A seeded random run of at least 1,000 orders (single placements, batches, cancels, batch
// cancels) under mixed REST faults. At the end, read without faults, the exchange must hold exactly
// what the client believes: no order twice, none the client does not know of, none lost.

const SEED = 20261124;
const TARGET_ORDERS = 1000;
const MAX_OPERATIONS_PER_WORKER = 600; // bound on each worker's loop
const DEADLINE_MS = 45_000; // bound in time

const WRITES = [
  'POST /fapi/v1/order',
  'POST /fapi/v1/batchOrders',
  'DELETE /fapi/v1/order',
  'DELETE /fapi/v1/batchOrders',
];

/** The mixed faults: unknown outcomes both ways, 5xx, 503s, throttling, 429, timeouts and slow answers. */
const FAULTS: FaultRuleSpec[] = [
  ...WRITES.map((route) => ({ kind: 'unknownOutcome', probability: 0.05, scope: { route } }) as const),
  ...WRITES.map(
    (route) =>
      ({
        kind: 'timeout',
        probability: 0.01,
        scope: { route },
        params: { executed: true, holdMs: 300 },
      }) as const,
  ),
  ...WRITES.map(
    (route) =>
      ({
        kind: 'timeout',
        probability: 0.01,
        scope: { route },
        params: { executed: false, holdMs: 300 },
      }) as const,
  ),
  { kind: 'http5xx', probability: 0.03 },
  { kind: 'serviceUnavailable', probability: 0.02 },
  { kind: 'throttled', probability: 0.02 },
  { kind: 'rateLimit', probability: 0.005, params: { retryAfterMs: 20 } },
  { kind: 'slow', probability: 0.05, params: { delayMs: 30 } },
];

type Believed = 'open' | 'canceled' | 'absent' | 'unknown';

interface Market {
  readonly symbol: string;
  readonly prices: readonly string[];
  readonly quantity: string;
}

let fx: TradingExchange;
const markets: Market[] = [];

beforeAll(async () => {
  fx = await startTradingExchange({
    seed: 7,
    faultSeed: SEED,
    recvWindow: 400,
    timeoutMs: 250,
    reconcile: { attempts: 8, baseDelayMs: 5, maxDelayMs: 40, absenceMarginMs: 30, resends: 2 },
  });
  for (const symbol of ['BTCUSDT', 'ETHUSDT', 'BNBUSDT', 'SOLUSDT', 'XRPUSDT', 'DOGEUSDT', 'LINKUSDT']) {
    const rules = (await fx.layer.symbolRules(symbol))!;
    const mark = Decimal.parse((await fx.client.getPremiumIndex({ symbol })).markPrice);
    const tick = rules.price!.tickSize;
    const prices = ['0.960', '0.962', '0.964', '0.966', '0.968'].map((f) =>
      mark.mul(f).roundToStep(tick, 'floor').toFixed(rules.pricePrecision),
    );
    const step = rules.lotSize!.stepSize;
    const least = Decimal.parse(prices[0]!);
    const quantity = rules
      .minNotional!.mul('1.5')
      .div(least, 12, 'ceil')
      .roundToStep(step, 'ceil')
      .max(rules.lotSize!.minQty);
    markets.push({ symbol, prices, quantity: quantity.toFixed(rules.quantityPrecision) });
  }
}, 30_000);

afterAll(async () => {
  await fx.close();
});

/** One worker: one symbol, its own generator, a bounded loop of random operations. */
async function work(
  market: Market,
  rng: Rng,
  view: Map<string, { symbol: string; state: Believed }>,
  budget: { placed: number; deadline: number },
  surprises: string[],
): Promise<void> {
  const open: string[] = [];
  const item = () =>
    ({
      symbol: market.symbol,
      side: 'BUY',
      type: 'LIMIT',
      timeInForce: 'GTC',
      quantity: market.quantity,
      price: market.prices[rng.nextInt(market.prices.length)]!,
    }) as const;
  const settleOrder = (order: Order) => {
    view.set(order.clientOrderId, {
      symbol: market.symbol,
      state: order.status === 'NEW' ? 'open' : 'canceled',
    });
    if (order.status === 'NEW') open.push(order.clientOrderId);
  };
  const failed = (id: string, error: unknown) => {
    if (error instanceof UnknownOrderStatusError) view.set(id, { symbol: market.symbol, state: 'unknown' });
    else view.set(id, { symbol: market.symbol, state: 'absent' });
    if (
      !(error instanceof OrderNotPlacedError) &&
      !(error instanceof Error && /Server|Http|RateLimited/.test(error.name))
    ) {
      surprises.push(`${id}: ${error instanceof Error ? `${error.name} ${error.message}` : String(error)}`);
    }
  };
  const take = (count: number) =>
    open
      .splice(0, 0)
      .concat(Array.from({ length: count }, () => open.splice(rng.nextInt(open.length), 1)[0]!));

  for (let operation = 0; operation < MAX_OPERATIONS_PER_WORKER; operation++) {
    if (budget.placed >= TARGET_ORDERS || Date.now() > budget.deadline) return;
    const roll = rng.next();
    if (open.length > 0 && (roll < 0.3 || open.length > 120)) {
      if (open.length >= 2 && rng.next() < 0.35) {
        const ids = take(Math.min(open.length, 2 + rng.nextInt(4)));
        try {
          const results = await cancelBatchOrders(fx.client, {
            symbol: market.symbol,
            origClientOrderIdList: ids,
          });
          results.forEach((result, k) => {
            const id = ids[k]!;
            if ('orderId' in result && result.status === 'CANCELED')
              view.set(id, { symbol: market.symbol, state: 'canceled' });
            else if ('orderId' in result) open.push(id);
            else if (result.code === -2011) surprises.push(`${id}: batch cancel -2011`);
            else open.push(id); // refused (not canceled): still open
          });
        } catch (error) {
          if (error instanceof UnknownOrderStatusError)
            for (const id of ids) view.set(id, { symbol: market.symbol, state: 'unknown' });
          else open.push(...ids); // a certain failure: nothing was canceled
        }
      } else {
        const [id] = take(1);
        try {
          await cancelOrder(fx.client, { symbol: market.symbol, origClientOrderId: id! });
          view.set(id!, { symbol: market.symbol, state: 'canceled' });
        } catch (error) {
          if (error instanceof UnknownOrderStatusError)
            view.set(id!, { symbol: market.symbol, state: 'unknown' });
          else if (error instanceof Error && /UnknownOrder|OrderClosed/.test(error.name))
            surprises.push(`${id}: cancel ${error.name}`);
          else open.push(id!);
        }
      }
    } else if (roll < 0.55) {
      const size = 2 + rng.nextInt(4);
      const items = Array.from({ length: size }, (_, k) => ({
        ...item(),
        newClientOrderId: `fz-${market.symbol}-${operation}-${k}`,
      }));
      budget.placed += size;
      try {
        const results = await batchOrders(fx.client, { batchOrders: items });
        results.forEach((result, k) => {
          if ('orderId' in result) settleOrder(result);
          else {
            // Inline: -2013 is "proven not placed, resends spent"; anything else is unexpected here.
            view.set(items[k]!.newClientOrderId, { symbol: market.symbol, state: 'absent' });
            if (result.code !== -2013)
              surprises.push(`${items[k]!.newClientOrderId}: inline ${result.code} ${result.msg}`);
          }
        });
      } catch (error) {
        if (error instanceof UnknownOrderStatusError) {
          for (const id of error.clientOrderIds) view.set(id, { symbol: market.symbol, state: 'unknown' });
          for (const it of items)
            if (!view.has(it.newClientOrderId))
              view.set(it.newClientOrderId, { symbol: market.symbol, state: 'unknown' });
        } else for (const it of items) failed(it.newClientOrderId, error);
      }
    } else {
      const id = `fz-${market.symbol}-${operation}`;
      budget.placed += 1;
      try {
        settleOrder((await newOrder(fx.client, { ...item(), newClientOrderId: id })).order);
      } catch (error) {
        failed(id, error);
      }
    }
  }
}

async function exchangeOrders(symbol: string): Promise<Order[]> {
  const out: Order[] = [];
  let from: bigint | undefined;
  // Bounded: at most 20 pages of 1000.
  for (let page = 0; page < 20; page++) {
    const rows = await getAllOrders(fx.client, {
      symbol,
      limit: 1000,
      ...(from === undefined ? {} : { orderId: from }),
    });
    const fresh = rows.filter((row) => from === undefined || BigInt(row.orderId) >= from);
    out.push(...fresh.filter((row) => !out.some((seen) => seen.orderId === row.orderId)));
    if (rows.length < 1000) break;
    from = BigInt(rows[rows.length - 1]!.orderId) + 1n;
  }
  return out;
}

describe('reconciliation under mixed faults (seeded)', () => {
  test('behavior: 1,000+ orders, no duplicate, none lost, the client view equals the exchange', async () => {
    for (const rule of FAULTS) fx.exchange.faults.add(rule);
    const view = new Map<string, { symbol: string; state: Believed }>();
    const budget = { placed: 0, deadline: Date.now() + DEADLINE_MS };
    const surprises: string[] = [];
    const root = createRng(SEED);
    await Promise.all(
      markets.map((market) => work(market, root.fork(market.symbol), view, budget, surprises)),
    );
    const fired = fx.exchange.faults.list().reduce((sum, rule) => sum + rule.fired, 0);
    fx.exchange.faults.clear();

    expect(budget.placed).toBeGreaterThanOrEqual(TARGET_ORDERS);
    expect(surprises).toEqual([]);
    expect([...view.values()].filter((entry) => entry.state === 'unknown')).toEqual([]);

    const onExchange = new Map<string, Order>();
    const duplicates: string[] = [];
    for (const { symbol } of markets) {
      for (const order of await exchangeOrders(symbol)) {
        if (onExchange.has(order.clientOrderId)) duplicates.push(order.clientOrderId);
        onExchange.set(order.clientOrderId, order);
      }
    }
    expect(duplicates).toEqual([]);
    // Nothing on the exchange the client does not know of as placed.
    const unknownToClient = [...onExchange.keys()].filter((id) => {
      const state = view.get(id)?.state;
      return state !== 'open' && state !== 'canceled';
    });
    expect(unknownToClient).toEqual([]);
    // Every order the client believes in is there, in the state it believes.
    const mismatches: string[] = [];
    for (const [id, { state }] of view) {
      const order = onExchange.get(id);
      const actual =
        order === undefined
          ? 'absent'
          : order.status === 'NEW'
            ? 'open'
            : order.status === 'CANCELED'
              ? 'canceled'
              : order.status;
      if (actual !== state) mismatches.push(`${id}: client ${state}, exchange ${actual}`);
    }
    expect(mismatches).toEqual([]);

    const reconciled = fx.events.filter((e) => e.type === 'reconciled');
    const outcomes = new Set(reconciled.map((e) => (e.type === 'reconciled' ? e.outcome : '')));
    expect(fired).toBeGreaterThan(100);
    expect(outcomes).toContain('found');
    expect(outcomes).toContain('resent');
    expect(outcomes).toContain('canceled');
    console.log(
      `fuzz: ${budget.placed} orders, ${view.size} ids, ${onExchange.size} on the exchange, ${fired} faults, ${reconciled.length} reconciliations (${[...outcomes].join(', ')})`,
    );
  }, 60_000);
});
