import {
  type DefaultLogger,
  type NewOrderResult,
  type RestClientOptions,
  type USDMClient,
  WebsocketAPIClient,
  WebsocketClient,
} from 'binance';
import { expect } from 'vitest';
import {
  type ApiCredentials,
  type ClientExchange,
  type ClientFactory,
  expectSignedRequestErrors,
  priceOnTick,
  settle,
  until,
} from './testing.js';

// What the `binance` package's USDMClient and CoinMClient are checked for alike, and the WebsocketClient
// and WebsocketAPIClient set-up both products' stream tests share: the product-specific expectations
// stay in each test file.

/** USDMClient or CoinMClient: the package builds both from the same options. */
type BinanceRestClientClass<Client> = new (options: RestClientOptions) => Client;

/** The methods USDMClient and CoinMClient share, with the same types, that the shared checks call. */
export type BinanceFuturesClient = Pick<
  USDMClient,
  | 'getOrderBook'
  | 'getKlines'
  | 'setLeverage'
  | 'setMarginType'
  | 'setPositionMode'
  | 'getCurrentPositionMode'
  | 'submitNewOrder'
  | 'modifyOrder'
  | 'getAllOpenOrders'
  | 'getOrder'
  | 'cancelOrder'
> & {
  /** USD-M's and COIN-M's trade rows differ (COIN-M's carry `pair`, `marginAsset`, `baseQty`). */
  getAccountTrades(params: { symbol: string }): Promise<unknown[]>;
};

/** Makes `Client`s of the local exchange, for `useClientExchange`. */
export function binanceRestClient<Client>(Client: BinanceRestClientClass<Client>): ClientFactory<Client> {
  return (restUrl, { apiKey, secret }) =>
    new Client({ api_key: apiKey, api_secret: secret, baseUrl: restUrl });
}

/** Expects `call` to be rejected with Binance's `code` (the package throws a plain object, not an Error). */
export async function expectBinanceRejection(call: Promise<unknown>, code: number): Promise<void> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: number; body?: { code: number; msg: string } };
    expect(e.body?.code ?? e.code).toBe(code);
    return;
  }
  throw new Error(`expected a rejection with ${code}`);
}

/**
 * Expects Binance's -2019, -1022 and -1021 as Binance sends them: `overspend` is an order the account
 * with `poorBalances` lacks the margin for, `signedRead` any signed read of the account.
 */
export async function expectBinanceSignedRequestErrors<Client>(
  local: ClientExchange<Client>,
  Client: BinanceRestClientClass<Client>,
  checks: {
    readonly poorBalances: Readonly<Record<string, string>>;
    overspend(client: Client): Promise<unknown>;
    signedRead(client: Client): Promise<unknown>;
  },
): Promise<void> {
  await expectSignedRequestErrors(local, {
    ...checks,
    connectLate: async ({ apiKey, secret }) => {
      const skewed = new Client({
        api_key: apiKey,
        api_secret: secret,
        baseUrl: local.endpoints.restUrl,
        recvWindow: 1000,
      });
      // The package signs with its own clock; offsetting it 30 s into the past is a skewed machine.
      (skewed as unknown as { timeOffset: number }).timeOffset = -30_000;
      return skewed;
    },
    expectRejected: expectBinanceRejection,
  });
}

/** Expects ten uncrossed levels a side from `getOrderBook` and twelve 5m klines, which it returns. */
export async function expectBinanceBookAndKlines(
  client: BinanceFuturesClient,
  symbol: string,
): ReturnType<USDMClient['getKlines']> {
  const book = await client.getOrderBook({ symbol, limit: 10 });
  expect(book.bids).toHaveLength(10);
  expect(Number(book.asks[0]![0])).toBeGreaterThan(Number(book.bids[0]![0]));
  const klines = await client.getKlines({ symbol, interval: '5m', limit: 12 });
  expect(klines).toHaveLength(12);
  return klines;
}

