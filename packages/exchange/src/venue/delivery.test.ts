import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal, parseJson, stringifyJson, type UserDataEvent, VirtualClock } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import type { ApiError } from '../api/apiError.js';
import { premiumIndexRow } from '../api/market/premiumIndex.js';
import { coinmSymbols, quarterlyDeliveriesAfter, quarterlyDeliveryDate } from '../config/coinmSymbols.js';
import { createExchange, type DefaultAccount, type Exchange } from '../createExchange.js';
import { signedRequest } from '../testing/signedRequest.js';
import { algoOrder, limitOrder, marketOrder } from './algo/testing.js';
import { DELIVERED_LISTING_MS, DELIVERING_MS, deliveryFairPrice, SETTLEMENT_WINDOW_MS } from './delivery.js';
import { Venue, type VenueOptions } from './venue.js';

const d = Decimal.parse;
/** BTCUSD_261225 delivers on Friday 2026-12-25 at 08:00 UTC. */
const DELIVERY = Date.UTC(2026, 11, 25, 8);
const WINDOW = DELIVERY - SETTLEMENT_WINDOW_MS;
const OPTIONS: VenueOptions = {
  product: 'coinm',
  startTime: WINDOW - 60_000,
  seed: 1,
  marketData: 'none',
};

/** A COIN-M venue a minute before BTCUSD_261225's settlement window, a long and a short on it. */
function deliveringVenue() {
  const venue = new Venue(OPTIONS);
  const events: { accountId: number; event: UserDataEvent }[] = [];
  venue.subscribe({ userEvent: (accountId, event) => events.push({ accountId, event }) });
  const seller = venue.createAccount({ balances: { BTC: '10' } });
  const buyer = venue.createAccount({ balances: { BTC: '1' } });
  const market = venue.market('BTCUSD_261225');
  market.indexPrice = d('50000');
  market.markPrice = d('50000');
  venue.placeOrder(seller, limitOrder('BTCUSD_261225', 'SELL', '100', '50000'));
  venue.placeOrder(buyer, marketOrder('BTCUSD_261225', 'BUY', '100'));
  const resting = venue.placeOrder(buyer, limitOrder('BTCUSD_261225', 'BUY', '10', '45000')).order;
  const stop = venue.algo.place(
    buyer,
    algoOrder('BTCUSD_261225', 'SELL', 'STOP_MARKET', { quantity: '100', triggerPrice: '40000' }),
  );
  venue.commit();
  return { venue, events, seller, buyer, market, resting, stop };
}

/** Runs the window with the index at 52,000 for its first half and 54,000 for its second: mean 53,000. */
function runWindow(venue: Venue): void {
  const market = venue.market('BTCUSD_261225');
  market.indexPrice = d('52000');
  venue.advanceTo(WINDOW + 899_000);
  market.indexPrice = d('54000');
  venue.advanceTo(DELIVERY - 1);
}

