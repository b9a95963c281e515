import { Decimal, parseJson, stringifyJson } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type AdminCommand, AdminError, applyAdminCommand } from '../admin/adminCommands.js';
import { ApiError } from '../api/apiError.js';
import { COINM_ROUTES } from '../api/coinm/routes.js';
import type { Endpoint } from '../api/endpoint.js';
import type { RawParams } from '../api/params.js';
import { ROUTES } from '../api/routes.js';
import { DEFAULT_SYMBOLS } from '../config/defaultSymbols.js';
import { Venue, type VenueOptions } from './venue.js';
import { VenueSnapshotError } from './venueSnapshot.js';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const SYMBOLS = ['BTCUSDT', 'ETHUSDT', 'BTCUSDC'] as const;
const ENDPOINTS = new Map<string, Endpoint>(Object.values(ROUTES).map((e) => [e.name, e]));
const COINM_ENDPOINTS = new Map<string, Endpoint>(Object.values(COINM_ROUTES).map((e) => [e.name, e]));

/** Light venues: three symbols (two share BTC's index), five minutes of backfill, short history. */
function options(seed: number, marketData: 'synthetic' | 'none'): VenueOptions {
  return {
    startTime: T0,
    seed,
    marketData,
    symbols: DEFAULT_SYMBOLS.filter((s) => (SYMBOLS as readonly string[]).includes(s.symbol)),
    synthetic: { backfillMinutes: 5 },
    history: { tradeCapacity: 400, klineRetentionMinutes: 90 },
  };
}

type Command =
  | { readonly kind: 'endpoint'; readonly name: string; readonly account: number; readonly params: RawParams }
  | { readonly kind: 'admin'; readonly command: AdminCommand };

interface Op {
  readonly kind: (typeof KINDS)[number];
  readonly account: number;
  readonly symbol: (typeof SYMBOLS)[number];
  readonly side: 'BUY' | 'SELL';
  readonly size: number;
  readonly offset: number;
  readonly pick: number;
  readonly dt: number;
}

const KINDS = [
  'market',
  'market',
  'limit',
  'limit',
  'limit',
  'ioc',
  'gtx',
  'gtd',
  'cancel',
  'cancelAll',
  'modify',
  'algo',
  'trailing',
  'cancelAlgo',
  'leverage',
  'marginType',
  'positionMargin',
  'hedgeMode',
  'countdown',
  'listenKey',
  'price',
  'deposit',
  'jump',
  'wait',
] as const;

const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom(...KINDS),
  account: fc.integer({ min: 0, max: 2 }),
  symbol: fc.constantFrom(...SYMBOLS),
  side: fc.constantFrom('BUY' as const, 'SELL' as const),
  size: fc.integer({ min: 1, max: 20 }),
  offset: fc.integer({ min: -20, max: 20 }),
  pick: fc.nat({ max: 1000 }),
  dt: fc.integer({ min: 0, max: 1500 }),
});

