import { Decimal } from '@basis/core';
import { createExchange, type Exchange, type ExchangeEndpoints, type Venue } from '@basis/exchange';
import {
  type Client,
  type CoinmActions,
  coinmActions,
  createClient,
  createRateGovernor,
  type Environment,
  getAggTrades,
  getBalanceV3,
  getBookTicker,
  getCoinmBalance,
  getCoinmBookTicker,
  getCoinmOpenAlgoOrders,
  getCoinmOpenOrders,
  getCoinmPositionRisk,
  getCoinmUserTrades,
  getOpenAlgoOrders,
  getOpenOrders,
  getPositionRiskV3,
  getUserTrades,
  type Market,
  newCoinmOrder,
  newOrder,
  type UsdmActions,
  usdmActions,
} from '@basis/sdk';
import { afterEach, expect } from 'vitest';
import type { RunRecord } from '../report/runRecord.js';
import type { TradeTick } from '../strategy/events.js';
import {
  defineStrategy,
  type OpenAlgoView,
  type OpenOrderView,
  type StrategyFactory,
} from '../strategy/strategy.js';
import { type LiveOptions, type LiveResult, type LiveUpdate, runLive } from './runLive.js';

// Fixtures of the live-mode tests (runLive.test.ts on USDⓈ-M, runLive.coinm.test.ts on COIN-M): a
// local exchange over real loopback sockets with a client of the product, the strategies the tests
// run, faults triggered by a run's progress, and checks of a run's record against the exchange's
// account. Not part of the bot.

/** One fill of the account, as REST or the venue itself holds it. */
interface TradeRow {
  readonly symbol?: string;
  readonly orderId: string | number | bigint;
  readonly side: string;
  readonly price: string | Decimal;
  readonly qty: string | Decimal;
  readonly commission: string | Decimal;
  readonly time: number;
}

/** What the live tests do differently on USDⓈ-M and on COIN-M. */
export interface LiveTestProduct<Actions extends object> {
  readonly market: Market;
  /** The perpetual the tests trade. */
  readonly symbol: string;
  /** The decorator that gives the client the product's actions. */
  readonly actions: (client: Client) => Actions;
  /** The asset the account's wallet (and the run's accounting) is in. */
  readonly walletAsset: string;
  /** The account's fills on `symbol` from `startTime` over the product's REST API. */
  userTrades(client: Client, symbol: string, startTime: number): Promise<readonly TradeRow[]>;
  /** The account's balances over the product's REST API. */
  balances(client: Client): Promise<readonly { readonly asset: string; readonly balance: string }[]>;
  /** The exchange's venue of the product. */
  venue(exchange: Exchange): Venue;
  /** Places a market or limit order over the product's REST API. */
  newOrder(client: Client, order: RestOrder): Promise<unknown>;
  /** The best bid of `symbol` over the product's REST API. */
  bestBid(client: Client, symbol: string): Promise<Decimal>;
  /** The account's open orders on `symbol` over the product's REST API. */
  openOrders(client: Client, symbol: string): Promise<readonly unknown[]>;
  /** The account's open algo (conditional) orders on `symbol` over the product's REST API. */
  openAlgoOrders(client: Client, symbol: string): Promise<readonly unknown[]>;
  /** The account's one-way position on `symbol` (0 without one), over the product's REST API. */
  position(client: Client, symbol: string): Promise<Decimal>;
}

/** The one-way (BOTH) row's amount of a position risk answer. */
const positionAmount = (
  rows: readonly { symbol: string; positionSide: string; positionAmt: string }[],
  symbol: string,
) => Decimal.parse(rows.find((r) => r.symbol === symbol && r.positionSide === 'BOTH')?.positionAmt ?? '0');

/** An order the tests place over REST before a run, alike on both products. */
export interface RestOrder {
  readonly symbol: string;
  readonly side: 'BUY' | 'SELL';
  readonly type: 'MARKET' | 'LIMIT';
  readonly quantity: string;
  readonly timeInForce?: 'GTC';
  readonly price?: Decimal;
  readonly newClientOrderId?: string;
}

