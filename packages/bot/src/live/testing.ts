import { Decimal } from '@basis/core';
import { createExchange, type Exchange, type ExchangeEndpoints, type Venue } from '@basis/exchange';
import {
  type Client,
  type CoinmActions,
  coinmActions,
  createClient,
  createRateGovernor,
  getAggTrades,
  getBalanceV3,
  getCoinmBalance,
  getCoinmUserTrades,
  getUserTrades,
  type Market,
  type UsdmActions,
  usdmActions,
} from '@basis/sdk';
import { afterEach, expect } from 'vitest';
import type { RunRecord } from '../report/runRecord.js';
import type { TradeTick } from '../strategy/events.js';
import { defineStrategy, type StrategyFactory } from '../strategy/strategy.js';
import { type LiveOptions, type LiveResult, runLive } from './runLive.js';

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

/** A live run that had every WebSocket connection dropped midway, and what it logged. */
export interface DroppedRun {
  readonly result: LiveResult;
  readonly lines: readonly string[];
  /** What the drop closed (undefined if the run never got to its second progress update). */
  readonly drop: Drop | undefined;
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
  let updates = 0;
  let drop: Drop | undefined;
  const result = await runLive({
    ...options,
    client: venue.client,
    log,
    onUpdate: () => {
      if (updates++ === 1) drop = dropConnections(venue);
    },
  });
  return { result, lines, drop };
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
