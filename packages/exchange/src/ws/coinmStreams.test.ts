import { Decimal, parseJson } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { DEFAULT_COINM_PERPETUALS } from '../config/coinmSymbols.js';
import type { SymbolSpec } from '../config/symbolSpec.js';
import { publicRequest } from '../testing/signedRequest.js';
import { limitOrder, marketOrder } from '../venue/algo/testing.js';
import {
  advance,
  byStream,
  type ListeningExchange,
  socketsForTests,
  sortedFields,
  sortedKeys,
  T0,
  TestClient,
} from './testing.js';

// COIN-M market streams (reference §13.4) end to end: a full exchange listening on loopback, `ws`
// clients on `/dstream`, a VirtualClock so cadences are exact.

const { listen, connect } = socketsForTests();

const BTCUSD_PERP = DEFAULT_COINM_PERPETUALS[0]!;
/** A delivery contract of the BTCUSD pair (the last Friday of December 2026, 08:00 UTC). */
const BTCUSD_QUARTER: SymbolSpec = {
  ...BTCUSD_PERP,
  symbol: 'BTCUSD_261225',
  contractType: 'CURRENT_QUARTER',
  onboardDate: Date.UTC(2026, 5, 26, 8),
  deliveryDate: Date.UTC(2026, 11, 25, 8),
};

/** The default account of both products, in the COIN-M venue. */
function coinmAccount(t: ListeningExchange) {
  return t.exchange.coinm!.accounts.get(t.exchange.defaultAccount!.accountId)!;
}