/** The parameters of an op, read from `venue` (the original: both venues then get the same). */
function toCommand(venue: Venue, o: Op, accounts: readonly number[]): Command | undefined {
  const accountId = accounts[o.account]!;
  const account = venue.account(accountId);
  const market = venue.market(o.symbol);
  const tick = market.tickSize;
  const mark = market.markPrice;
  const price = (ticks: number) =>
    mark.add(tick.mul(ticks)).roundToStep(tick, 'down').toFixed(market.priceDecimals);
  const qty = market.minNotional
    .div(mark, market.stepSize.decimals(), 'up')
    .roundToStep(market.stepSize, 'up')
    .mul(o.size)
    .roundToStep(market.stepSize, 'up')
    .toString();
  const endpoint = (name: string, params: RawParams): Command => ({
    kind: 'endpoint',
    name,
    account: accountId,
    params,
  });
  // Reads only: `openOrdersOf` and friends create entries, which would make the venues differ.
  const open = [...account.openOrders.values()].flatMap((m) => [...m.values()]);
  const away = o.side === 'BUY' ? -1 : 1;
  const positionSide = account.dualSidePosition ? (o.side === 'BUY' ? 'LONG' : 'SHORT') : undefined;
  const sided = positionSide === undefined ? {} : { positionSide };
  switch (o.kind) {
    case 'market':
      return endpoint('newOrder', {
        symbol: o.symbol,
        side: o.side,
        type: 'MARKET',
        quantity: qty,
        ...sided,
      });
    case 'limit':
    case 'gtx':
    case 'gtd':
      return endpoint('newOrder', {
        symbol: o.symbol,
        side: o.side,
        type: 'LIMIT',
        timeInForce: o.kind === 'limit' ? 'GTC' : o.kind === 'gtx' ? 'GTX' : 'GTD',
        quantity: qty,
        price: price(o.offset * 10),
        ...(o.kind === 'gtd' ? { goodTillDate: String(venue.now + 601_000 + o.pick * 100) } : {}),
        ...sided,
      });
    case 'ioc':
      return endpoint('newOrder', {
        symbol: o.symbol,
        side: o.side,
        type: 'LIMIT',
        timeInForce: 'IOC',
        quantity: qty,
        price: price(-away * (20 + o.pick)),
        ...sided,
      });
    case 'cancel': {
      const order = open[o.pick % Math.max(1, open.length)];
      if (order === undefined) return undefined;
      return endpoint('cancelOrder', { symbol: order.symbol, orderId: String(order.orderId) });
    }
    case 'cancelAll':
      return endpoint('cancelAllOpenOrders', { symbol: o.symbol });
    case 'modify': {
      const order = open[o.pick % Math.max(1, open.length)];
      if (order === undefined) return undefined;
      const own = venue.market(order.symbol);
      return endpoint('modifyOrder', {
        symbol: order.symbol,
        orderId: String(order.orderId),
        side: order.side,
        quantity: own.formatQty(Math.max(order.executedQty + 1, order.origQty + o.offset)),
        price: own.formatPrice(order.priceTick + (order.side === 'BUY' ? -1 : 1) * (5 + o.size)),
      });
    }
    case 'algo':
      return endpoint('newAlgoOrder', {
        algoType: 'CONDITIONAL',
        symbol: o.symbol,
        side: o.side,
        type: o.pick % 2 === 0 ? 'STOP_MARKET' : 'TAKE_PROFIT',
        quantity: qty,
        triggerPrice: price(o.offset * 3 + (o.offset >= 0 ? 1 : -1)),
        ...(o.pick % 2 === 0 ? {} : { price: price(o.offset * 3) }),
        ...(o.pick % 3 === 0 ? { workingType: 'MARK_PRICE' } : {}),
        ...sided,
      });
    case 'trailing':
      return endpoint('newAlgoOrder', {
        algoType: 'CONDITIONAL',
        symbol: o.symbol,
        side: o.side,
        type: 'TRAILING_STOP_MARKET',
        quantity: qty,
        callbackRate: String(0.1 + (o.size % 5) / 10),
        ...sided,
      });
    case 'cancelAlgo': {
      const algos = venue.algo.open(account, o.symbol);
      const algo = algos[o.pick % Math.max(1, algos.length)];
      if (algo === undefined) return undefined;
      return endpoint('cancelAlgoOrder', { algoId: String(algo.algoId) });
    }
    case 'leverage':
      return endpoint('changeLeverage', { symbol: o.symbol, leverage: String(1 + (o.pick % 50)) });
    case 'marginType':
      return endpoint('changeMarginType', {
        symbol: o.symbol,
        marginType: o.pick % 2 === 0 ? 'ISOLATED' : 'CROSSED',
      });
    case 'positionMargin':
      return endpoint('modifyPositionMargin', {
        symbol: o.symbol,
        amount: String(1 + o.size),
        type: String(1 + (o.pick % 2)),
        ...sided,
      });
    case 'hedgeMode':
      return endpoint('changePositionMode', { dualSidePosition: o.pick % 2 === 0 ? 'true' : 'false' });
    case 'countdown':
      return endpoint('countdownCancelAll', {
        symbol: o.symbol,
        countdownTime: String(o.pick % 4 === 0 ? 0 : 2_000 + o.pick * 10),
      });
    case 'listenKey':
      return endpoint('startUserDataStream', {});
    case 'price':
      return {
        kind: 'admin',
        command: {
          kind: 'setIndexPrice',
          symbol: o.symbol,
          price: venue
            .market(o.symbol)
            .indexPrice.mul(Decimal.parse('1').add(Decimal.parse('0.002').mul(o.offset)))
            .round(2, 'down')
            .toString(),
          ...(o.pick % 2 === 0 ? { durationMs: 1_000 + o.pick * 20 } : {}),
        },
      };
    case 'deposit':
      return {
        kind: 'admin',
        command: {
          kind: 'transfer',
          accountId,
          asset: 'USDT',
          amount: String(o.size * 100),
          direction: 'DEPOSIT',
        },
      };
    case 'jump': {
      // Close to the next funding settlement: the next steps cross it.
      const time = market.nextFundingTime - 1_000 - o.pick;
      return time > venue.now ? { kind: 'admin', command: { kind: 'jump', time } } : undefined;
    }
    case 'wait':
      return undefined;
  }
}

