import { type CoinmOrder, Decimal, type UserDataEvent, VirtualClock } from '@basis/core';
import { createExchange, type DefaultAccount, type Exchange } from '../../../createExchange.js';
import type { Account } from '../../../venue/account.js';
import { limitOrder } from '../../../venue/orderInput.testing.js';
import type { Venue } from '../../../venue/venue.js';
import { send } from '../testing.js';

// `send` is shared with the COIN-M account fixtures (../testing.ts); these tests import it from here.
export { send };

// Fixtures for the COIN-M order endpoint tests: an exchange on a VirtualClock without a market-data
// feed (prices move only when a test moves them), its default account (10 BTC, 100 ETH) as the
// trader, and two deep-pocketed accounts that make the book and the trades. Not used by the exchange.

/** 2026-11-24 12:00:00 UTC. */
export const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

export interface TradeFixture {
  readonly exchange: Exchange;
  /** The exchange's clock; time moves only when a test advances it. */
  readonly clock: VirtualClock;
  readonly coinm: Venue;
  readonly creds: DefaultAccount;
  readonly trader: Account;
  /** Rests the orders the trader takes, and takes the trader's resting orders. */
  readonly maker: Account;
  /** Trades with the maker to move the last price. */
  readonly taker: Account;
  /** The trader's user-data events, as the venue delivers them. */
  readonly events: UserDataEvent[];
}

const open: Exchange[] = [];

/** Closes every exchange {@link startTrading} started (for `afterEach`). */
export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((e) => e.close()));
}

/** Starts an exchange at {@link T0}; every COIN-M mark price at `marks` (BTCUSD_PERP 50,000 by default). */
export function startTrading(marks: Readonly<Record<string, string>> = {}): TradeFixture {
  const clock = new VirtualClock(T0);
  const exchange = createExchange({ clock, marketData: 'none' });
  open.push(exchange);
  const coinm = exchange.coinm!;
  const creds = exchange.defaultAccount!;
  const other = () => {
    const created = exchange.admin({ kind: 'createAccount', balances: { BTC: '1000', ETH: '100000' } });
    if (created.kind !== 'account') throw new Error('account not created');
    return coinm.accounts.get(created.accountId)!;
  };
  const maker = other();
  const taker = other();
  const trader = coinm.accounts.get(creds.accountId)!;
  const events: UserDataEvent[] = [];
  coinm.subscribe({ userEvent: (id, event) => id === trader.id && events.push(event) });
  const f = { exchange, clock, coinm, creds, trader, maker, taker, events };
  for (const [symbol, price] of Object.entries({ BTCUSD_PERP: '50000', ETHUSD_PERP: '2500', ...marks })) {
    coinm.market(symbol).markPrice = Decimal.parse(price);
  }
  return f;
}

/** Moves a mark price as the price feed would: triggers are re-checked, then what is due fires. */
export function moveMark(f: TradeFixture, symbol: string, price: string): void {
  const market = f.coinm.market(symbol);
  market.markPrice = Decimal.parse(price);
  f.coinm.markPriceChanged(market);
  f.coinm.commit();
}

/** The maker rests `qty` contracts on `side` at `price` (the mark must allow the price). */
export function rest(
  f: TradeFixture,
  symbol: string,
  side: 'BUY' | 'SELL',
  qty: string,
  price: string,
): void {
  f.coinm.placeOrder(f.maker, limitOrder(symbol, side, qty, price));
  f.coinm.commit();
}

/** The taker and the maker trade one contract at `price`: the last price moves there. */
export function tradeAt(f: TradeFixture, symbol: string, price: string): void {
  f.coinm.placeOrder(f.maker, limitOrder(symbol, 'SELL', '1', price));
  const taken = f.coinm.placeOrder(f.taker, limitOrder(symbol, 'BUY', '1', price, { timeInForce: 'IOC' }));
  if (taken.order.status !== 'FILLED') throw new Error(`no trade at ${price}: ${taken.order.status}`);
  f.coinm.commit();
}

/** The body of a signed request that must succeed. */
export function ok<T>(
  f: TradeFixture,
  method: string,
  path: string,
  params: Readonly<Record<string, string | number>> = {},
): T {
  const response = send<T>(f, method, path, params);
  if (response.status !== 200) {
    throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** The `{code, msg}` of a signed request that must fail. */
export function rejected(
  f: TradeFixture,
  method: string,
  path: string,
  params: Readonly<Record<string, string | number>> = {},
): { code: number; msg: string } {
  const response = send<{ code: number; msg: string }>(f, method, path, params);
  if (response.status === 200)
    throw new Error(`${method} ${path} succeeded: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Order parameters as `POST /dapi/v1/order` takes them. */
export type OrderParams = Readonly<Record<string, string>>;

type Side = 'BUY' | 'SELL';

/** A LIMIT order: GTC unless `more` sets another timeInForce. */
export function limitParams(symbol: string, side: Side, qty: string, price: string, more: OrderParams = {}) {
  return { symbol, side, type: 'LIMIT', timeInForce: 'GTC', quantity: qty, price, ...more };
}

/** A MARKET order. */
export function marketParams(symbol: string, side: Side, qty: string, more: OrderParams = {}): OrderParams {
  return { symbol, side, type: 'MARKET', quantity: qty, ...more };
}

/** A STOP_MARKET order: a conditional order on the last price. */
export function stopMarketParams(symbol: string, side: Side, qty: string, stopPrice: string): OrderParams {
  return { symbol, side, type: 'STOP_MARKET', quantity: qty, stopPrice };
}

/** The trader's order through `POST /dapi/v1/order`, which must accept it. */
export function placeOrder(f: TradeFixture, params: OrderParams): CoinmOrder {
  return ok<CoinmOrder>(f, 'POST', '/dapi/v1/order', params);
}

/** The trader's order as `GET /dapi/v1/order` answers it, by its symbol and orderId. */
export function getOrder(
  f: TradeFixture,
  order: { readonly symbol: string; readonly orderId: CoinmOrder['orderId'] | string },
): CoinmOrder {
  return ok<CoinmOrder>(f, 'GET', '/dapi/v1/order', { symbol: order.symbol, orderId: String(order.orderId) });
}

/** The trader's open orders as `GET /dapi/v1/openOrders` lists them (`symbol` or `pair` selects). */
export function openOrders(f: TradeFixture, params: OrderParams = {}): CoinmOrder[] {
  return ok<CoinmOrder[]>(f, 'GET', '/dapi/v1/openOrders', params);
}

/** The trader buys `qty` contracts of `symbol` at 50,000 from the maker: a long position. */
export function goLong(f: TradeFixture, symbol: string, qty: string): void {
  rest(f, symbol, 'SELL', qty, '50000');
  placeOrder(f, marketParams(symbol, 'BUY', qty));
}

/** The trader's ORDER_TRADE_UPDATEs as `x/X/o/ot/i` strings, in order (e.g. `NEW/NEW/STOP_MARKET/STOP_MARKET/1`). */
export function orderUpdates(f: TradeFixture): string[] {
  return f.events.flatMap((e) =>
    e.e === 'ORDER_TRADE_UPDATE' ? [`${e.o.x}/${e.o.X}/${e.o.o}/${e.o.ot}/${String(e.o.i)}`] : [],
  );
}
