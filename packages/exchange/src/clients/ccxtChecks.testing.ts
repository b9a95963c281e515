import { parseJson } from '@basis/core';
import ccxt from 'ccxt';
import { expect } from 'vitest';
import type { Exchange } from '../createExchange.js';
import { publicRequest } from '../testing/signedRequest.js';
import { pause } from '../ws/testing.js';
import type { CcxtClient } from './ccxtSetup.js';
import {
  type ApiCredentials,
  type ClientExchange,
  type ClientFactory,
  expectSignedRequestErrors,
  priceOnTick,
  type SignedRequestErrorCode,
  settle,
  until,
} from './testing.js';

// What ccxt's binanceusdm and binancecoinm are checked for alike, on REST and on ccxt.pro's streams,
// and how the tests get their clients ready: the product-specific expectations stay in each test
// file, passed in where they interleave.

/** What a ccxt call resolves to: a market, order, position, balance, or an array of them. */
// biome-ignore lint/suspicious/noExplicitAny: ccxt's results are dynamically typed.
export type CcxtResult = any;

/** A REST client of `makeCcxtUsdm` or `makeCcxtCoinm`, its markets loaded, for `useClientExchange`. */
export function ccxtRestClient(
  make: (base: string, credentials: ApiCredentials) => CcxtClient,
): ClientFactory<CcxtClient> {
  return async (restUrl, credentials) => {
    const client = make(restUrl, credentials);
    await client.loadMarkets();
    return client;
  };
}

/**
 * Runs `use` with the ccxt.pro client `make` returns, readied for `watch*` (its HTTP agent, which
 * ccxt.pro's sockets use, and its markets), and closes the client after, whatever `use` does.
 */
export async function withCcxtPro(
  make: () => CcxtClient,
  use: (pro: CcxtClient) => Promise<void>,
): Promise<void> {
  const pro = make();
  try {
    await pro.loadHttpProxyAgent();
    await settle(pro.loadMarkets(), 'loadMarkets');
    await use(pro);
  } finally {
    await pro.close();
  }
}

/** A ccxt call's result, bounded in time (`settle` for ccxt's untyped promises). */
export function settleCcxt(promise: Promise<CcxtResult>, what: string): Promise<CcxtResult> {
  return settle(promise, what);
}

/** One of ccxt's exception classes. */
type CcxtErrorClass = typeof ccxt.BaseError;

/** The error `promise` rejects with (it must reject). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** Expects `call` to reject as ccxt's `errorClass` (where given) with Binance's `code` in its message. */
export async function expectCcxtRejection(
  call: Promise<unknown>,
  code: number,
  errorClass?: CcxtErrorClass,
): Promise<Error> {
  const error = await rejection(call);
  if (errorClass !== undefined) expect(error).toBeInstanceOf(errorClass);
  expect(error.message).toContain(String(code));
  return error;
}

/** ccxt's class for each signed-request error (binance's `exceptions.exact` in ccxt). */
const SIGNED_REQUEST_ERROR_CLASSES: Readonly<Record<SignedRequestErrorCode, CcxtErrorClass>> = {
  [-2019]: ccxt.InsufficientFunds,
  [-1022]: ccxt.AuthenticationError,
  [-1021]: ccxt.InvalidNonce,
};

/**
 * Expects Binance's -2019, -1022 and -1021 as ccxt's InsufficientFunds, AuthenticationError and
 * InvalidNonce: `overspend` is an order the account with `poorBalances` lacks the margin for.
 */
export async function expectCcxtSignedRequestErrors(
  local: ClientExchange<CcxtClient>,
  poorBalances: Readonly<Record<string, string>>,
  overspend: (client: CcxtClient) => Promise<unknown>,
): Promise<void> {
  await expectSignedRequestErrors(local, {
    poorBalances,
    overspend,
    signedRead: (client) => client.fetchBalance(),
    connectLate: async (credentials) => {
      // A client whose clock is a minute behind.
      const late = await local.connect(credentials);
      late.options.timeDifference = 60_000;
      return late;
    },
    expectRejected: async (call, code) => {
      await expectCcxtRejection(call, code, SIGNED_REQUEST_ERROR_CLASSES[code]);
    },
  });
}