/** Runs a command as the exchange does (at the venue's time, then `commit`); returns the answer. */
function run(venue: Venue, command: Command, endpoints = ENDPOINTS): string {
  let result: unknown;
  try {
    if (command.kind === 'admin') result = applyAdminCommand(venue, command.command);
    else {
      const endpoint = endpoints.get(command.name)!;
      result = endpoint.handle(
        venue,
        { now: venue.now, account: venue.account(command.account) },
        command.params,
      );
    }
  } catch (error) {
    if (error instanceof ApiError) result = { code: error.code, msg: error.msg };
    else if (error instanceof AdminError) result = { error: error.shortMessage };
    else throw error;
  }
  venue.commit();
  return stringifyJson(result);
}

/** What clients can see: Binance's REST views of every account and every market. */
function views(venue: Venue, accounts: readonly number[]): string {
  const out: Record<string, unknown> = {};
  const view = (name: string, account: number | undefined, params: RawParams) => {
    const endpoint = ENDPOINTS.get(name)!;
    try {
      return endpoint.handle(
        venue,
        { now: venue.now, account: account === undefined ? undefined : venue.account(account) },
        params,
      );
    } catch (error) {
      if (error instanceof ApiError) return { code: error.code };
      throw error;
    }
  };
  for (const id of accounts) {
    out[`account:${id}`] = view('getAccountV2', id, {});
    out[`positionRisk:${id}`] = view('getPositionRiskV2', id, {});
    out[`openOrders:${id}`] = view('getOpenOrders', id, {});
    out[`income:${id}`] = view('getIncome', id, { limit: '1000' });
    out[`openAlgoOrders:${id}`] = view('openAlgoOrders', id, {});
    out[`amendments:${id}`] = view('getOrderAmendments', id, { symbol: 'BTCUSDT' });
    for (const symbol of SYMBOLS) {
      out[`allOrders:${id}:${symbol}`] = view('getAllOrders', id, { symbol, limit: '1000' });
      out[`userTrades:${id}:${symbol}`] = view('getUserTrades', id, { symbol, limit: '1000' });
      out[`allAlgoOrders:${id}:${symbol}`] = view('allAlgoOrders', id, { symbol });
    }
  }
  for (const symbol of SYMBOLS) {
    out[`depth:${symbol}`] = view('depth', undefined, { symbol, limit: '1000' });
    out[`klines:${symbol}`] = view('klines', undefined, { symbol, interval: '1m', limit: '1500' });
    out[`markKlines:${symbol}`] = view('markPriceKlines', undefined, {
      symbol,
      interval: '1m',
      limit: '1500',
    });
    out[`indexKlines:${symbol}`] = view('indexPriceKlines', undefined, { pair: symbol, interval: '1m' });
    out[`aggTrades:${symbol}`] = view('aggTrades', undefined, { symbol, limit: '1000' });
    out[`trades:${symbol}`] = view('trades', undefined, { symbol, limit: '1000' });
    out[`premiumIndex:${symbol}`] = view('premiumIndex', undefined, { symbol });
    out[`fundingRate:${symbol}`] = view('fundingRate', undefined, { symbol });
    out[`ticker:${symbol}`] = view('ticker24hr', undefined, { symbol });
    out[`openInterest:${symbol}`] = view('openInterest', undefined, { symbol });
  }
  return stringifyJson(out);
}