/** USDⓈ-M: BTCUSDT under `/fapi`, the wallet in USDT. */
export const USDM: LiveTestProduct<UsdmActions> = {
  market: 'usdm',
  symbol: 'BTCUSDT',
  actions: usdmActions,
  walletAsset: 'USDT',
  userTrades: (client, symbol, startTime) => getUserTrades(client, { symbol, startTime, limit: 1000 }),
  balances: (client) => getBalanceV3(client),
  venue: (exchange) => exchange.venue,
  newOrder: (client, order) => newOrder(client, order),
  bestBid: async (client, symbol) => Decimal.parse((await getBookTicker(client, { symbol })).bidPrice),
  openOrders: (client, symbol) => getOpenOrders(client, { symbol }),
  openAlgoOrders: (client, symbol) => getOpenAlgoOrders(client, { symbol }),
  position: async (client, symbol) => positionAmount(await getPositionRiskV3(client, { symbol }), symbol),
};

/** COIN-M: BTCUSD_PERP (in contracts) under `/dapi` and `/dstream`, the wallet in BTC. */
export const COINM: LiveTestProduct<CoinmActions> = {
  market: 'coinm',
  symbol: 'BTCUSD_PERP',
  actions: coinmActions,
  walletAsset: 'BTC',
  userTrades: (client, symbol, startTime) => getCoinmUserTrades(client, { symbol, startTime, limit: 1000 }),
  balances: (client) => getCoinmBalance(client),
  venue: (exchange) => exchange.coinm!,
  newOrder: (client, order) => newCoinmOrder(client, order),
  bestBid: async (client, symbol) => {
    const [book] = await getCoinmBookTicker(client, { symbol });
    return Decimal.parse(book!.bidPrice);
  },
  openOrders: (client, symbol) => getCoinmOpenOrders(client, { symbol }),
  openAlgoOrders: (client, symbol) => getCoinmOpenAlgoOrders(client, { symbol }),
  position: async (client, symbol) =>
    positionAmount(await getCoinmPositionRisk(client, { pair: symbol.split('_')[0]! }), symbol),
};

const norm = (text: string) => Decimal.parse(text).normalize().toString();

/** A fill as a string that compares equal whatever the decimals' trailing zeros. */
export const fillKey = (f: {
  readonly orderId: string;
  readonly side: string;
  readonly price: string;
  readonly qty: string;
  readonly fee: string;
  readonly time: number;
}): string => `${f.orderId}|${f.side}|${norm(f.price)}|${norm(f.qty)}|${norm(f.fee)}|${f.time}`;