/** Sets `symbol`'s leverage, its margin type to isolated and back, and hedge mode on and off. */
export async function expectBinanceLeverageAndModes(
  client: BinanceFuturesClient,
  symbol: string,
): Promise<void> {
  expect(await client.setLeverage({ symbol, leverage: 15 })).toMatchObject({ symbol, leverage: 15 });
  expect(await client.setMarginType({ symbol, marginType: 'ISOLATED' })).toMatchObject({ code: 200 });
  expect(await client.setMarginType({ symbol, marginType: 'CROSSED' })).toMatchObject({ code: 200 });
  expect(await client.setPositionMode({ dualSidePosition: 'true' })).toMatchObject({ code: 200 });
  expect((await client.getCurrentPositionMode()).dualSidePosition).toBe(true);
  await client.setPositionMode({ dualSidePosition: 'false' });
  expect((await client.getCurrentPositionMode()).dualSidePosition).toBe(false);
}

/** The quantities, ticks and product checks of `runBinanceOrderWorkflow`. */
export interface BinanceOrderWorkflow {
  readonly symbol: string;
  /** Decimal places of the symbol's price tick and quantity step (as Binance prints them). */
  readonly priceDecimals: number;
  readonly quantityDecimals: number;
  /** The resting limit order's quantity, and the quantity it is modified to. */
  readonly limitQuantity: number;
  readonly modifiedQuantity: number;
  /** The market order's quantity: the short it opens, then closes reduce-only. */
  readonly positionQuantity: number;
  /** More checks of the limit order as placed. */
  expectLimit?(limit: NewOrderResult): void;
  /** Checks of the market sell's result and the short it opened. */
  expectShort(market: NewOrderResult): Promise<void>;
  /** Checks that the reduce-only buy left no position. */
  expectFlat(): Promise<void>;
  /** More checks of the account's trades, the round trip's fills among them. */
  expectTrades?(trades: unknown[]): void;
}

/**
 * A limit buy under the touch (modified, listed, queried, canceled), then a market sell that opens a
 * short and a reduce-only market buy that closes it.
 */
export async function runBinanceOrderWorkflow(
  client: BinanceFuturesClient,
  workflow: BinanceOrderWorkflow,
): Promise<void> {
  const { symbol, priceDecimals, quantityDecimals, limitQuantity, modifiedQuantity, positionQuantity } =
    workflow;
  const book = await client.getOrderBook({ symbol, limit: 5 });
  const bid = Number(book.bids[0]![0]);
  const limit = await client.submitNewOrder({
    symbol,
    side: 'BUY',
    type: 'LIMIT',
    timeInForce: 'GTC',
    quantity: limitQuantity,
    price: priceOnTick(bid, 0.98, priceDecimals),
  });
  expect(limit).toMatchObject({ status: 'NEW', origQty: limitQuantity.toFixed(quantityDecimals) });
  workflow.expectLimit?.(limit);
  const modifiedPrice = priceOnTick(bid, 0.97, priceDecimals);
  const modified = await client.modifyOrder({
    symbol,
    orderId: limit.orderId,
    side: 'BUY',
    quantity: modifiedQuantity,
    price: modifiedPrice,
  });
  expect(modified).toMatchObject({
    orderId: limit.orderId,
    origQty: modifiedQuantity.toFixed(quantityDecimals),
    price: modifiedPrice.toFixed(priceDecimals),
  });
  const open = await client.getAllOpenOrders({ symbol });
  expect(open.map((o) => o.orderId)).toContain(limit.orderId);
  expect(await client.getOrder({ symbol, orderId: limit.orderId })).toMatchObject({
    status: 'NEW',
    origQty: modifiedQuantity.toFixed(quantityDecimals),
  });
  const canceled = await client.cancelOrder({ symbol, orderId: limit.orderId });
  expect(canceled.status).toBe('CANCELED');

  const market = await client.submitNewOrder({
    symbol,
    side: 'SELL',
    type: 'MARKET',
    quantity: positionQuantity,
    newOrderRespType: 'RESULT',
  });
  expect(market).toMatchObject({ status: 'FILLED', executedQty: positionQuantity.toFixed(quantityDecimals) });
  await workflow.expectShort(market);
  const close = await client.submitNewOrder({
    symbol,
    side: 'BUY',
    type: 'MARKET',
    quantity: positionQuantity,
    reduceOnly: 'true',
    newOrderRespType: 'RESULT',
  });
  expect(close).toMatchObject({ status: 'FILLED', reduceOnly: true });
  await workflow.expectFlat();
  const trades = await client.getAccountTrades({ symbol });
  expect(trades.length).toBeGreaterThanOrEqual(2);
  workflow.expectTrades?.(trades);
}