/** Every event the venue delivers, in order, as text. */
function record(venue: Venue): string[] {
  const events: string[] = [];
  venue.subscribe({
    userEvent: (id, event) => events.push(stringifyJson(['user', id, event])),
    trade: (trade) => events.push(stringifyJson(['trade', trade])),
    depthLevel: (symbol, side, tick, qty, updateId) =>
      events.push(stringifyJson(['depth', symbol, side, tick, qty, updateId])),
    markPrice: (symbol, time) => events.push(stringifyJson(['mark', symbol, time])),
    forceOrder: (order) => events.push(stringifyJson(['force', order])),
  });
  return events;
}

/** A snapshot as it comes back from disk. */
function roundTrip(value: unknown): unknown {
  return parseJson(stringifyJson(value));
}

/** Creates an account per entry of `balances`, in order; their ids. */
function createAccounts(venue: Venue, balances: readonly Record<string, string>[]): number[] {
  return balances.map((b) => {
    const created = applyAdminCommand(venue, { kind: 'createAccount', balances: b });
    if (created.kind !== 'account') throw new Error('account not created');
    return created.accountId;
  });
}

/** The COIN-M perpetual of the COIN-M tests. */
const BTC = 'BTCUSD_PERP';
/** The COIN-M tests' venue options (a restore must be given the same). */
const coinmOptions = (): VenueOptions => ({ product: 'coinm', startTime: T0, seed: 9, marketData: 'none' });

/** A COIN-M venue, no market data, BTCUSD_PERP marked at 50,000; `accounts` accounts of 100 BTC each. */
function startCoinm(accounts: number): { venue: Venue; ids: number[] } {
  const venue = new Venue(coinmOptions());
  const ids = createAccounts(venue, Array(accounts).fill({ BTC: '100' }));
  venue.market(BTC).markPrice = Decimal.parse('50000');
  return { venue, ids };
}

/** Runs a COIN-M endpoint on BTCUSD_PERP for `account`; the answer as text. */
function callCoinm(v: Venue, account: number, name: string, params: RawParams): string {
  return run(v, { kind: 'endpoint', name, account, params: { symbol: BTC, ...params } }, COINM_ENDPOINTS);
}

/** The parameters of a GTC LIMIT order. */
function gtcLimit(side: string, qty: string, price: string): RawParams {
  return { side, type: 'LIMIT', timeInForce: 'GTC', quantity: qty, price };
}

/**
 * Runs `ops` on a venue, snapshots it after `split` of them, restores the snapshot (through JSON)
 * into a fresh venue, and drives both with the rest: every answer, every event, the final views
 * and the final snapshots must be the same.
 */
function checkRestore(
  seed: number,
  marketData: 'synthetic' | 'none',
  ops: readonly Op[],
  split: number,
): void {
  const venue = new Venue(options(seed, marketData));
  const accounts = createAccounts(venue, Array(3).fill({ USDT: '50000', USDC: '50000' }));
  venue.commit();
  const longWait = marketData === 'none' ? 120_000 : 5_000;
  let t = venue.now;
  const step = (v: Venue, command: Command | undefined): string | undefined => {
    v.advanceTo(t);
    return command === undefined ? undefined : run(v, command);
  };
  const at = Math.min(split, ops.length);
  for (const o of ops.slice(0, at)) {
    t += o.kind === 'wait' ? o.size * longWait : o.dt;
    step(venue, toCommand(venue, o, accounts));
  }

  const snapshot = roundTrip(venue.snapshot());
  const restored = Venue.restore(options(seed, marketData), snapshot);
  expect(roundTrip(restored.snapshot())).toEqual(snapshot);
  expect(views(restored, accounts)).toBe(views(venue, accounts));

  const events = record(venue);
  const restoredEvents = record(restored);
  for (const o of ops.slice(at)) {
    t += o.kind === 'wait' ? o.size * longWait : o.dt;
    venue.advanceTo(t);
    const command = toCommand(venue, o, accounts);
    expect(step(restored, command)).toBe(step(venue, command));
  }
  t += 3_000;
  venue.advanceTo(t);
  restored.advanceTo(t);
  expect(restoredEvents).toEqual(events);
  expect(views(restored, accounts)).toBe(views(venue, accounts));
  expect(roundTrip(restored.snapshot())).toEqual(roundTrip(venue.snapshot()));
}

