import {
  type CoinmExchangeInfo,
  type CoinmOpenInterest,
  Decimal,
  parseJson,
  VirtualClock,
} from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { createExchange, type Exchange } from '../../../createExchange.js';
import { publicRequest } from '../../../testing/signedRequest.js';
import { limitOrder } from '../../../venue/algo/testing.js';
import { DELIVERING_MS, SETTLEMENT_WINDOW_MS } from '../../../venue/delivery.js';

/** BTCUSD_261225 delivers on Friday 2026-12-25 at 08:00 UTC; BTCUSD_270326 is the next quarter. */
const DELIVERY = Date.UTC(2026, 11, 25, 8);

const exchanges: Exchange[] = [];

afterEach(async () => {
  await Promise.all(exchanges.splice(0).map((e) => e.close()));
});

/**
 * An exchange a minute before BTCUSD_261225's settlement window, with a trade on each quarterly:
 * one contract at 51,000 on the current quarter, one at 52,000 on the next.
 */
function beforeDelivery() {
  const clock = new VirtualClock(DELIVERY - SETTLEMENT_WINDOW_MS - 60_000);
  const exchange = createExchange({ clock, marketData: 'none' });
  exchanges.push(exchange);
  const coinm = exchange.coinm!;
  const maker = coinm.createAccount({ balances: { BTC: '10' } });
  const taker = coinm.createAccount({ balances: { BTC: '10' } });
  for (const [symbol, price] of [
    ['BTCUSD_261225', '51000'],
    ['BTCUSD_270326', '52000'],
  ] as const) {
    coinm.market(symbol).markPrice = Decimal.parse(price);
    coinm.placeOrder(maker, limitOrder(symbol, 'SELL', '1', price));
    const taken = coinm.placeOrder(taker, limitOrder(symbol, 'BUY', '1', price));
    if (taken.order.status !== 'FILLED') throw new Error(`no trade on ${symbol}`);
  }
  coinm.commit();
  const get = <T>(path: string, params: Record<string, string> = {}): T => {
    const response = exchange.handle(publicRequest('GET', path, params));
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${response.body}`);
    return parseJson(response.body) as T;
  };
  /** `[symbol, contractType, contractStatus]` of the BTC contracts in exchangeInfo. */
  const listing = () =>
    get<CoinmExchangeInfo>('/dapi/v1/exchangeInfo')
      .symbols.filter((s) => s.pair === 'BTCUSD')
      .map((s) => [s.symbol, s.contractType, s.contractStatus]);
  /** The close of the last 1m candle of BTCUSD's continuous `contractType` series. */
  const continuousClose = (contractType: string) =>
    get<unknown[][]>('/dapi/v1/continuousKlines', { pair: 'BTCUSD', contractType, interval: '1m' }).at(
      -1,
    )?.[4];
  return { clock, exchange, get, listing, continuousClose };
}

describe('COIN-M contracts across a delivery', () => {
  test('behavior: a delivering quarter reads CURRENT_QUARTER_DELIVERING in exchangeInfo and openInterest', () => {
    const { clock, get, listing, continuousClose } = beforeDelivery();
    expect(listing()).toEqual([
      ['BTCUSD_PERP', 'PERPETUAL', 'TRADING'],
      ['BTCUSD_261225', 'CURRENT_QUARTER', 'TRADING'],
      ['BTCUSD_270326', 'NEXT_QUARTER', 'TRADING'],
    ]);
    expect(continuousClose('CURRENT_QUARTER')).toBe('51000.0');
    expect(continuousClose('NEXT_QUARTER')).toBe('52000.0');

    clock.advance(SETTLEMENT_WINDOW_MS + 60_000 + 1000); // a second after delivery
    expect(listing()).toEqual([
      ['BTCUSD_PERP', 'PERPETUAL', 'TRADING'],
      ['BTCUSD_261225', 'CURRENT_QUARTER_DELIVERING', 'DELIVERING'],
      ['BTCUSD_270326', 'CURRENT_QUARTER', 'TRADING'],
      ['BTCUSD_270625', 'NEXT_QUARTER', 'TRADING'],
    ]);
    expect(get<CoinmOpenInterest>('/dapi/v1/openInterest', { symbol: 'BTCUSD_261225' })).toMatchObject({
      symbol: 'BTCUSD_261225',
      pair: 'BTCUSD',
      openInterest: '0',
      contractType: 'CURRENT_QUARTER_DELIVERING',
    });
    expect(get<CoinmOpenInterest>('/dapi/v1/openInterest', { symbol: 'BTCUSD_270326' })).toMatchObject({
      openInterest: '1',
      contractType: 'CURRENT_QUARTER',
    });
    // The continuous current quarter follows the contract the roll made current, not the delivering one.
    expect(continuousClose('CURRENT_QUARTER')).toBe('52000.0');
    expect(continuousClose('NEXT_QUARTER')).toBeUndefined();

    clock.advance(DELIVERING_MS);
    expect(listing()).toContainEqual(['BTCUSD_261225', 'CURRENT_QUARTER', 'DELIVERED']);
    expect(continuousClose('CURRENT_QUARTER')).toBe('52000.0');
  });
});
