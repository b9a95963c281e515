import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJson, stringifyJson, VirtualClock } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_SYMBOLS } from './config/defaultSymbols.js';
import {
  createExchange,
  type DefaultAccount,
  type Exchange,
  type ExchangeOptions,
} from './createExchange.js';
import { publicRequest, signedRequest } from './testing/signedRequest.js';

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const SYMBOLS = ['BTCUSDT', 'ETHUSDT'] as const;
const open: Exchange[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'basis-snapshots-'));
  dirs.push(dir);
  return dir;
}

/** A light exchange on `dir`, driven by `clock`. */
function start(clock: VirtualClock, dir: string, extra: Partial<ExchangeOptions> = {}): Exchange {
  const exchange = createExchange({
    clock,
    stateDir: dir,
    fsync: 'none',
    symbols: DEFAULT_SYMBOLS.filter((s) => (SYMBOLS as readonly string[]).includes(s.symbol)),
    synthetic: { backfillMinutes: 5 },
    history: { tradeCapacity: 500, klineRetentionMinutes: 120 },
    rateLimits: { enabled: false },
    snapshotIntervalMs: 0,
    ...extra,
  });
  open.push(exchange);
  return exchange;
}

/** What `kill -9` leaves: the files as they are now (the page cache holds every append), without LOCK. */
function crashImage(dir: string): string {
  const copy = tempDir();
  for (const name of readdirSync(dir)) if (name !== 'LOCK') cpSync(join(dir, name), join(copy, name));
  return copy;
}

function call(exchange: Exchange, creds: DefaultAccount, method: string, path: string, params = {}): unknown {
  const response = exchange.handle(
    signedRequest(method, path, params, creds, { timestamp: exchange.clock.now() }),
  );
  return parseJson(response.body);
}

/** A mixed workload: orders that fill and rest, cancels, leverage, an index move, time passing. */
function workload(exchange: Exchange, clock: VirtualClock, creds: DefaultAccount, commands: number): void {
  let resting: number[] = [];
  for (let i = 0; i < commands; i++) {
    clock.advance(200 + (i % 7) * 150);
    const symbol = SYMBOLS[i % 2]!;
    const price = symbol === 'BTCUSDT' ? 95_500 + (i % 10) * 10 : 3_350 + (i % 10);
    const quantity = symbol === 'BTCUSDT' ? '0.002' : '0.050';
    if (i % 5 === 0) {
      call(exchange, creds, 'POST', '/fapi/v1/order', {
        symbol,
        side: i % 2 ? 'SELL' : 'BUY',
        type: 'MARKET',
        quantity,
      });
    } else if (i % 5 === 4 && resting.length > 0) {
      const orderId = resting.shift()!;
      call(exchange, creds, 'DELETE', '/fapi/v1/order', {
        symbol: i % 10 === 4 ? 'BTCUSDT' : 'ETHUSDT',
        orderId,
      });
    } else if (i % 11 === 3) {
      call(exchange, creds, 'POST', '/fapi/v1/leverage', { symbol, leverage: 5 + (i % 20) });
    } else if (i % 13 === 6) {
      exchange.handle({
        ...publicRequest('POST', '/admin/prices'),
        rawBody: stringifyJson({ symbol: 'ETHUSDT', indexPrice: String(3_300 + i), durationMs: 2_000 }),
      });
    } else {
      const order = call(exchange, creds, 'POST', '/fapi/v1/order', {
        symbol,
        side: 'BUY',
        type: 'LIMIT',
        timeInForce: 'GTC',
        quantity,
        price: symbol === 'BTCUSDT' ? price.toFixed(1) : price.toFixed(2),
      }) as { orderId?: number };
      if (order.orderId !== undefined && i % 10 === (symbol === 'BTCUSDT' ? 4 : 9) - 2)
        resting.push(order.orderId);
    }
  }
  resting = [];
}

/** The REST views a client sees, of the default account and both markets. */
function views(exchange: Exchange, creds: DefaultAccount): string {
  const now = exchange.clock.now();
  exchange.venue.advanceTo(now);
  const get = (path: string, params = {}) => call(exchange, creds, 'GET', path, params);
  const pub = (path: string, params: Record<string, string>) =>
    parseJson(exchange.handle(publicRequest('GET', path, params)).body);
  return stringifyJson({
    account: get('/fapi/v2/account'),
    positionRisk: get('/fapi/v2/positionRisk'),
    openOrders: get('/fapi/v1/openOrders'),
    income: get('/fapi/v1/income', { limit: 1000 }),
    markets: SYMBOLS.map((symbol) => ({
      allOrders: get('/fapi/v1/allOrders', { symbol, limit: 1000 }),
      userTrades: get('/fapi/v1/userTrades', { symbol, limit: 1000 }),
      depth: pub('/fapi/v1/depth', { symbol, limit: '1000' }),
      klines: pub('/fapi/v1/klines', { symbol, interval: '1m', limit: '1500' }),
      aggTrades: pub('/fapi/v1/aggTrades', { symbol, limit: '1000' }),
      premiumIndex: pub('/fapi/v1/premiumIndex', { symbol }),
    })),
  });
}