/** Expects a well-formed candle: on the minute, high and low around open and close, volume not negative. */
function expectCcxtCandle([time, open, high, low, close, volume]: number[]): void {
  expect(time! % 60_000).toBe(0);
  expect(high).toBeGreaterThanOrEqual(Math.max(open!, close!));
  expect(low).toBeLessThanOrEqual(Math.min(open!, close!));
  expect(volume).toBeGreaterThanOrEqual(0);
}

/** Expects `fetchOrderBook` to give five uncrossed levels a side with a nonce, and `fetchOHLCV` ten candles. */
export async function expectCcxtBookAndCandles(client: CcxtClient, symbol: string): Promise<void> {
  const book = await client.fetchOrderBook(symbol, 5);
  expect(book.bids).toHaveLength(5);
  expect(book.asks[0][0]).toBeGreaterThan(book.bids[0][0]);
  expect(book.nonce).toBeGreaterThan(0);
  const candles = await client.fetchOHLCV(symbol, '1m', undefined, 10);
  expect(candles).toHaveLength(10);
  expectCcxtCandle(candles[9]);
}

/** Switches `symbol` to isolated margin and back, and the account to hedge mode and back. */
export async function expectCcxtMarginAndPositionModes(client: CcxtClient, symbol: string): Promise<void> {
  await client.setMarginMode('isolated', symbol);
  await client.setMarginMode('cross', symbol);
  await client.setPositionMode(true);
  expect((await client.fetchPositionMode(symbol)).hedged).toBe(true);
  await client.setPositionMode(false);
  expect((await client.fetchPositionMode(symbol)).hedged).toBe(false);
}

/** The amounts and product checks of `runCcxtOrderWorkflow`. */
export interface CcxtOrderWorkflow {
  readonly symbol: string;
  /** Decimal places of the symbol's price tick. */
  readonly priceDecimals: number;
  /** The resting limit order's amount, and the amount it is edited to. */
  readonly limitAmount: number;
  readonly editedAmount: number;
  /** The market order's amount: the long it opens, then closes reduce-only. */
  readonly positionAmount: number;
  /** More checks of the long (`fetchPositions`' row) and of the market order that opened it. */
  expectLong?(long: CcxtResult, market: CcxtResult): Promise<void>;
  /** More checks of the account's trades (`fetchMyTrades`), the round trip's fills among them. */
  expectTrades?(trades: CcxtResult[]): void;
}

/**
 * A limit buy under the touch (edited, listed, fetched, canceled), then a market buy that opens a long
 * and a reduce-only market sell that closes it; a second reduce-only sell is rejected (-2022).
 */
export async function runCcxtOrderWorkflow(client: CcxtClient, workflow: CcxtOrderWorkflow): Promise<void> {
  const { symbol, priceDecimals, limitAmount, editedAmount, positionAmount } = workflow;
  const book = await client.fetchOrderBook(symbol, 5);
  const bid = book.bids[0][0];
  const price = priceOnTick(bid, 0.98, priceDecimals);
  const limit = await client.createOrder(symbol, 'limit', 'buy', limitAmount, price);
  expect(limit).toMatchObject({ status: 'open', amount: limitAmount, price });
  expect(limit.id).toBeDefined();
  const editedPrice = priceOnTick(bid, 0.97, priceDecimals);
  const edited = await client.editOrder(limit.id, symbol, 'limit', 'buy', editedAmount, editedPrice);
  expect(edited).toMatchObject({ id: limit.id, amount: editedAmount, price: editedPrice });
  const openOrders = await client.fetchOpenOrders(symbol);
  expect(openOrders.map((o: { id: string }) => o.id)).toContain(limit.id);
  const fetched = await client.fetchOrder(limit.id, symbol);
  expect(fetched).toMatchObject({ id: limit.id, amount: editedAmount, status: 'open' });
  const canceled = await client.cancelOrder(limit.id, symbol);
  expect(canceled.status).toBe('canceled');

  const market = await client.createOrder(symbol, 'market', 'buy', positionAmount);
  expect(market).toMatchObject({ status: 'closed', filled: positionAmount });
  expect(market.average).toBeGreaterThan(0);
  const positions = await client.fetchPositions([symbol]);
  const long = positions.find((p: { symbol: string }) => p.symbol === symbol);
  expect(long).toMatchObject({ side: 'long', contracts: positionAmount });
  await workflow.expectLong?.(long, market);
  const closed = await client.createOrder(symbol, 'market', 'sell', positionAmount, undefined, {
    reduceOnly: true,
  });
  expect(closed).toMatchObject({ status: 'closed', filled: positionAmount, reduceOnly: true });
  const after = await client.fetchPositions([symbol]);
  expect(
    after.filter((p: { symbol: string; contracts: number }) => p.symbol === symbol && p.contracts > 0),
  ).toHaveLength(0);
  const trades = await client.fetchMyTrades(symbol);
  expect(trades.length).toBeGreaterThanOrEqual(2);
  workflow.expectTrades?.(trades);
  const reduceOnlyAgain = client.createOrder(symbol, 'market', 'sell', positionAmount, undefined, {
    reduceOnly: true,
  });
  await expectCcxtRejection(reduceOnlyAgain, -2022, ccxt.InvalidOrder);
}