const exchanges: Exchange[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(exchanges.splice(0).map((e) => e.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function roundTrip(venue: Venue): Venue {
  return Venue.restore(OPTIONS, parseJson(stringifyJson(venue.snapshot())));
}

function errorOf(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('quarterly listing', () => {
  test('default: the last Friday of the quarter month at 08:00 UTC', () => {
    // The reference's example: BTCUSD_200925 delivers at 1601020800000 (Fri 2020-09-25 08:00 UTC).
    expect(quarterlyDeliveryDate(2020, 8)).toBe(1601020800000);
    expect(quarterlyDeliveriesAfter(Date.UTC(2026, 10, 24), 3)).toEqual([
      DELIVERY,
      Date.UTC(2027, 2, 26, 8),
      Date.UTC(2027, 5, 25, 8),
    ]);
    // At its delivery time a contract is no longer the current quarter.
    expect(quarterlyDeliveriesAfter(DELIVERY, 1)).toEqual([Date.UTC(2027, 2, 26, 8)]);
  });

  test('behavior: a fresh COIN-M venue lists the perpetuals and two quarters per underlying', () => {
    const specs = coinmSymbols(Date.UTC(2026, 10, 24, 12));
    expect(specs.map((s) => [s.symbol, s.contractType, s.deliveryDate, s.onboardDate])).toEqual([
      ['BTCUSD_PERP', 'PERPETUAL', 4133404800000, 1597042800000],
      ['ETHUSD_PERP', 'PERPETUAL', 4133404800000, 1597042800000],
      ['BTCUSD_261225', 'CURRENT_QUARTER', DELIVERY, Date.UTC(2026, 5, 26, 8)],
      ['BTCUSD_270326', 'NEXT_QUARTER', Date.UTC(2027, 2, 26, 8), Date.UTC(2026, 8, 25, 8)],
      ['ETHUSD_261225', 'CURRENT_QUARTER', DELIVERY, Date.UTC(2026, 5, 26, 8)],
      ['ETHUSD_270326', 'NEXT_QUARTER', Date.UTC(2027, 2, 26, 8), Date.UTC(2026, 8, 25, 8)],
    ]);
    const venue = new Venue({ ...OPTIONS, startTime: Date.UTC(2026, 10, 24, 12) });
    expect([...venue.markets.keys()]).toEqual(specs.map((s) => s.symbol));
    expect(venue.market('ETHUSD_270326').spec.pair).toBe('ETHUSD');
  });

  test('behavior: delivery contracts show no funding and are never charged any', () => {
    const start = Date.UTC(2026, 10, 24, 7, 59);
    const venue = new Venue({ ...OPTIONS, startTime: start });
    const maker = venue.createAccount({ balances: { BTC: '10' } });
    const trader = venue.createAccount({ balances: { BTC: '10' } });
    for (const symbol of ['BTCUSD_PERP', 'BTCUSD_261225']) {
      venue.placeOrder(maker, limitOrder(symbol, 'SELL', '100', '96000.0'));
      venue.placeOrder(trader, marketOrder(symbol, 'BUY', '100'));
    }
    const quarterly = premiumIndexRow(venue.market('BTCUSD_261225'), venue.now);
    expect([quarterly.lastFundingRate, quarterly.interestRate, quarterly.nextFundingTime]).toEqual([
      '',
      '',
      0,
    ]);
    expect(premiumIndexRow(venue.market('BTCUSD_PERP'), venue.now).nextFundingTime).toBe(start + 60_000);
    venue.advanceTo(start + 2 * 60_000); // the 08:00 settlement
    const funding = trader.income.filter((i) => i.incomeType === 'FUNDING_FEE');
    expect(funding.map((i) => i.symbol)).toEqual(['BTCUSD_PERP']);
    expect(venue.market('BTCUSD_261225').fundingHistory).toEqual([]);
  });

  test('behavior: the synthetic market quotes quarterlies around their mark, above the perpetual', () => {
    const venue = new Venue({
      product: 'coinm',
      startTime: Date.UTC(2026, 10, 24, 12),
      seed: 2,
      synthetic: { backfillMinutes: 5, stepMs: 1000 },
    });
    venue.advanceTo(venue.now + 120_000);
    const quarterly = venue.market('BTCUSD_270326');
    const fair = deliveryFairPrice(quarterly.indexPrice, quarterly.spec.deliveryDate - venue.now);
    // 122 days to delivery at 5% a year: 1.67% over the index.
    expect(fair.div(quarterly.indexPrice, 4, 'half-up').toString()).toBe('1.0167');
    const mid = quarterly.priceOf(quarterly.midTick());
    expect(mid.sub(fair).abs().lt(fair.mul('0.001'))).toBe(true);
    expect(quarterly.markPrice.sub(mid).abs().lt(mid.mul('0.002'))).toBe(true);
    expect(quarterly.markPrice.gt(venue.market('BTCUSD_PERP').markPrice)).toBe(true);
    expect(quarterly.trades.size).toBeGreaterThan(0);
  });
});

describe('quarterly delivery', () => {
  test('behavior: positions settle at the mean index of the last 30 minutes, to the satoshi', () => {
    const { venue, seller, buyer, market } = deliveringVenue();
    runWindow(venue);
    const buyerBefore = buyer.wallet('BTC');
    const sellerBefore = seller.wallet('BTC');
    venue.advanceTo(DELIVERY);
    expect(venue.delivery.deliveryPrice('BTCUSD_261225')?.toString()).toBe('53000.0');
    // 100 × 100 × (1/50,000 − 1/53,000) = 0.0113207547… BTC, cut to 8 decimals either way.
    expect(buyer.wallet('BTC').sub(buyerBefore).toString()).toBe('0.01132075');
    expect(seller.wallet('BTC').sub(sellerBefore).toString()).toBe('-0.01132075');
    expect(buyer.position('BTCUSD_261225', 'BOTH').amount.isZero()).toBe(true);
    expect(seller.position('BTCUSD_261225', 'BOTH').amount.isZero()).toBe(true);
    expect(market.openInterest.isZero()).toBe(true);
    expect(market.markPrice.toString()).toBe('53000.0');
    const settlement = buyer.income.filter((i) => i.incomeType === 'DELIVERED_SETTELMENT');
    expect(settlement.map((i) => [i.symbol, i.income.toString(), i.asset, i.time])).toEqual([
      ['BTCUSD_261225', '0.01132075', 'BTC', DELIVERY],
    ]);
    // Wallet = deposit − the opening taker fee (0.2 BTC × 0.05%) + the settlement PnL; no delivery fee.
    expect(buyer.wallet('BTC').toString()).toBe('1.01122075');
  });

  test('behavior: DELIVERING expires the orders and refuses new ones, then DELIVERED, then delisted', () => {
    const { venue, buyer, market, resting, stop, events } = deliveringVenue();
    runWindow(venue);
    expect(market.status).toBe('TRADING');
    expect(stop.status).toBe('NEW');
    venue.advanceTo(DELIVERY);
    expect(market.status).toBe('DELIVERING');
    expect(resting.status).toBe('EXPIRED');
    expect(stop.status).toBe('CANCELED');
    expect(venue.algo.open(buyer, 'BTCUSD_261225')).toEqual([]);
    expect(buyer.openOrders.get('BTCUSD_261225')?.size ?? 0).toBe(0);
    expect(market.book.orderCount()).toBe(0);
    const own = events.filter((e) => e.accountId === buyer.id).map((e) => e.event);
    const expired = own.find((e) => e.e === 'ORDER_TRADE_UPDATE' && e.o.x === 'EXPIRED');
    expect(expired?.e === 'ORDER_TRADE_UPDATE' && [expired.o.i, expired.o.X]).toEqual([
      resting.orderId,
      'EXPIRED',
    ]);
    const update = own.findLast((e) => e.e === 'ACCOUNT_UPDATE');
    expect(update?.e === 'ACCOUNT_UPDATE' && update.a.P.map((p) => [p.s, p.pa])).toEqual([
      ['BTCUSD_261225', '0'],
    ]);

    const rejected = errorOf(() => venue.placeOrder(buyer, limitOrder('BTCUSD_261225', 'BUY', '1', '50000')));
    expect(rejected.code).toBe(-4108);
    const conditional = algoOrder('BTCUSD_261225', 'SELL', 'STOP_MARKET', {
      quantity: '1',
      triggerPrice: '1000',
    });
    expect(errorOf(() => venue.algo.place(buyer, conditional)).code).toBe(-4108);
    venue.advanceTo(DELIVERY + DELIVERING_MS);
    expect(market.status).toBe('DELIVERED');
    expect(errorOf(() => venue.placeOrder(buyer, marketOrder('BTCUSD_261225', 'SELL', '1'))).code).toBe(
      -4108,
    );
    venue.jumpTo(DELIVERY + DELIVERED_LISTING_MS); // a day on, without simulating it
    expect(venue.markets.has('BTCUSD_261225')).toBe(false);
    expect(buyer.positions.has('BTCUSD_261225|BOTH')).toBe(false);
    expect(errorOf(() => venue.placeOrder(buyer, marketOrder('BTCUSD_261225', 'SELL', '1'))).code).toBe(
      -1121,
    );
    // The history stays.
    expect(buyer.income.some((i) => i.incomeType === 'DELIVERED_SETTELMENT')).toBe(true);
  });

  test('behavior: the quarter rolls, the next quarter becomes current and a new one is listed', () => {
    const { venue } = deliveringVenue();
    venue.advanceTo(DELIVERY);
    const rows = [...venue.markets.values()].map((m) => [m.symbol, m.spec.contractType, m.status]);
    expect(rows).toEqual([
      ['BTCUSD_PERP', 'PERPETUAL', 'TRADING'],
      ['ETHUSD_PERP', 'PERPETUAL', 'TRADING'],
      ['BTCUSD_261225', 'CURRENT_QUARTER', 'DELIVERING'],
      ['BTCUSD_270326', 'CURRENT_QUARTER', 'TRADING'],
      ['ETHUSD_261225', 'CURRENT_QUARTER', 'DELIVERING'],
      ['ETHUSD_270326', 'CURRENT_QUARTER', 'TRADING'],
      ['BTCUSD_270625', 'NEXT_QUARTER', 'TRADING'],
      ['ETHUSD_270625', 'NEXT_QUARTER', 'TRADING'],
    ]);
    const listed = venue.market('BTCUSD_270625');
    expect([listed.spec.onboardDate, listed.spec.deliveryDate]).toEqual([DELIVERY, Date.UTC(2027, 5, 25, 8)]);
    expect(listed.nextFundingTime).toBe(0);
    // The new contract trades at once.
    const maker = venue.createAccount({ balances: { BTC: '10' } });
    const taker = venue.createAccount({ balances: { BTC: '10' } });
    venue.placeOrder(maker, limitOrder('BTCUSD_270625', 'SELL', '5', '50000'));
    venue.placeOrder(taker, marketOrder('BTCUSD_270625', 'BUY', '5'));
    expect(taker.position('BTCUSD_270625', 'BOTH').amount.toString()).toBe('5');
  });

  test('behavior: a snapshot restores exactly mid-window, after the roll and after the delisting', () => {
    const { venue } = deliveringVenue();
    // The original's path; a venue restored at a step takes the steps after it.
    const path: ((v: Venue) => void)[] = [
      (v) => v.advanceTo(WINDOW + 600_500),
      (v) => v.advanceTo(DELIVERY + 1000),
      (v) => v.jumpTo(DELIVERY + DELIVERED_LISTING_MS + 1000),
      (v) => v.advanceTo(DELIVERY + DELIVERED_LISTING_MS + 60_000),
    ];
    const restored: { venue: Venue; from: number }[] = [];
    path.forEach((step, i) => {
      step(venue);
      const copy = roundTrip(venue);
      expect(stringifyJson(copy.snapshot())).toBe(stringifyJson(venue.snapshot()));
      restored.push({ venue: copy, from: i + 1 });
    });
    expect(venue.markets.has('BTCUSD_261225')).toBe(false);
    for (const { venue: copy, from } of restored) {
      for (const step of path.slice(from)) step(copy);
      expect(stringifyJson(copy.snapshot())).toBe(stringifyJson(venue.snapshot()));
    }
  });

  test('behavior: the same commands at the same times replay to the same state', () => {
    const run = () => {
      const { venue } = deliveringVenue();
      runWindow(venue);
      venue.advanceTo(DELIVERY + DELIVERING_MS + 1);
      return stringifyJson(venue.snapshot());
    };
    expect(run()).toBe(run());
  });

  test('behavior: a journal replay from scratch reproduces the delivery and the roll', () => {
    const clock = new VirtualClock(WINDOW - 60_000);
    const dir = mkdtempSync(join(tmpdir(), 'basis-delivery-'));
    dirs.push(dir);
    const start = (state: string, extra: { ignoreSnapshots?: boolean } = {}) => {
      const exchange = createExchange({
        clock,
        stateDir: state,
        fsync: 'none',
        marketData: 'none',
        rateLimits: { enabled: false },
        snapshotIntervalMs: 0,
        keepJournal: true,
        ...extra,
      });
      exchanges.push(exchange);
      return exchange;
    };
    const live = start(dir);
    const coinm = live.coinm!;
    const created = live.admin({ kind: 'createAccount', balances: { BTC: '10' } });
    if (created.kind !== 'account') throw new Error('no account');
    const maker = {
      accountId: created.accountId,
      apiKey: created.keys[0]!.apiKey,
      apiSecret: created.keys[0]!.apiSecret!,
    };
    const send = (creds: DefaultAccount, params: Record<string, string>) =>
      live.handle(signedRequest('POST', '/dapi/v1/order', params, creds, { timestamp: clock.now() }));
    const limit = { type: 'LIMIT', timeInForce: 'GTC' };
    const trader = live.defaultAccount!;
    send(maker, { symbol: 'BTCUSD_261225', side: 'SELL', ...limit, quantity: '20', price: '96000.0' });
    send(trader, { symbol: 'BTCUSD_261225', side: 'BUY', type: 'MARKET', quantity: '5' });
    send(trader, { symbol: 'BTCUSD_261225', side: 'BUY', ...limit, quantity: '3', price: '95000' });
    clock.advance(SETTLEMENT_WINDOW_MS / 2);
    live.admin({ kind: 'setIndexPrice', symbol: 'BTCUSD_261225', price: '97000' });
    clock.advance(SETTLEMENT_WINDOW_MS / 2 + 120_000); // past delivery: the next command brings the venue there
    const late = send(trader, {
      symbol: 'BTCUSD_270625',
      side: 'BUY',
      ...limit,
      quantity: '1',
      price: '90000',
    });
    expect(late.status).toBe(200);
    expect(coinm.market('BTCUSD_261225').status).toBe('DELIVERING');
    expect(coinm.account(trader.accountId).income.some((i) => i.incomeType === 'DELIVERED_SETTELMENT')).toBe(
      true,
    );

    const copy = mkdtempSync(join(tmpdir(), 'basis-delivery-'));
    dirs.push(copy);
    for (const name of readdirSync(dir)) if (name !== 'LOCK') cpSync(join(dir, name), join(copy, name));
    const replayed = start(copy, { ignoreSnapshots: true });
    replayed.coinm!.advanceTo(coinm.now);
    expect(stringifyJson(replayed.coinm!.snapshot())).toBe(stringifyJson(coinm.snapshot()));
  });
});
