import { type AlgoUpdateEvent, Decimal, type UserDataEvent } from '@basis/core';
import { expect } from 'vitest';
import type { ApiError } from '../../api/apiError.js';
import type { Account } from '../account.js';
import { DEFAULT_HISTORY } from '../market.js';
import { limitOrder, marketOrder } from '../orderInput.testing.js';
import { Venue } from '../venue.js';
import { AlgoBook } from './algoBook.js';
import type { AlgoOrderInput } from './algoInput.js';
import type { AlgoOrderRecord } from './algoRecord.js';

// The order builders are shared (../orderInput.testing.ts); these tests import them from here.
export { limitOrder, marketOrder };

/** The start time of the algo tests' venues. */
export const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

/** The fields of a conditional order that tests set: prices and quantities as strings, the rest as sent. */
export type AlgoOrderFields = {
  readonly quantity?: string | undefined;
  readonly price?: string | undefined;
  readonly triggerPrice?: string | undefined;
  readonly activatePrice?: string | undefined;
  readonly callbackRate?: string | undefined;
} & Partial<Omit<AlgoOrderInput, 'quantity' | 'price' | 'triggerPrice' | 'activatePrice' | 'callbackRate'>>;

/** A conditional order for `AlgoBook.place`; prices and quantities as strings, the rest as sent. */
export function algoOrder(
  symbol: string,
  side: 'BUY' | 'SELL',
  type: AlgoOrderInput['type'],
  fields: AlgoOrderFields = {},
): AlgoOrderInput {
  const { quantity, price, triggerPrice, activatePrice, callbackRate, ...rest } = fields;
  const dec = (s: string | undefined): Decimal | undefined =>
    s === undefined ? undefined : Decimal.parse(s);
  return {
    symbol,
    side,
    positionSide: undefined,
    type,
    timeInForce: undefined,
    quantity: dec(quantity),
    price: dec(price),
    triggerPrice: dec(triggerPrice),
    workingType: undefined,
    priceMatch: undefined,
    closePosition: undefined,
    priceProtect: undefined,
    reduceOnly: undefined,
    activatePrice: dec(activatePrice),
    callbackRate: dec(callbackRate),
    clientAlgoId: undefined,
    newOrderRespType: 'ACK',
    selfTradePreventionMode: undefined,
    goodTillDate: undefined,
    ...rest,
  };
}

/**
 * A conditional order on BTCUSDT for 0.002 BTC unless `fields` say otherwise: the tests' usual size,
 * above MIN_NOTIONAL at their prices.
 */
export function btcOrder(
  side: 'BUY' | 'SELL',
  type: AlgoOrderInput['type'],
  fields: AlgoOrderFields = {},
): AlgoOrderInput {
  return algoOrder('BTCUSDT', side, type, { quantity: '0.002', ...fields });
}

/** The fields of a closePosition order, which must send no quantity (spread into `btcOrder`'s fields). */
export const CLOSE_POSITION = { quantity: undefined, closePosition: true } as const;

/** The Binance code of the ApiError `fn` throws (fails when it does not throw). */
export function codeOf(fn: () => unknown): number {
  try {
    fn();
  } catch (error) {
    return (error as ApiError).code;
  }
  throw new Error('expected a rejection');
}

/** The ApiError `fn` throws. */
export function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

/**
 * A venue (default symbols, seed 1, no synthetic market: empty books and prices that move only when a
 * test moves them) with an algo book of its own, a liquidity account, a trader and a
 * "mover" whose small trades set the last price; `events` collects the trader's user-data events.
 * The book's hooks are called by hand, as the venue does once wired.
 */