describe('COIN-M market streams', () => {
  test('default: streams at /dstream carry COIN-M shapes', async () => {
    const t = await listen({ coinm: { symbols: [...DEFAULT_COINM_PERPETUALS, BTCUSD_QUARTER] } });
    const names = [
      'btcusd_perp@aggTrade',
      'btcusd_perp@trade',
      'btcusd_perp@markPrice',
      'btcusd_261225@markPrice@1s',
      'btcusd@markPrice@1s',
      'btcusd@indexPrice',
      'btcusd@indexPrice@1s',
      'btcusd_perp@kline_1m',
      'btcusd_perpetual@continuousKline_1m',
      'btcusd_perp@markPriceKline_1m',
      'btcusd@indexPriceKline_1m',
      'btcusd_perp@miniTicker',
      'btcusd_perp@ticker',
      'btcusd_perp@bookTicker',
      'btcusd_perp@forceOrder',
      'btcusd_perp@depth5',
      'btcusd_perp@depth@100ms',
      '!markPrice@arr',
    ];
    const client = await connect(`${t.coinmWsUrl}/stream?streams=${names.join('/')}`);
    const venue = t.exchange.coinm!;
    // A trade of our own (the synthetic market may be quiet for a few seconds) and a liquidation.
    venue.placeOrder(coinmAccount(t), marketOrder('BTCUSD_PERP', 'BUY', '3'));
    venue.outbox.force({
      symbol: 'BTCUSD_PERP',
      side: 'SELL',
      priceTick: 950_000,
      origQtySteps: 7,
      avgPrice: '95000.0',
      status: 'FILLED',
      lastFilledSteps: 7,
      filledSteps: 7,
      time: T0,
    });
    venue.commit();
    advance(t.clock, 6000);
    await client.sync();
    const streams = byStream(client.drain());
    for (const name of names.slice(0, -1)) expect(streams.get(name)?.length ?? 0, name).toBeGreaterThan(0);
    // USD-M's all-market mark price is not a COIN-M stream: accepted, silent.
    expect(streams.get('!markPrice@arr')).toBeUndefined();
    const first = (name: string): Record<string, unknown> => streams.get(name)![0]!;

    // No `nq` (a USD-M RPI field), no `ps`.
    expect(sortedKeys(first('btcusd_perp@aggTrade'))).toEqual(sortedFields('e E a s p q f l T m'));
    expect(sortedKeys(first('btcusd_perp@trade'))).toEqual(sortedFields('e E T s t p q X m'));

    const mark = first('btcusd_perp@markPrice');
    expect(sortedKeys(mark)).toEqual(sortedFields('e E s p i P r T'));
    expect(mark.r).toMatch(/^-?\d+\.\d{8}$/);
    expect(mark.T).toBeGreaterThan(T0);
    expect(streams.get('btcusd_perp@markPrice')).toHaveLength(2); // 3 s over 6 s
    // A delivery contract has no funding, as `/dapi/v1/premiumIndex` says.
    expect(first('btcusd_261225@markPrice@1s')).toMatchObject({ s: 'BTCUSD_261225', r: '', T: 0 });
    const [premium] = parseJson(
      t.exchange.handle(publicRequest('GET', '/dapi/v1/premiumIndex', { symbol: 'BTCUSD_261225' })).body,
    ) as Record<string, unknown>[];
    expect(premium).toMatchObject({ lastFundingRate: '', nextFundingTime: 0 });
    // `<pair>@markPrice`: one array per second, every symbol of the pair, equal to the symbol streams.
    const pairMarks = streams.get('btcusd@markPrice@1s') as unknown as Record<string, unknown>[][];
    expect(pairMarks).toHaveLength(6);
    expect(pairMarks[0]!.map((m) => m.s)).toEqual(['BTCUSD_PERP', 'BTCUSD_261225']);
    expect(pairMarks[0]![1]).toEqual(first('btcusd_261225@markPrice@1s'));

    // `<pair>@indexPrice`: the index every mark-price event of the pair carries, at the same instant.
    const index = streams.get('btcusd@indexPrice@1s')!;
    expect(index[0]).toEqual({ e: 'indexPriceUpdate', E: T0 + 1000, i: 'BTCUSD', p: pairMarks[0]![0]!.i });
    expect(index.map((f) => [f.E, f.p])).toEqual(pairMarks.map((marks) => [marks[0]!.E, marks[1]!.i]));
    expect(index[0]!.p).toMatch(/^\d+\.\d{8}$/);
    expect(streams.get('btcusd@indexPrice')).toHaveLength(2);
    expect(streams.get('btcusd@indexPrice@1s')).toHaveLength(6);

    const kline = first('btcusd_perp@kline_1m');
    expect(sortedKeys(kline)).toEqual(sortedFields('e E s k'));
    expect(kline.k).toMatchObject({ s: 'BTCUSD_PERP', i: '1m', t: T0, x: false });
    // Contracts are whole; base volumes are coin with 8 decimals.
    const k = kline.k as Record<string, string>;
    expect(k.v).toMatch(/^\d+$/);
    expect(k.q).toMatch(/^\d+\.\d{8}$/);
    const continuous = first('btcusd_perpetual@continuousKline_1m');
    expect(continuous).toMatchObject({ e: 'continuous_kline', ps: 'BTCUSD', ct: 'PERPETUAL' });
    const sameTime = streams.get('btcusd_perp@kline_1m')!.find((f) => f.E === continuous.E)!;
    const { s: _symbol, ...withoutSymbol } = sameTime.k as Record<string, unknown>;
    expect(continuous.k).toEqual(withoutSymbol);

    const markKline = first('btcusd_perp@markPriceKline_1m');
    expect(sortedKeys(markKline)).toEqual(sortedFields('e E ps k'));
    expect(markKline).toMatchObject({
      e: 'markPrice_kline',
      ps: 'BTCUSD',
      k: { s: 'BTCUSD_PERP', i: '1m', v: '0', q: '0', V: '0', Q: '0' },
    });
    const indexKline = first('btcusd@indexPriceKline_1m');
    expect(indexKline).toMatchObject({ e: 'indexPrice_kline', ps: 'BTCUSD', k: { s: '0', i: '1m', v: '0' } });
    expect(sortedKeys(indexKline.k)).toEqual(sortedFields('t T s i f L o c h l v n x q V Q B'));

    // Tickers add `ps` and come every 500 ms.
    expect(sortedKeys(first('btcusd_perp@ticker'))).toEqual(
      sortedFields('e E s ps p P w c Q o h l v q O C F L n'),
    );
    expect(sortedKeys(first('btcusd_perp@miniTicker'))).toEqual(sortedFields('e E s ps c o h l v q'));
    expect(first('btcusd_perp@ticker').ps).toBe('BTCUSD');
    const tickerTimes = streams.get('btcusd_perp@ticker')!.map((f) => f.E as number);
    expect(tickerTimes).toHaveLength(12);
    expect(tickerTimes.slice(1).map((time, i) => time - tickerTimes[i]!)).toEqual(Array(11).fill(500));

    expect(sortedKeys(first('btcusd_perp@bookTicker'))).toEqual(sortedFields('e u E T s ps b B a A'));
    const force = streams.get('btcusd_perp@forceOrder')!;
    expect(force).toHaveLength(1);
    expect(sortedKeys(force[0]!.o)).toEqual(sortedFields('s ps S o f q p ap X l z T'));
    expect(force[0]).toMatchObject({ o: { s: 'BTCUSD_PERP', ps: 'BTCUSD', q: '7', p: '95000.0' } });
    for (const name of ['btcusd_perp@depth5', 'btcusd_perp@depth@100ms']) {
      expect(sortedKeys(first(name)), name).toEqual(sortedFields('e E T s ps U u pu b a'));
      expect(first(name).ps).toBe('BTCUSD');
    }
  });

  test('behavior: kline and ticker volumes are contracts and coin, Σ qty × contractSize / price', async () => {
    const t = await listen({ marketData: 'none' });
    const venue = t.exchange.coinm!;
    const created = t.exchange.admin({ kind: 'createAccount', balances: { BTC: '10' } });
    if (created.kind !== 'account') throw new Error('no account');
    const maker = venue.accounts.get(created.accountId)!;
    const taker = coinmAccount(t);
    const client = await connect(`${t.coinmWsUrl}/ws/btcusd_perp@kline_1m/btcusd_perp@ticker`);
    // Taker buys 3 @ 96000.0 and 2 @ 96000.5; then sells 4 @ 95999.9 (taker-buy volume: 5 contracts).
    venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'SELL', '3', '96000.0'));
    venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'SELL', '2', '96000.5'));
    venue.placeOrder(maker, limitOrder('BTCUSD_PERP', 'BUY', '4', '95999.9'));
    venue.placeOrder(taker, marketOrder('BTCUSD_PERP', 'BUY', '5'));
    venue.placeOrder(taker, marketOrder('BTCUSD_PERP', 'SELL', '4'));
    venue.commit();
    advance(t.clock, 1000);
    await client.sync();
    const frames = client.drain() as Record<string, unknown>[];
    const market = venue.market('BTCUSD_PERP');
    // Each trade's value cut to 8 decimals, as a fill's (`Market.valueOf`), then summed.
    const value = (qty: string, price: string) => market.valueOf(Decimal.parse(qty), Decimal.parse(price));
    const bought = value('3', '96000.0').add(value('2', '96000.5'));
    const all = bought.add(value('4', '95999.9'));
    expect(bought.toFixed(8)).toBe('0.00520832'); // 300 / 96000.0 = 0.00312500, 200 / 96000.5 = 0.00208332…
    const kline = frames.filter((f) => f.e === 'kline').at(-1)!.k;
    expect(kline).toMatchObject({ v: '9', q: all.toFixed(8), V: '5', Q: bought.toFixed(8), n: 3 });
    const ticker = frames.filter((f) => f.e === '24hrTicker').at(-1)!;
    expect(ticker).toMatchObject({ s: 'BTCUSD_PERP', ps: 'BTCUSD', v: '9', q: all.toFixed(8), c: '95999.9' });
    // REST says the same: kline index 5/7/9/10, ticker `volume` and `baseVolume`.
    const rest = <T>(path: string, params: Record<string, string>): T =>
      parseJson(t.exchange.handle(publicRequest('GET', path, params)).body) as T;
    const [row] = rest<unknown[][]>('/dapi/v1/klines', { symbol: 'BTCUSD_PERP', interval: '1m', limit: '1' });
    expect([row![5], row![7], row![9], row![10]]).toEqual(['9', all.toFixed(8), '5', bought.toFixed(8)]);
    const [stats] = rest<Record<string, unknown>[]>('/dapi/v1/ticker/24hr', { symbol: 'BTCUSD_PERP' });
    expect(stats).toMatchObject({ volume: ticker.v, baseVolume: ticker.q, weightedAvgPrice: ticker.w });
  });

  test('behavior: USD-M at /ws is unchanged beside COIN-M; COIN-M has no route prefixes', async () => {
    const t = await listen();
    const usdm = await connect(`${t.wsUrl}/ws/btcusdt@depth@100ms/btcusdt@aggTrade/btcusd_perp@depth@100ms`);
    expect((await usdm.control('LIST_SUBSCRIPTIONS')).result).toEqual([
      'btcusdt@depth@100ms',
      'btcusdt@aggTrade',
    ]);
    const usdmAccount = t.exchange.venue.accounts.get(t.exchange.defaultAccount!.accountId)!;
    t.exchange.venue.placeOrder(usdmAccount, marketOrder('BTCUSDT', 'BUY', '0.010'));
    t.exchange.venue.commit();
    advance(t.clock, 500);
    await usdm.sync();
    const frames = usdm.drain() as Record<string, unknown>[];
    const depth = frames.find((f) => f.e === 'depthUpdate')!;
    expect(sortedKeys(depth)).toEqual(sortedFields('e E T s U u pu b a'));
    expect(sortedKeys(frames.find((f) => f.e === 'aggTrade'))).toEqual(
      sortedFields('e E a s p q nq f l T m'),
    );
    // COIN-M pair streams are not USD-M's.
    expect((await usdm.control('SUBSCRIBE', ['btcusdt@indexPrice'])).error).toMatchObject({ code: 2 });

    for (const path of [
      '/public/ws/btcusd_perp@depth',
      '/market/stream?streams=btcusd_perp@kline_1m',
      '/private/ws',
    ]) {
      expect((await TestClient.refusal(`${t.coinmWsUrl}${path}`)).status, path).toBe(404);
    }
    const coinm = await connect(`${t.coinmWsUrl}/ws`);
    expect(await coinm.control('SUBSCRIBE', ['btcusd@indexPrice', 'btcusd_perp@depth'])).toEqual({
      result: null,
      id: 1,
    });
  });
});