describe('createExchange snapshots', () => {
  test('default: a restart replays only the journal after the newest snapshot, and lands where a full replay does', () => {
    const clock = new VirtualClock(T0);
    const dir = tempDir();
    const live = start(clock, dir, { snapshotEvery: 25, keepJournal: true });
    const creds = live.defaultAccount!;
    workload(live, clock, creds, 70);
    // Snapshots after commands 25 and 50 (the default account's creation is command 1).
    const snapshots = readdirSync(dir).filter((n) => n.startsWith('snapshot-'));
    expect(snapshots.length).toBeGreaterThanOrEqual(2);
    const liveSnapshot = parseJson(stringifyJson(live.venue.snapshot()));
    const crashA = crashImage(dir);
    const crashB = crashImage(dir);

    const fromSnapshot = start(clock, crashA, { snapshotEvery: 25, keepJournal: true });
    const fromEmpty = start(clock, crashB, { snapshotEvery: 25, keepJournal: true, ignoreSnapshots: true });
    const recoveredA = fromSnapshot.recovery!;
    const recoveredB = fromEmpty.recovery!;
    expect(recoveredB.snapshotSeq).toBeUndefined();
    expect(recoveredB.replayed).toBe(recoveredB.lastSeq);
    expect(recoveredA.lastSeq).toBe(recoveredB.lastSeq);
    expect(recoveredA.snapshotSeq).toBeGreaterThanOrEqual(50);
    expect(recoveredA.replayed).toBe(recoveredA.lastSeq - recoveredA.snapshotSeq!);
    expect(recoveredA.replayed).toBeLessThan(25);

    // Exactly the state before the crash, by either road (compared before anything reads them). The
    // live venue's clock ran on after its last command (rejected requests advance it too).
    fromSnapshot.venue.advanceTo(live.venue.now);
    fromEmpty.venue.advanceTo(live.venue.now);
    expect(parseJson(stringifyJson(fromSnapshot.venue.snapshot()))).toEqual(liveSnapshot);
    expect(parseJson(stringifyJson(fromEmpty.venue.snapshot()))).toEqual(liveSnapshot);
    expect(fromSnapshot.defaultAccount).toEqual(creds);
    // And what clients see stays the same as all three go on.
    clock.advance(5_000);
    const seen = views(live, creds);
    expect(views(fromSnapshot, creds)).toBe(seen);
    expect(views(fromEmpty, creds)).toBe(seen);
  });

  test('behavior: close writes a snapshot, so the next start replays nothing', async () => {
    const clock = new VirtualClock(T0);
    const dir = tempDir();
    const first = start(clock, dir);
    const creds = first.defaultAccount!;
    workload(first, clock, creds, 12);
    clock.advance(30_000); // the market moves on after the last command
    const before = views(first, creds);
    await first.close();

    const second = start(clock, dir);
    const recovery = second.recovery!;
    expect(recovery.lastSeq).toBeGreaterThan(10);
    expect(recovery).toMatchObject({ snapshotSeq: recovery.lastSeq, replayed: 0 });
    expect(second.venue.now).toBe(clock.now());
    expect(views(second, creds)).toBe(before);
  });

  test('behavior: POST /admin/snapshot writes one now; an idle exchange writes one every snapshotIntervalMs', () => {
    const clock = new VirtualClock(T0);
    const dir = tempDir();
    const exchange = start(clock, dir, { snapshotIntervalMs: 60_000 });
    const creds = exchange.defaultAccount!;
    workload(exchange, clock, creds, 4);
    const forced = exchange.handle(publicRequest('POST', '/admin/snapshot'));
    expect(forced.status).toBe(200);
    const { seq } = parseJson(forced.body) as { seq: number };
    const forcedAt = clock.now();
    const atOnce = start(new VirtualClock(clock.now()), crashImage(dir)).recovery!;
    expect(atOnce).toMatchObject({ snapshotSeq: seq, replayed: 0, lastSeq: seq });

    clock.advance(61_000); // no command: the market alone moved a minute
    const image = start(new VirtualClock(clock.now()), crashImage(dir));
    expect(image.recovery).toMatchObject({ snapshotSeq: seq, replayed: 0 });
    expect(image.venue.now).toBeGreaterThanOrEqual(forcedAt + 60_000);

    const memory = createExchange({ clock, synthetic: { backfillMinutes: 5 } });
    open.push(memory);
    expect(memory.handle(publicRequest('POST', '/admin/snapshot')).status).toBe(409);
  });

  test('behavior: after a long downtime the restart jumps (journaled at the venue time), and replay jumps too', async () => {
    const clock = new VirtualClock(T0);
    const dir = tempDir();
    const first = start(clock, dir, { keepJournal: true });
    const creds = first.defaultAccount!;
    workload(first, clock, creds, 6);
    await first.close();
    const tradesBefore = first.venue.market('BTCUSDT').trades.nextTradeId;

    clock.advance(6 * 3_600_000); // six hours down: simulating them would take minutes
    const second = start(clock, dir, { keepJournal: true });
    expect(second.venue.now).toBe(clock.now());
    // The gap was jumped: the synthetic market did not trade through it.
    const tradesAfter = second.venue.market('BTCUSDT').trades.nextTradeId;
    expect(Number(tradesAfter) - Number(tradesBefore)).toBeLessThan(50);
    const seen = views(second, creds);
    const replayed = start(clock, crashImage(dir), { keepJournal: true, ignoreSnapshots: true });
    expect(replayed.recovery?.replayed).toBe(second.recovery!.lastSeq + 1);
    expect(views(replayed, creds)).toBe(seen);
  });
});