/** A REST order book as Binance's `depth` endpoint returns it. */
interface RestDepth {
  lastUpdateId: number;
  bids: [string, string][];
  asks: [string, string][];
}

/**
 * Expects `watchOrderBook`'s nonce never to go back and its book to be uncrossed, and the book to equal
 * the REST `depthPath` (`/fapi/v1/depth`, `/dapi/v1/depth`) at the same update id at least once.
 */
export async function expectCcxtProBookMatchesRest(
  pro: CcxtClient,
  exchange: Exchange,
  symbol: string,
  depthPath: string,
): Promise<void> {
  const marketId: string = pro.market(symbol).id;
  let matched = 0;
  let lastNonce = 0;
  for (let i = 0; i < 40 && matched < 3; i++) {
    const book = await settleCcxt(pro.watchOrderBook(symbol), 'watchOrderBook');
    expect(book.nonce).toBeGreaterThanOrEqual(lastNonce);
    lastNonce = book.nonce;
    expect(book.bids[0][0]).toBeLessThan(book.asks[0][0]);
    const rest = parseJson(
      exchange.handle(publicRequest('GET', depthPath, { symbol: marketId, limit: 20 })).body,
    ) as RestDepth;
    // Between an event and this check the book may have moved on; compare when it has not.
    if (rest.lastUpdateId !== book.nonce) continue;
    expect(book.bids.slice(0, 20)).toEqual(rest.bids.map(([p, q]) => [Number(p), Number(q)]));
    expect(book.asks.slice(0, 20)).toEqual(rest.asks.map(([p, q]) => [Number(p), Number(q)]));
    matched += 1;
  }
  expect(matched).toBeGreaterThan(0);
}

/**
 * Expects a trade from `watchTrades` (`expectTrade` checks more of it), then a ticker, a candle, a mark
 * price and an uncrossed best bid and ask from `watchTicker`, `watchOHLCV`, `watchMarkPrice` and
 * `watchBidsAsks`.
 */
export async function expectCcxtProMarketStreams(
  pro: CcxtClient,
  symbol: string,
  expectTrade: (trade: CcxtResult) => void,
): Promise<void> {
  const trades = await settleCcxt(pro.watchTrades(symbol), 'watchTrades');
  expect(trades[0]).toMatchObject({ symbol });
  expect(trades[0].price).toBeGreaterThan(0);
  expect(trades[0].id).toBeDefined();
  expectTrade(trades[0]);
  const ticker = await settleCcxt(pro.watchTicker(symbol), 'watchTicker');
  expect(ticker.symbol).toBe(symbol);
  expect(ticker.last).toBeGreaterThan(0);
  const candles = await settleCcxt(pro.watchOHLCV(symbol, '1m'), 'watchOHLCV');
  expectCcxtCandle(candles.at(-1));
  const mark = await settleCcxt(pro.watchMarkPrice(symbol), 'watchMarkPrice');
  expect(mark.markPrice).toBeGreaterThan(0);
  const bidsAsks = await settleCcxt(pro.watchBidsAsks([symbol]), 'watchBidsAsks');
  expect(bidsAsks[symbol].bid).toBeLessThan(bidsAsks[symbol].ask);
}