describe('venue snapshots', () => {
  test('default: a restored venue is the venue it was taken from', () => {
    const venue = new Venue(options(7, 'synthetic'));
    const [id] = createAccounts(venue, [{ USDT: '10000' }]) as [number];
    venue.advanceTo(T0 + 20_000);
    const snapshot = roundTrip(venue.snapshot());
    const restored = Venue.restore(options(7, 'synthetic'), snapshot);
    expect(restored.now).toBe(venue.now);
    expect(restored.insuranceFund.id).toBe(venue.insuranceFund.id);
    expect(restored.account(id).alias).toBe(venue.account(id).alias);
    expect(roundTrip(restored.snapshot())).toEqual(snapshot);
    // The same future: the synthetic market goes on trading exactly as it would have.
    venue.advanceTo(T0 + 60_000);
    restored.advanceTo(T0 + 60_000);
    expect(roundTrip(restored.snapshot())).toEqual(roundTrip(venue.snapshot()));
    expect(restored.market('BTCUSDT').trades.recentTrades(1000)).toEqual(
      venue.market('BTCUSDT').trades.recentTrades(1000),
    );
  });

  test('behavior: records shared by the book, the account and the timers stay one record', () => {
    const venue = new Venue(options(3, 'none'));
    const [id] = createAccounts(venue, [{ USDT: '50000' }]) as [number];
    run(venue, {
      kind: 'endpoint',
      name: 'newOrder',
      account: id,
      params: {
        symbol: 'ETHUSDT',
        side: 'BUY',
        type: 'LIMIT',
        timeInForce: 'GTD',
        quantity: '0.100',
        price: '3300.00',
        goodTillDate: String(T0 + 700_000),
      },
    });
    const restored = Venue.restore(options(3, 'none'), roundTrip(venue.snapshot()));
    const account = restored.account(id);
    const [order] = [...account.openOrders.get('ETHUSDT')!.values()];
    expect(order).toBeDefined();
    expect(account.orders.byId('ETHUSDT', order!.orderId)).toBe(order);
    expect(account.orders.byId('ETHUSDT', BigInt(order!.orderId))).toBe(order);
    expect(account.orders.byClientId('ETHUSDT', order!.clientOrderId)).toBe(order);
    expect(restored.market('ETHUSDT').resting.get(order!.ref)).toBe(order);
    // The GTD timer fires on the restored record.
    restored.advanceTo(T0 + 701_000);
    expect(order!.status).toBe('EXPIRED');
    expect(restored.market('ETHUSDT').book.orderCount()).toBe(0);
  });

  test('behavior: funding, a liquidation and GTD expiry after a restore happen as without it', () => {
    const venue = new Venue(options(5, 'none'));
    const ids = createAccounts(venue, [{ USDT: '1000000' }, { USDT: '400' }]);
    const [maker, trader] = ids as [number, number];
    const order = (account: number, params: RawParams): Command => ({
      kind: 'endpoint',
      name: 'newOrder',
      account,
      params: { symbol: 'ETHUSDT', quantity: '1.000', ...params },
    });
    const script: Command[] = [
      {
        kind: 'endpoint',
        name: 'changeLeverage',
        account: trader,
        params: { symbol: 'ETHUSDT', leverage: '50' },
      },
      order(maker, { side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', price: '3400.00' }),
      order(trader, { side: 'BUY', type: 'MARKET' }),
      order(maker, { side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', price: '3000.00', quantity: '5.000' }),
      order(maker, {
        side: 'BUY',
        type: 'LIMIT',
        timeInForce: 'GTD',
        price: '3100.00',
        goodTillDate: String(T0 + 700_000),
      }),
    ];
    for (const command of script) {
      venue.advanceTo(venue.now + 1_000);
      expect(run(venue, command)).not.toContain('"code"');
    }
    const restored = Venue.restore(options(5, 'none'), roundTrip(venue.snapshot()));
    const events = record(venue);
    const restoredEvents = record(restored);
    const both = (fn: (v: Venue) => void) => {
      for (const v of [venue, restored]) fn(v);
    };
    // The GTD order expires; then the trader is funded across a settlement; then ETH falls 12%.
    both((v) => v.advanceTo(T0 + 710_000));
    const funding = venue.market('ETHUSDT').nextFundingTime;
    both((v) => v.jumpTo(funding - 2_000));
    both((v) => v.advanceTo(funding + 2_000));
    const crash: Command = {
      kind: 'admin',
      command: { kind: 'setIndexPrice', symbol: 'ETHUSDT', price: '2990', durationMs: 5_000 },
    };
    expect(run(restored, crash)).toBe(run(venue, crash));
    both((v) => v.advanceTo(funding + 30_000));
    const kinds = events.map((e) => {
      const [kind, , event] = JSON.parse(e) as [
        string,
        number,
        { e?: string; a?: { m?: string }; o?: { X?: string; o?: string } },
      ];
      return kind === 'user' ? `${event.e}:${event.a?.m ?? event.o?.o ?? ''}:${event.o?.X ?? ''}` : kind;
    });
    expect(kinds).toContain('ORDER_TRADE_UPDATE:LIMIT:EXPIRED');
    expect(kinds).toContain('ACCOUNT_UPDATE:FUNDING_FEE:');
    expect(kinds).toContain('ORDER_TRADE_UPDATE:LIQUIDATION:FILLED');
    expect(restoredEvents).toEqual(events);
    expect(views(restored, ids)).toBe(views(venue, ids));
    expect(roundTrip(restored.snapshot())).toEqual(roundTrip(venue.snapshot()));
  });

  test('behavior: COIN-M conditional orders, waiting and triggered, continue after a restore as without it', () => {
    const { venue, ids } = startCoinm(3);
    const [maker, trader, taker] = ids as [number, number, number];
    const tradeAt = (v: Venue, price: string) => {
      callCoinm(v, maker, 'newOrder', gtcLimit('SELL', '1', price));
      callCoinm(v, taker, 'newOrder', { ...gtcLimit('BUY', '1', price), timeInForce: 'IOC' });
    };
    const moveMark = (v: Venue, price: string) => {
      v.market(BTC).markPrice = Decimal.parse(price);
      v.markPriceChanged(v.market(BTC));
      v.commit();
    };
    callCoinm(venue, maker, 'newOrder', gtcLimit('SELL', '100', '50000'));
    callCoinm(venue, trader, 'newOrder', { side: 'BUY', type: 'MARKET', quantity: '100' });
    const stop = { side: 'SELL', type: 'STOP_MARKET', quantity: '40', workingType: 'MARK_PRICE' };
    for (const command of [
      { ...stop, stopPrice: '49000' },
      { ...stop, stopPrice: '48000' },
      { side: 'SELL', type: 'TAKE_PROFIT', quantity: '20', price: '51500', stopPrice: '51000' },
      {
        side: 'SELL',
        type: 'TRAILING_STOP_MARKET',
        quantity: '20',
        callbackRate: '1',
        activationPrice: '50500',
      },
      { side: 'SELL', type: 'STOP_MARKET', stopPrice: '47000', closePosition: 'true' },
    ]) {
      expect(callCoinm(venue, trader, 'newOrder', command)).not.toContain('"code"');
    }
    callCoinm(venue, maker, 'newOrder', gtcLimit('BUY', '200', '48500'));
    moveMark(venue, '48900'); // the first stop fires and fills against the bid
    tradeAt(venue, '51000'); // the take-profit becomes a resting LIMIT; the trailing stop activates

    const restored = Venue.restore(coinmOptions(), roundTrip(venue.snapshot()));
    expect(roundTrip(restored.snapshot())).toEqual(roundTrip(venue.snapshot()));
    const view = (v: Venue) =>
      [
        callCoinm(v, trader, 'getOpenOrders', {}),
        callCoinm(v, trader, 'getAllOrders', { limit: '1000' }),
        stringifyJson(v.algo.snapshot()),
      ].join('\n');
    expect(view(restored)).toBe(view(venue));
    expect(view(venue)).toContain('"type":"TRAILING_STOP_MARKET"');

    const events = record(venue);
    const restoredEvents = record(restored);
    const both = (fn: (v: Venue) => void) => {
      for (const v of [venue, restored]) fn(v);
    };
    both((v) => tradeAt(v, '52000'));
    both((v) => tradeAt(v, '51400')); // the trailing stop fires (52,000 − 1%)
    both((v) => moveMark(v, '47900')); // the second stop fires
    both((v) => {
      const open = callCoinm(v, trader, 'getOpenOrders', {});
      const close = (JSON.parse(open) as { orderId: number; type: string }[]).find(
        (o) => o.type === 'STOP_MARKET',
      );
      expect(close).toBeDefined();
      const canceled = callCoinm(v, trader, 'cancelOrder', { orderId: String(close!.orderId) });
      expect(canceled).toContain('"CANCELED"');
    });
    expect(restoredEvents).toEqual(events);
    // The trailing stop and the second stop fired after the restore: each expired as a conditional order.
    expect(events.filter((e) => e.includes('"x":"EXPIRED"') && e.includes('"er":8'))).toHaveLength(2);
    expect(view(restored)).toBe(view(venue));
    expect(roundTrip(restored.snapshot())).toEqual(roundTrip(venue.snapshot()));
  });

  test("behavior: COIN-M's exact filled value survives a restore; a snapshot from before it still restores", () => {
    const { venue, ids } = startCoinm(2);
    const [maker, trader] = ids as [number, number];
    callCoinm(venue, maker, 'newOrder', gtcLimit('SELL', '3', '50000.1'));
    callCoinm(venue, maker, 'newOrder', gtcLimit('SELL', '4', '50000.7'));
    const placed = JSON.parse(callCoinm(venue, trader, 'newOrder', gtcLimit('BUY', '10', '50001'))) as {
      orderId: number;
    };
    const avgPrice = (v: Venue) => {
      const order = callCoinm(v, trader, 'getOrder', { orderId: String(placed.orderId) });
      return (JSON.parse(order) as { avgPrice: string }).avgPrice;
    };
    // 7 / (3/50,000.1 + 4/50,000.7) = 50,000.44…, whereas cumBase 0.01399986 BTC gives 50,000.50…
    expect(avgPrice(venue)).toBe('50000.4');

    const snapshot = roundTrip(venue.snapshot()) as { orders: unknown[][] };
    const restored = Venue.restore(coinmOptions(), snapshot);
    expect(avgPrice(restored)).toBe('50000.4');
    expect(roundTrip(restored.snapshot())).toEqual(snapshot);

    // Before exact values, order tuples ended with the trailing terms (absent when none).
    const older = {
      ...snapshot,
      orders: snapshot.orders.map((t) => (t.length === 30 ? t.slice(0, t[28] === null ? 28 : 29) : t)),
    };
    expect(older.orders.every((t) => t.length <= 29)).toBe(true);
    const fromOlder = Venue.restore(coinmOptions(), older);
    expect(avgPrice(fromOlder)).toBe('50000.5'); // cumBase stands in for the fills before the restore
    for (const v of [restored, fromOlder]) {
      callCoinm(v, maker, 'newOrder', { side: 'SELL', type: 'MARKET', quantity: '3' });
    }
    // The next fill adds its exact value: to the exact sum 50,000.61…, to cumBase 50,000.65….
    expect([avgPrice(restored), avgPrice(fromOlder)]).toEqual(['50000.6', '50000.7']);
  });

  test('behavior: a snapshot that does not fit the venue is refused', () => {
    const venue = new Venue(options(1, 'none'));
    const snapshot = roundTrip(venue.snapshot());
    expect(() => Venue.restore(options(1, 'synthetic'), snapshot)).toThrow(VenueSnapshotError);
    expect(() => Venue.restore({ ...options(1, 'none'), symbols: DEFAULT_SYMBOLS }, snapshot)).toThrow(
      VenueSnapshotError,
    );
    expect(() => Venue.restore(options(1, 'none'), { version: 99 })).toThrow(VenueSnapshotError);
  });

  // A synthetic market per run is heavy: those scripts are shorter, and fewer.
  test.each([
    ['on the synthetic market', { marketData: 'synthetic', ops: [10, 40], numRuns: 8 }],
    ['between accounts only (GTD, funding)', { marketData: 'none', ops: [20, 80], numRuns: 10 }],
  ] as const)(
    'behavior: restore and continue equals never stopping, %s',
    (_where, { marketData, ops: [minLength, maxLength], numRuns }) => {
      fc.assert(
        fc.property(
          fc.array(op, { minLength, maxLength, size: 'max' }),
          fc.integer({ min: 1, max: 10_000 }),
          fc.nat({ max: maxLength }),
          (ops, seed, split) => checkRestore(seed, marketData, ops, split),
        ),
        { numRuns },
      );
    },
    120_000, // room for a loaded CI machine
  );
});