export function algoFixture(
  options: {
    readonly traderUsdt?: string;
    readonly maxOpen?: number;
    readonly recordsPerAccount?: number;
  } = {},
) {
  const venue = new Venue({
    startTime: T0,
    seed: 1,
    marketData: 'none',
    ...(options.recordsPerAccount === undefined
      ? {}
      : { history: { ...DEFAULT_HISTORY, recordsPerAccount: options.recordsPerAccount } }),
  });
  const algo = new AlgoBook(
    venue,
    options.maxOpen === undefined ? {} : { maxOpenPerAccount: options.maxOpen },
  );
  // The book the helpers tell about price changes (a test may swap in a restored one).
  let book = algo;
  const maker = venue.createAccount({ balances: { USDT: '10000000' } });
  const mover = venue.createAccount({ balances: { USDT: '10000000' } });
  const trader = venue.createAccount({ balances: { USDT: options.traderUsdt ?? '100000' } });
  const events: UserDataEvent[] = [];
  venue.subscribe({ userEvent: (id, e) => id === trader.id && events.push(e) });

  /**
   * Prints one trade of 0.002 BTC at `price` (a resting maker order taken by the mover), then tells
   * the algo book. Throws when resting liquidity on the way would make the trade print elsewhere.
   */
  function print(price: string, symbol = 'BTCUSDT'): void {
    const market = venue.market(symbol);
    const tick = Number(Decimal.parse(price).div(market.tickSize, 0, 'down').units);
    const bid = market.book.bestBid();
    const ask = market.book.bestAsk();
    const qty = symbol === 'BTCUSDT' ? '0.002' : '1';
    if ((Number.isNaN(ask) || ask >= tick) && (Number.isNaN(bid) || bid < tick)) {
      venue.placeOrder(maker, limitOrder(symbol, 'SELL', qty, price));
      venue.placeOrder(mover, limitOrder(symbol, 'BUY', qty, price, { timeInForce: 'IOC' }));
    } else if ((Number.isNaN(bid) || bid <= tick) && (Number.isNaN(ask) || ask > tick)) {
      venue.placeOrder(maker, limitOrder(symbol, 'BUY', qty, price));
      venue.placeOrder(mover, limitOrder(symbol, 'SELL', qty, price, { timeInForce: 'IOC' }));
    } else {
      throw new Error(`resting liquidity prevents a print at ${price}`);
    }
    if (market.lastPriceTick !== tick) throw new Error(`printed ${market.lastPriceTick}, not ${tick}`);
    book.notePrice(symbol, 'CONTRACT_PRICE');
  }

  /** Sets the mark price and tells the algo book. */
  function mark(price: string, symbol = 'BTCUSDT'): void {
    venue.market(symbol).markPrice = Decimal.parse(price);
    book.notePrice(symbol, 'MARK_PRICE');
  }

  /** Opens a position for `account` by trading against a resting maker order at `price`. */
  function open(account: Account, side: 'BUY' | 'SELL', qty: string, price: string): void {
    venue.placeOrder(maker, limitOrder('BTCUSDT', side === 'BUY' ? 'SELL' : 'BUY', qty, price));
    venue.placeOrder(account, marketOrder('BTCUSDT', side, qty));
    book.notePrice('BTCUSDT', 'CONTRACT_PRICE');
  }

  /** Places `btcOrder(side, type, fields)` for the trader on the fixture's own book. */
  function place(
    side: 'BUY' | 'SELL',
    type: AlgoOrderInput['type'],
    fields: AlgoOrderFields = {},
  ): AlgoOrderRecord {
    return algo.place(trader, btcOrder(side, type, fields));
  }

  /**
   * Checks where `order` fires: after `move(notYet)` nothing fires and it still waits; after
   * `move(fires)` exactly one order fires, and it is this one. `move` defaults to printing a trade.
   */
  function expectFiresAt(order: AlgoOrderRecord, notYet: string, fires: string, move = print): void {
    move(notYet);
    expect(book.process()).toBe(0);
    expect(order.status).toBe('NEW');
    move(fires);
    expect(book.process()).toBe(1);
    expect(order.status).not.toBe('NEW');
  }

  /** The trader's ALGO_UPDATE events delivered so far (after a commit). */
  function algoUpdates(): AlgoUpdateEvent[] {
    venue.commit();
    return events.filter((e): e is AlgoUpdateEvent => e.e === 'ALGO_UPDATE');
  }

  /** The trader's ALGO_UPDATE statuses delivered so far (after a commit). */
  function statuses(): string[] {
    return algoUpdates().map((e) => e.o.X);
  }

  /** Makes the helpers report price changes to `next` instead. */
  function useBook(next: AlgoBook): void {
    book = next;
  }

  return {
    venue,
    algo,
    maker,
    mover,
    trader,
    events,
    print,
    mark,
    open,
    place,
    expectFiresAt,
    algoUpdates,
    statuses,
    useBook,
  };
}