/** The amounts and product checks of `runCcxtProUserStreamWorkflow`. */
export interface CcxtProUserStreamWorkflow {
  readonly symbol: string;
  /** Decimal places of the symbol's price tick. */
  readonly priceDecimals: number;
  /** The REST limit order's amount, the market order's (the long it opens), the WS API order's. */
  readonly limitAmount: number;
  readonly marketAmount: number;
  readonly wsOrderAmount: number;
  /** The asset `watchBalance` reports, and a total it exceeds. */
  readonly marginAsset: string;
  readonly balanceAbove: number;
  /** The listen keys the exchange has issued: one more when the client opens its user stream. */
  listenKeys(): number;
  /** More checks of the long `watchPositions` reports. */
  expectLong?(long: CcxtResult): void;
}

/**
 * On the user stream: `watchOrders` sees a REST limit order, `watchBalance` and `watchPositions` a
 * market buy; on the WebSocket API, `createOrderWs` and `cancelOrderWs`. Cleans up after itself.
 */
export async function runCcxtProUserStreamWorkflow(
  pro: CcxtClient,
  workflow: CcxtProUserStreamWorkflow,
): Promise<void> {
  const { symbol, limitAmount, marketAmount, wsOrderAmount } = workflow;
  const keysBefore = workflow.listenKeys();
  const orders = pro.watchOrders(symbol);
  await until(() => workflow.listenKeys() > keysBefore, 'the user-data stream');
  const book = await settleCcxt(pro.fetchOrderBook(symbol, 5), 'fetchOrderBook');
  const price = priceOnTick(book.bids[0][0], 0.98, workflow.priceDecimals);
  const placed = await settleCcxt(pro.createOrder(symbol, 'limit', 'buy', limitAmount, price), 'createOrder');
  const seen = await settleCcxt(orders, 'watchOrders');
  expect(seen.map((o: { id: string }) => o.id)).toContain(placed.id);
  expect(seen.find((o: { id: string }) => o.id === placed.id)).toMatchObject({
    status: 'open',
    price,
    amount: limitAmount,
  });
  const balance = pro.watchBalance();
  // Positions from the stream alone: with its REST snapshot on, ccxt resolves the first watch with
  // whichever of the snapshot and the fill's update lands first, a race on a busy machine.
  pro.options.watchPositions = { ...pro.options.watchPositions, fetchPositionsSnapshot: false };
  const positions = pro.watchPositions([symbol]);
  // Let both subscriptions register before the fill they wait for.
  await pause(100);
  await settleCcxt(pro.createOrder(symbol, 'market', 'buy', marketAmount), 'market order');
  const balances = await settleCcxt(balance, 'watchBalance');
  expect(balances[workflow.marginAsset].total).toBeGreaterThan(workflow.balanceAbove);
  const held = await settleCcxt(positions, 'watchPositions');
  const long = held.find((p: { symbol: string }) => p.symbol === symbol);
  expect(long).toMatchObject({ side: 'long', contracts: marketAmount });
  workflow.expectLong?.(long);
  const wsOrder = await settleCcxt(
    pro.createOrderWs(symbol, 'limit', 'buy', wsOrderAmount, price),
    'createOrderWs',
  );
  expect(wsOrder).toMatchObject({ symbol, status: 'open', price, amount: wsOrderAmount });
  const canceled = await settleCcxt(pro.cancelOrderWs(wsOrder.id, symbol), 'cancelOrderWs');
  expect(canceled.status).toBe('canceled');
  await settleCcxt(pro.cancelOrder(placed.id, symbol), 'cancelOrder');
  await settleCcxt(
    pro.createOrder(symbol, 'market', 'sell', marketAmount, undefined, { reduceOnly: true }),
    'close',
  );
}