/** The {@link fillKey}s of the account's fills from `since` on, sorted. */
function tradeKeys(trades: readonly TradeRow[], since: number): string[] {
  return trades
    .filter((t) => t.time >= since)
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

/** A local exchange on loopback sockets and a client of its default account. */
export interface LiveVenue<Actions extends object> {
  readonly product: LiveTestProduct<Actions>;
  readonly exchange: Exchange;
  readonly endpoints: ExchangeEndpoints;
  readonly client: Client<Actions>;
  /** The account's fills on the product's symbol from `since` on, as sorted {@link fillKey}s, read over REST. */
  restFills(since: number): Promise<string[]>;
  /** The same as the product's venue itself holds them (not through REST). */
  venueFills(since: number): string[];
  /** The account's wallet balance in the product's wallet asset, read over REST. */
  wallet(): Promise<Decimal>;
}

/**
 * Returns the function that starts a {@link LiveVenue} of `product` (exchange seed `seed`, a synthetic
 * market, no rate limits to speak of), and closes every venue a test started after it. Call it once,
 * at the top level of a test file.
 */
export function liveVenues<Actions extends object>(
  product: LiveTestProduct<Actions>,
): (seed: number) => Promise<LiveVenue<Actions>> {
  const open: LiveVenue<Actions>[] = [];
  afterEach(async () => {
    for (const v of open.splice(0)) {
      await v.client.close();
      await v.endpoints.close();
      await v.exchange.close();
    }
  });
  return async (seed) => {
    const exchange = createExchange({
      seed,
      synthetic: { backfillMinutes: 5 },
      rateLimits: { enabled: false },
      log: () => {},
    });
    const endpoints = await exchange.listen({ host: '127.0.0.1', port: 0 });
    const client = createClient({
      env: 'local',
      market: product.market,
      baseUrl: endpoints.restUrl,
      credentials: exchange.defaultAccount!,
      governor: createRateGovernor({
        market: product.market,
        limits: {
          requestWeightPerMinute: 1_000_000,
          ordersPer10Seconds: 1_000_000,
          ordersPerMinute: 1_000_000,
        },
      }),
    }).extend(product.actions);
    const accountId = exchange.defaultAccount!.accountId;
    const venue: LiveVenue<Actions> = {
      product,
      exchange,
      endpoints,
      client,
      restFills: async (since) => tradeKeys(await product.userTrades(client, product.symbol, since), since),
      venueFills: (since) => {
        const { trades } = product.venue(exchange).account(accountId);
        return tradeKeys(
          trades.filter((t) => t.symbol === product.symbol),
          since,
        );
      },
      wallet: async () => {
        const rows = await product.balances(client);
        return Decimal.parse(rows.find((r) => r.asset === product.walletAsset)!.balance);
      },
    };
    open.push(venue);
    return venue;
  };
}

/** Fast reconnects, so a dropped socket comes back within the test. */
export const FAST_RECONNECTS: Pick<LiveOptions, 'streams' | 'userData'> = {
  streams: { backoff: { initialMs: 50, maxMs: 200 } },
  // A fixed reconnect delay (no jitter): the user-data socket stays away 300 ms after a drop.
  userData: { backoff: { initialMs: 300, maxMs: 600 }, random: () => 0.999, lookbackMs: 1000 },
};

/**
 * Slow market-stream reconnects: after a drop the market socket stays away ~500 ms (no jitter), so
 * several market orders fill meanwhile; the user-data socket as in {@link FAST_RECONNECTS}.
 */
export const SLOW_MARKET_RECONNECTS: Pick<LiveOptions, 'streams' | 'userData'> = {
  streams: { backoff: { initialMs: 500, maxMs: 500 }, random: () => 0.999 },
  userData: FAST_RECONNECTS.userData!,
};

/** What the strategy of {@link alternatingTrader} is called, trades and when. */
export interface AlternatingTraderOptions {
  readonly name: string;
  readonly symbol: string;
  /** Each order's size: base asset on USDⓈ-M, contracts on COIN-M. */
  readonly quantity: string;
  readonly everyMs: number;
  /** Called with each public trade of the symbol. */
  readonly onTrade?: (trade: TradeTick) => void;
}

/** A strategy that buys, then sells, then buys... `quantity` at market every `everyMs`, ending flat-ish. */
export function alternatingTrader(options: AlternatingTraderOptions): StrategyFactory {
  const { name, symbol, quantity, everyMs, onTrade } = options;
  return defineStrategy(() => {
    let n = 0;
    return {
      name,
      symbols: [symbol],
      onStart(ctx) {
        ctx.setInterval('trade', everyMs);
      },
      onTimer(ctx) {
        ctx.submitOrder({ symbol, side: n++ % 2 === 0 ? 'BUY' : 'SELL', type: 'MARKET', quantity });
      },
      ...(onTrade === undefined ? {} : { onTrade: (_ctx: unknown, trade: TradeTick) => onTrade(trade) }),
    };
  });
}

/** A run's log, captured: pass `log` to the run and read `lines`. */
export function captureLog(): { readonly lines: string[]; readonly log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}

/** The log lines of orders the exchange rejected. */
export const rejections = (lines: readonly string[]): string[] =>
  lines.filter((l) => l.startsWith('rejected'));

/** What {@link dropConnections} closed. */
export interface Drop {
  /** How many connections the fault injector closed. */
  readonly closed: number;
  /** The streams the open connections listened to just before. */
  readonly streams: readonly string[];
  /** The account's listen key on the product's venue then. */
  readonly listenKey: string | undefined;
}

/** Drops every open WebSocket connection of the venue's exchange, noting which ones they were. */
export function dropConnections(venue: LiveVenue<object>): Drop {
  const { exchange } = venue;
  const products = venue.product.venue(exchange);
  const listenKey = products.listenKeys.keyOf(exchange.defaultAccount!.accountId, products.now)?.listenKey;
  const streams = exchange.webSockets.connections().flatMap((c) => c.streams);
  const closed = exchange.faults.dropConnections({});
  return { closed, streams, listenKey };
}

/**
 * Expects the drop to have reached the run's sockets: its market streams of the product's symbol,
 * `marketStream` among them, and its user-data stream (the venue's listen key); nothing else was open.
 */
export function expectDropReachedRun(
  venue: LiveVenue<object>,
  drop: Drop | undefined,
  marketStream: string,
): void {
  expect(drop).toBeDefined();
  const { closed, streams, listenKey } = drop!;
  expect(listenKey).toBeDefined();
  expect(streams).toContain(listenKey);
  expect(streams).toContain(marketStream);
  const prefix = `${venue.product.symbol.toLowerCase()}@`;
  expect(streams.every((s) => s === listenKey || s.startsWith(prefix))).toBe(true);
  expect(closed).toBeGreaterThanOrEqual(2);
}

/** A live run that had every WebSocket connection dropped midway, and what it logged. */
export interface DroppedRun {
  readonly result: LiveResult;
  readonly lines: readonly string[];
  /** What the drop closed (undefined if the run never got to its second progress update). */
  readonly drop: Drop | undefined;
  /** Every progress update; the drop happened right after the second. */
  readonly updates: readonly LiveUpdate[];
}

/**
 * Runs live on the venue's client, capturing the log, and drops every WebSocket connection of the
 * exchange at the run's second progress update (`onUpdate`), with everything connected.
 */
export async function runDroppingConnections(
  venue: LiveVenue<object>,
  options: Omit<LiveOptions, 'client' | 'log' | 'onUpdate'>,
): Promise<DroppedRun> {
  const { lines, log } = captureLog();
  const updates: LiveUpdate[] = [];
  let drop: Drop | undefined;
  const result = await runLive({
    ...options,
    client: venue.client,
    log,
    onUpdate: (update) => {
      if (updates.push(update) === 2) drop = dropConnections(venue);
    },
  });
  return { result, lines, drop, updates };
}

/** What {@link runThroughMarketStreamGap} saw. */
export interface MarketGapRun extends DroppedRun {
  /** The ids of the aggregate trades the strategy received, in order. */
  readonly seen: readonly bigint[];
}

/**
 * Runs a 'trade-watcher' strategy live for 3 s (a progress update every 500 ms): it trades `quantity`
 * of the product's symbol at market every 100 ms, so aggregate trades keep happening while the
 * sockets are away, and notes the id of every aggregate trade it receives. Every connection drops at
 * the second progress update and the market socket then stays away ~500 ms
 * ({@link SLOW_MARKET_RECONNECTS}): several market orders fill meanwhile.
 */
export async function runThroughMarketStreamGap(
  venue: LiveVenue<object>,
  quantity: string,
): Promise<MarketGapRun> {
  const seen: bigint[] = [];
  const strategy = alternatingTrader({
    name: 'trade-watcher',
    symbol: venue.product.symbol,
    quantity,
    everyMs: 100,
    onTrade: (trade) => seen.push(BigInt(trade.tradeId)),
  });
  const run = await runDroppingConnections(venue, {
    strategy,
    durationMs: 3_000,
    sampleEveryMs: 500,
    ...SLOW_MARKET_RECONNECTS,
  });
  return { ...run, seen };
}

/** The run record's fills as sorted {@link fillKey}s, comparable with {@link LiveVenue.restFills}. */
export const recordedFills = (record: RunRecord): string[] => record.fills.map(fillKey).sort();

/**
 * Expects the run record's fills to be exactly the account's fills on the exchange since the run
 * started, as REST reads them back; returns the record's fill keys.
 */
export async function expectFillsAsOnExchange(
  venue: LiveVenue<object>,
  record: RunRecord,
): Promise<string[]> {
  const recorded = recordedFills(record);
  expect(recorded).toEqual(await venue.restFills(record.meta.startTime));
  return recorded;
}

/** Expects the run's final wallet to be the account's balance on the exchange now; returns that balance. */
export async function expectWalletAsOnExchange(
  venue: LiveVenue<object>,
  result: LiveResult,
): Promise<Decimal> {
  const after = await venue.wallet();
  expect(Decimal.parse(result.wallet).eq(after)).toBe(true);
  return after;
}

/** Expects the log to show a gap in the user-data stream and at least one change REST read back for it. */
export function expectUserDataGapReadBack(lines: readonly string[]): void {
  expect(lines.some((l) => l.includes('user-data stream: gap'))).toBe(true);
  expect(lines.some((l) => /user-data stream: [1-9]\d* change\(s\) read back/.test(l))).toBe(true);
}

/**
 * Expects the log to show a gap in the market streams of `symbol`'s aggregate trades and at least one
 * of its trades REST read back after it.
 */
export function expectTradeGapReadBack(lines: readonly string[], symbol: string): void {
  const stream = `${symbol.toLowerCase()}@aggTrade`;
  expect(lines.some((l) => l.startsWith('market streams: gap') && l.includes(stream))).toBe(true);
  const readBack = new RegExp(`${symbol}: [1-9]\\d* trade\\(s\\) read back after a gap`);
  expect(lines.some((l) => readBack.test(l))).toBe(true);
}

/**
 * Expects `seen` to be every aggregate trade id of `symbol` from its first to its last, once each, in
 * order: as the client's REST (`/fapi/v1/aggTrades` or `/dapi/v1/aggTrades`) has them.
 */
export async function expectEveryAggTradeOnce(
  client: Client,
  symbol: string,
  seen: readonly bigint[],
): Promise<void> {
  const first = seen[0]!;
  const last = seen.at(-1)!;
  const ids: bigint[] = [];
  for (let from = first; from <= last; ) {
    const page = await getAggTrades(client, { symbol, fromId: Number(from), limit: 1000 });
    if (page.length === 0) break;
    for (const row of page) if (BigInt(row.a) <= last) ids.push(BigInt(row.a));
    from = BigInt(page.at(-1)!.a) + 1n;
  }
  expect(seen).toEqual(ids);
  expect(ids.every((id, i) => id === first + BigInt(i))).toBe(true);
}

/**
 * Runs `strategy` live on the venue for 2.5 s (a sample every 500 ms) and expects its record to be
 * the exchange account's: the product's symbol and wallet asset in its meta, at least 5 fills and
 * exactly the account's, no order rejected, the starting and final wallets the account's, and the
 * net PnL their difference (not zero, or that check would prove nothing).
 */
export async function expectRunAsOnExchange(
  venue: LiveVenue<object>,
  strategy: LiveOptions['strategy'],
): Promise<LiveResult> {
  const before = await venue.wallet();
  const { lines, log } = captureLog();
  const result = await runLive({
    strategy,
    client: venue.client,
    durationMs: 2_500,
    sampleEveryMs: 500,
    log,
    ...FAST_RECONNECTS,
  });
  const { record } = result;
  expect(record.meta).toMatchObject({
    mode: 'live',
    env: 'local',
    symbols: [venue.product.symbol],
    quoteAsset: venue.product.walletAsset,
  });
  expect(record.fills.length).toBeGreaterThanOrEqual(5);
  await expectFillsAsOnExchange(venue, record);
  expect(result.startingWallet).toBe(before.toString());
  const walletChange = (await expectWalletAsOnExchange(venue, result)).sub(before);
  expect(walletChange.eq(result.totals.netPnl)).toBe(true);
  expect(walletChange.isZero()).toBe(false);
  expect(rejections(lines)).toEqual([]);
  return result;
}

/**
 * Runs `strategy` live for 3 s with every connection dropped midway ({@link runDroppingConnections})
 * and expects no fill lost and none reported twice: the drop reached the run's sockets, REST read
 * back the user-data stream's gap, the record's fills are the account's as REST and the venue itself
 * hold them, at least 10 and each once, and the final wallet is the account's.
 */
export async function expectNoFillLostToDrop(
  venue: LiveVenue<object>,
  strategy: LiveOptions['strategy'],
): Promise<LiveResult> {
  const { result, lines, drop } = await runDroppingConnections(venue, {
    strategy,
    durationMs: 3_000,
    sampleEveryMs: 500,
    ...FAST_RECONNECTS,
  });
  // A run streams the mark price always; trades and books only for strategies that watch them.
  expectDropReachedRun(venue, drop, `${venue.product.symbol.toLowerCase()}@markPrice@1s`);
  expectUserDataGapReadBack(lines);
  const { record } = result;
  const recorded = await expectFillsAsOnExchange(venue, record);
  expect(new Set(recorded).size).toBe(recorded.length);
  expect(recorded).toEqual(venue.venueFills(record.meta.startTime));
  expect(recorded.length).toBeGreaterThanOrEqual(10);
  await expectWalletAsOnExchange(venue, result);
  return result;
}

/**
 * Runs through a market-stream gap ({@link runThroughMarketStreamGap}, trading `quantity`) and
 * expects the trades lost meanwhile to be read back, in order, once each: within 20 s, the drop
 * reached the run's sockets, the log shows the gap and the read-back, and the strategy saw at least
 * 15 trades, every one of the symbol's from its first to its last as the product's REST has them.
 */
export async function expectTradesReadBackAfterGap(
  venue: LiveVenue<object>,
  quantity: string,
): Promise<void> {
  const { symbol } = venue.product;
  const started = Date.now();
  const { lines, drop, seen } = await runThroughMarketStreamGap(venue, quantity);
  expect(Date.now() - started).toBeLessThan(20_000);
  expectDropReachedRun(venue, drop, `${symbol.toLowerCase()}@aggTrade`);
  expectTradeGapReadBack(lines, symbol);
  expect(seen.length).toBeGreaterThanOrEqual(15);
  await expectEveryAggTradeOnce(venue.client, symbol, seen);
}

/** What a strategy saw of the product's symbol in `onStart`. */
export interface StartState {
  readonly position: Decimal;
  readonly orders: readonly OpenOrderView[];
  readonly algos: readonly OpenAlgoView[];
}

/** What the account holds before a run that {@link expectAccountSeenAtStart} checks. */
export interface AccountBeforeRun {
  /** The long position opened at market. */
  readonly position: string;
  /** The size of the BUY LIMIT 'before-the-run' left resting 10% under the bid. */
  readonly restingQuantity: string;
  /** Places more orders over REST, given the bid then (conditional ones, say). */
  readonly placeMore?: (bid: Decimal) => Promise<void>;
}

/**
 * Opens the position and rests the orders of `before` over REST, then runs live for 800 ms an
 * 'inspector' strategy that notes the symbol's position, open orders and open algo orders at start
 * and cancels every one of those orders. Expects it to have seen the position and the resting BUY at
 * its price, no order or algo order to be left on the exchange, and the record to start with the
 * position. Returns the run and what the strategy saw (its algo orders are the caller's to check).
 */
export async function expectAccountSeenAtStart(
  venue: LiveVenue<object>,
  before: AccountBeforeRun,
): Promise<{ readonly result: LiveResult; readonly seen: StartState }> {
  const { product, client } = venue;
  const { symbol } = product;
  await product.newOrder(client, { symbol, side: 'BUY', type: 'MARKET', quantity: before.position });
  const bid = await product.bestBid(client, symbol);
  const price = bid.mul('0.9').roundToStep(Decimal.parse('0.1'), 'floor');
  await product.newOrder(client, {
    symbol,
    side: 'BUY',
    type: 'LIMIT',
    timeInForce: 'GTC',
    quantity: before.restingQuantity,
    price,
    newClientOrderId: 'before-the-run',
  });
  await before.placeMore?.(bid);
  let seen: StartState | undefined;
  const strategy = defineStrategy(() => ({
    name: 'inspector',
    symbols: [symbol],
    onStart(ctx) {
      seen = {
        position: ctx.position(symbol).amount,
        orders: ctx.openOrders(symbol),
        algos: ctx.openAlgoOrders(symbol),
      };
      for (const o of seen.orders) ctx.cancelOrder(symbol, o.clientOrderId);
      for (const a of seen.algos) ctx.cancelAlgoOrder(symbol, a.clientAlgoId);
    },
  }));
  const result = await runLive({ strategy, client, durationMs: 800, ...FAST_RECONNECTS });
  expect(seen).toBeDefined();
  expect(seen!.position.eq(before.position)).toBe(true);
  expect(seen!.orders).toHaveLength(1);
  expect(seen!.orders[0]).toMatchObject({ clientOrderId: 'before-the-run', side: 'BUY' });
  expect(seen!.orders[0]!.price.eq(price)).toBe(true);
  expect(await product.openOrders(client, symbol)).toEqual([]);
  expect(await product.openAlgoOrders(client, symbol)).toEqual([]);
  expect(result.record.positions[symbol]?.[0]?.amount).toBe(before.position);
  return { result, seen: seen! };
}

/** A client of `env` with made-up credentials and no time sync: for runs refused before they connect. */
export function offlineClient(env: Environment, market?: Market): Client {
  return createClient({
    env,
    ...(market === undefined ? {} : { market }),
    credentials: { apiKey: 'k', apiSecret: 's' },
    timeSync: false,
  });
}