/** A logger that drops the package's trace, info and error logs (failures show in the expectations). */
const SILENT_LOGGER: DefaultLogger = { trace: () => {}, info: () => {}, error: () => {} };

/** A raw event as the WebsocketClient emits it (its fields, plus the client's `wsKey`). */
export type StreamMessage = Record<string, unknown>;

/** A WebsocketClient collecting every message, and a WebsocketAPIClient, of one account. */
export interface BinanceSockets {
  readonly ws: WebsocketClient;
  readonly wsApi: WebsocketAPIClient;
  /** Every message `ws` has emitted, in order. */
  readonly messages: StreamMessage[];
  /** Closes both clients' connections. */
  close(): Promise<void>;
}

/**
 * Opens the package's stream client on `streamsUrl` (the host part of its wsKeys: the client appends
 * `/stream`, `/ws/<listenKey>`) and its WebSocket API client on `apiUrl` (it appends the product's path).
 */
export function openBinanceSockets(options: {
  readonly credentials: ApiCredentials;
  readonly restUrl: string;
  readonly streamsUrl: string;
  readonly apiUrl: string;
}): BinanceSockets {
  const keys = { api_key: options.credentials.apiKey, api_secret: options.credentials.secret };
  const restOptions = { baseUrl: options.restUrl };
  const ws = new WebsocketClient({ ...keys, wsUrl: options.streamsUrl, restOptions }, SILENT_LOGGER);
  const wsApi = new WebsocketAPIClient({ ...keys, wsUrl: options.apiUrl, restOptions }, SILENT_LOGGER);
  const messages: StreamMessage[] = [];
  ws.on('message', (message) => messages.push(message as unknown as StreamMessage));
  return {
    ws,
    wsApi,
    messages,
    async close() {
      ws.closeAll(true);
      // A slow goodbye is no failure of the test: the sockets are closed below either way.
      await settle(wsApi.disconnectAll(), 'disconnect').catch(() => {});
      wsApi.getWSClient().closeAll(true);
    },
  };
}

/** Waits until `messages` holds an event of every type in `events`. */
export async function untilEvents(
  messages: readonly StreamMessage[],
  events: readonly string[],
): Promise<void> {
  await until(() => events.every((e) => messages.some((m) => m.e === e)), `${events.join(', ')} events`);
}

/** Subscribes the user-data stream and waits until the exchange has issued it a listen key. */
export async function openUserDataStream(
  subscribe: () => Promise<unknown>,
  listenKeys: () => number,
): Promise<void> {
  const keysBefore = listenKeys();
  await settle(subscribe(), 'user data subscription');
  await until(() => listenKeys() > keysBefore, 'the user-data connection');
}

/** Waits for the ORDER_TRADE_UPDATE of order `orderId` in `messages`, and returns it. */
export async function untilOrderUpdate(
  messages: readonly StreamMessage[],
  orderId: number,
  what = 'ORDER_TRADE_UPDATE',
): Promise<StreamMessage> {
  const isUpdate = (m: StreamMessage) => m.e === 'ORDER_TRADE_UPDATE' && (m.o as { i: number }).i === orderId;
  await until(() => messages.some(isUpdate), what);
  return messages.find(isUpdate)!;
}
