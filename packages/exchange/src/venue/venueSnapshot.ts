import {
  BasisError,
  Decimal,
  type MarginType,
  type OrderSide,
  type OrderStatus,
  type PositionMarginAction,
  type PositionSide,
  type PriceMatch,
  type ResponseOrderType,
  type ResponseTimeInForce,
  type RngState,
  type SelfTradePreventionMode,
  type WorkingType,
} from '@basis/core';
import type { SymbolSpec } from '../config/symbolSpec.js';
import { Account, type ApiKeyRecord, type IncomeRecord, type UserTradeRecord } from './account.js';
import type { AlgoBookSnapshot } from './algo/algoSnapshot.js';
import type { DeliverySnapshot } from './delivery.js';
import { type Id, idKey, toId } from './idSequence.js';
import type { ListenKeysSnapshot } from './listenKeys.js';
import type { Market, MarketSnapshot } from './market.js';
import type { AmendmentRecord } from './modifyOrder.js';
import type { OrderRecord } from './orderRecord.js';
import type { OrderTimers } from './orderTimers.js';
import type { PriceFeeds, PriceFeedsSnapshot } from './priceFeeds.js';
import type { SyntheticSnapshot } from './syntheticMarket.js';
import type { Venue } from './venue.js';

/** The `version` of the venue snapshot format this code writes and reads. */
export const VENUE_SNAPSHOT_VERSION = 1 as const;

/**
 * An order as a tuple (orders are the bulk of a long-lived venue's state; a tuple is a third of the
 * size of the object). Prices and quantities in ticks and steps; money as decimal strings.
 */
export type OrderTuple = readonly [
  orderId: Id,
  ref: number,
  symbol: string,
  accountId: number,
  clientOrderId: string,
  side: OrderSide,
  positionSide: PositionSide,
  type: ResponseOrderType,
  origType: ResponseOrderType,
  timeInForce: ResponseTimeInForce,
  priceTick: number,
  origQty: number,
  executedQty: number,
  cumQuote: string,
  status: OrderStatus,
  reduceOnly: boolean,
  closePosition: boolean,
  stopPrice: string,
  workingType: WorkingType,
  priceProtect: boolean,
  priceMatch: PriceMatch,
  selfTradePreventionMode: SelfTradePreventionMode,
  goodTillDate: number,
  time: number,
  updateTime: number,
  modifyCount: number,
  expireReason: number,
  reserved: string,
  /** COIN-M trailing stops only: activatePrice and priceRate (null when absent but `fillValue` is not). */
  trailing?: readonly [activatePrice: string, priceRate: string] | null,
  /**
   * Inverse markets, once filled: the exact filled value as numerator and denominator (absent from
   * snapshots written before it existed; `cumQuote` stands in then).
   */
  fillValue?: readonly [num: string, den: string],
];

/** A fill of an account (`userTrades`) as a tuple. */
export type UserTradeTuple = readonly [
  symbol: string,
  id: Id,
  orderId: Id,
  side: 'BUY' | 'SELL',
  positionSide: PositionSide,
  price: string,
  qty: string,
  quoteQty: string,
  commission: string,
  commissionAsset: string,
  realizedPnl: string,
  maker: boolean,
  time: number,
];

/** A row of income history as a tuple. */
export type IncomeTuple = readonly [
  symbol: string,
  incomeType: string,
  income: string,
  asset: string,
  info: string,
  time: number,
  tranId: Id,
  tradeId: string,
];

/** One position; its map key is `symbol|positionSide`. */
export interface PositionSnapshot {
  readonly symbol: string;
  readonly positionSide: PositionSide;
  readonly amount: string;
  readonly entryPrice: string;
  readonly isolatedWallet: string;
  readonly openingCommission: string;
  readonly accumulatedRealized: string;
  readonly updateTime: number;
}

/**
 * One account, every field of {@link Account}. Maps are lists in their iteration order; orders are
 * indexes into {@link VenueSnapshot.orders} (the maps' keys follow from the orders).
 */
export interface AccountSnapshot {
  readonly id: number;
  readonly alias: string;
  readonly system: boolean;
  readonly keys: readonly ApiKeyRecord[];
  readonly wallets: readonly (readonly [asset: string, balance: string])[];
  readonly walletUpdateTime: readonly (readonly [asset: string, time: number])[];
  readonly dualSidePosition: boolean;
  readonly multiAssetsMargin: boolean;
  readonly settings: readonly (readonly [symbol: string, leverage: number, marginType: MarginType])[];
  readonly positions: readonly PositionSnapshot[];
  /** Open-order exposure by `symbol|positionSide`: bid qty, ask qty, bid value, ask value. */
  readonly exposure: readonly (readonly [
    key: string,
    bidQty: string,
    askQty: string,
    bidValue: string,
    askValue: string,
  ])[];
  /** Open orders per symbol (a symbol may have none left). */
  readonly openOrders: readonly (readonly [symbol: string, orders: readonly number[]])[];
  /** The newest order per `symbol|clientOrderId`. */
  readonly byClientId: readonly number[];
  /** Every retained order. */
  readonly orders: readonly number[];
  readonly trades: readonly UserTradeTuple[];
  readonly income: readonly IncomeTuple[];
  readonly makerRate: string;
  readonly takerRate: string;
  readonly feeTier: number;
  readonly canTrade: boolean;
  readonly positionMarginHistory: readonly {
    readonly symbol: string;
    readonly type: PositionMarginAction;
    readonly deltaType: string;
    readonly amount: string;
    readonly asset: string;
    readonly time: number;
    readonly positionSide: PositionSide;
  }[];
  readonly amendments: readonly AmendmentRecord[];
  readonly countdowns: readonly (readonly [symbol: string, countdownTime: number, deadline: number])[];
}

/**
 * Everything a {@link Venue} is, as plain JSON (bigints only for ids above 2^53; core's
 * `stringifyJson` writes them): restoring it and continuing is indistinguishable from never having
 * stopped. Each order record appears once, in {@link orders}; accounts, markets, timers and the algo
 * book refer to it, so a restored venue shares one record between its book, its account maps and
 * its triggered algo orders, as the original did.
 */
export interface VenueSnapshot {
  readonly version: typeof VENUE_SNAPSHOT_VERSION;
  /** The venue's time, ms. */
  readonly now: number;
  readonly nextAccountId: number;
  readonly rng: RngState;
  readonly nextTranId: Id;
  readonly nextAlgoId: Id;
  /** The insurance fund's account id. */
  readonly insuranceFund: number;
  readonly orders: readonly OrderTuple[];
  readonly accounts: readonly AccountSnapshot[];
  /** The API keys in the venue's lookup order (each also in its account). */
  readonly keyOrder: readonly string[];
  /**
   * The listing, in order: the options' symbols as the quarters rolled since (contracts listed,
   * promoted or removed at runtime). Absent in snapshots from before quarterlies: the options' listing.
   */
  readonly symbols?: readonly SymbolSpec[];
  readonly markets: readonly MarketSnapshot[];
  readonly listenKeys: ListenKeysSnapshot;
  /** Null when the venue runs without the synthetic market. */
  readonly synthetic: SyntheticSnapshot | null;
  readonly priceFeeds: PriceFeedsSnapshot;
  /** Quarterly settlement windows and delivery prices (absent: none). */
  readonly delivery?: DeliverySnapshot;
  /** GTD orders watched for expiry (order indexes) and accounts with armed countdowns. */
  readonly orderTimers: { readonly gtd: readonly number[]; readonly countdowns: readonly number[] };
  readonly algo: AlgoBookSnapshot;
  /** Markets whose mark changed and whose liquidation check is pending (empty between commands). */
  readonly markChanged: readonly string[];
}

/** What the venue keeps private, handed to {@link snapshotVenue}. */
export interface VenueInternals {
  readonly now: number;
  readonly nextAccountId: number;
  readonly orderTimers: OrderTimers;
  readonly priceFeeds: PriceFeeds;
  readonly markChanged: ReadonlySet<Market>;
}

/** What {@link restoreVenue} gives back for the venue's private fields. */
export interface RestoredInternals {
  readonly now: number;
  readonly nextAccountId: number;
  readonly insuranceFund: Account;
  readonly markChanged: readonly Market[];
}

/** Thrown when data is not a venue snapshot this code can restore, or does not fit the venue. */
export class VenueSnapshotError extends BasisError {
  override readonly name = 'VenueSnapshotError' as const;

  constructor(message: string) {
    super(message, { docsPath: 'exchange/state' });
  }
}

/** The venue's state as a {@link VenueSnapshot}. */
export function snapshotVenue(venue: Venue, internals: VenueInternals): VenueSnapshot {
  const table = new Map<OrderRecord, number>();
  const orders: OrderTuple[] = [];
  const indexOf = (order: OrderRecord): number => {
    let index = table.get(order);
    if (index === undefined) {
      index = orders.length;
      table.set(order, index);
      orders.push(orderToTuple(order));
    }
    return index;
  };
  if (venue.replay !== undefined) {
    throw new VenueSnapshotError(
      'a venue replaying historical files cannot be snapshotted; replay its journal instead',
    );
  }
  const accounts = [...venue.accounts.values()].map((a) => accountToSnapshot(a, indexOf));
  const markets = [...venue.markets.values()].map((m) => m.snapshot(indexOf));
  const timers = internals.orderTimers.snapshot();
  return {
    version: VENUE_SNAPSHOT_VERSION,
    now: internals.now,
    nextAccountId: internals.nextAccountId,
    rng: venue.rng.snapshot(),
    nextTranId: venue.tranIds.peek(),
    nextAlgoId: venue.algoIds.peek(),
    insuranceFund: venue.insuranceFund.id,
    orders,
    accounts,
    keyOrder: [...venue.keys.keys()],
    symbols: [...venue.markets.values()].map((m) => m.spec),
    markets,
    listenKeys: venue.listenKeys.snapshot(),
    synthetic: venue.synthetic?.snapshot() ?? null,
    priceFeeds: internals.priceFeeds.snapshot(),
    delivery: venue.delivery.snapshot(),
    orderTimers: { gtd: timers.gtd.map(indexOf), countdowns: timers.countdowns },
    algo: venue.algo.snapshot(),
    markChanged: [...internals.markChanged].map((m) => m.symbol),
  };
}

/**
 * Replaces the state of `venue` (freshly built from the same options, before anything ran) with
 * `data`. Order matters: orders, then accounts, then markets (their books point at the orders), then
 * the processes and the algo book (which find accounts and orders by id).
 *
 * @throws VenueSnapshotError when `data` is no snapshot of a known version, or names a symbol or
 *   asset the venue does not have.
 */
export function restoreVenue(
  venue: Venue,
  data: unknown,
  parts: {
    readonly orderTimers: OrderTimers;
    readonly priceFeeds: PriceFeeds;
    /** Rebuilds the venue's listing as the snapshot's (markets listed or rolled at runtime). */
    readonly relist: (specs: readonly SymbolSpec[]) => void;
  },
): RestoredInternals {
  const snapshot = asVenueSnapshot(data);
  const orders = snapshot.orders.map(orderFromTuple);
  const orderAt = (index: number): OrderRecord => {
    const order = orders[index];
    if (order === undefined) throw new VenueSnapshotError(`the snapshot refers to a missing order ${index}`);
    return order;
  };
  try {
    venue.rng.restore(snapshot.rng);
    venue.tranIds.state = BigInt(snapshot.nextTranId);
    venue.algoIds.state = BigInt(snapshot.nextAlgoId);

    venue.accounts.clear();
    venue.keys.clear();
    for (const row of snapshot.accounts)
      venue.accounts.set(row.id, accountFromSnapshot(row, orderAt, venue.recordsPerAccount));
    for (const apiKey of snapshot.keyOrder) {
      const owner = [...venue.accounts.values()].find((a) => a.keys.has(apiKey));
      if (owner === undefined) throw new VenueSnapshotError('the snapshot lists a key no account holds');
      venue.keys.set(apiKey, { account: owner, key: owner.keys.get(apiKey)! });
    }
    const insuranceFund = venue.account(snapshot.insuranceFund);

    if (snapshot.symbols !== undefined) parts.relist(snapshot.symbols);
    if (snapshot.markets.length !== venue.markets.size) {
      throw new VenueSnapshotError(
        `the snapshot has ${snapshot.markets.length} markets, the venue ${venue.markets.size}`,
      );
    }
    for (const row of snapshot.markets) {
      const market = venue.markets.get(row.symbol);
      if (market === undefined) throw new VenueSnapshotError(`the venue lists no ${row.symbol}`);
      market.restore(row, orderAt);
    }

    venue.listenKeys.restore(snapshot.listenKeys);
    if ((venue.synthetic === undefined) !== (snapshot.synthetic === null)) {
      throw new VenueSnapshotError('the snapshot and the venue disagree on the synthetic market');
    }
    if (snapshot.synthetic !== null) venue.synthetic?.restore(snapshot.synthetic);
    parts.priceFeeds.restore(snapshot.priceFeeds);
    if (snapshot.delivery !== undefined) venue.delivery.restore(snapshot.delivery);
    parts.orderTimers.restore(
      snapshot.orderTimers.gtd.map(orderAt),
      snapshot.orderTimers.countdowns.map((id) => venue.account(id)),
    );
    venue.algo.restore(snapshot.algo);
    return {
      now: snapshot.now,
      nextAccountId: snapshot.nextAccountId,
      insuranceFund,
      markChanged: snapshot.markChanged.map((symbol) => venue.market(symbol)),
    };
  } catch (error) {
    if (error instanceof VenueSnapshotError) throw error;
    throw new VenueSnapshotError(
      `the snapshot does not fit this venue: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Checks the envelope of snapshot data. */
export function asVenueSnapshot(data: unknown): VenueSnapshot {
  const s = data as Partial<VenueSnapshot> | null;
  if (
    s === null ||
    typeof s !== 'object' ||
    s.version !== VENUE_SNAPSHOT_VERSION ||
    !Array.isArray(s.orders) ||
    !Array.isArray(s.accounts) ||
    !Array.isArray(s.markets)
  ) {
    throw new VenueSnapshotError('Not a venue snapshot of a known version.');
  }
  return s as VenueSnapshot;
}

// Accounts ----------------------------------------------------------------------------------------

function accountToSnapshot(account: Account, indexOf: (order: OrderRecord) => number): AccountSnapshot {
  const orders: number[] = [];
  for (const order of account.orders.values()) orders.push(indexOf(order));
  const byClientId: number[] = [];
  for (const order of account.orders.clientIdTargets()) byClientId.push(indexOf(order));
  const openOrders: [string, number[]][] = [];
  for (const [symbol, open] of account.openOrders) {
    const list: number[] = [];
    for (const [key, order] of open) {
      if (order.symbol !== symbol || key !== idKey(order.orderId)) throw keyMismatch(account, String(key));
      list.push(indexOf(order));
    }
    openOrders.push([symbol, list]);
  }
  const positions: PositionSnapshot[] = [];
  for (const [key, p] of account.positions) {
    if (key !== `${p.symbol}|${p.positionSide}`) throw keyMismatch(account, key);
    positions.push({
      symbol: p.symbol,
      positionSide: p.positionSide,
      amount: p.amount.toString(),
      entryPrice: p.entryPrice.toString(),
      isolatedWallet: p.isolatedWallet.toString(),
      openingCommission: p.openingCommission.toString(),
      accumulatedRealized: p.accumulatedRealized.toString(),
      updateTime: p.updateTime,
    });
  }
  return {
    id: account.id,
    alias: account.alias,
    system: account.system,
    keys: [...account.keys.values()].map((k) => ({ ...k, permissions: { ...k.permissions } })),
    wallets: [...account.wallets].map(([asset, balance]) => [asset, balance.toString()] as const),
    walletUpdateTime: [...account.walletUpdateTime],
    dualSidePosition: account.dualSidePosition,
    multiAssetsMargin: account.multiAssetsMargin,
    settings: [...account.settings].map(([symbol, s]) => [symbol, s.leverage, s.marginType] as const),
    positions,
    exposure: [...account.exposure].map(
      ([key, e]) =>
        [
          key,
          e.bidQty.toString(),
          e.askQty.toString(),
          e.bidValue.toString(),
          e.askValue.toString(),
        ] as const,
    ),
    openOrders,
    byClientId,
    orders,
    trades: account.trades.map(tradeToTuple),
    income: account.income.map(incomeToTuple),
    makerRate: account.makerRate.toString(),
    takerRate: account.takerRate.toString(),
    feeTier: account.feeTier,
    canTrade: account.canTrade,
    positionMarginHistory: account.positionMarginHistory.map((r) => ({ ...r, amount: r.amount.toString() })),
    amendments: account.amendments.map((a) => ({ ...a })),
    countdowns: [...account.countdowns].map(([symbol, c]) => [symbol, c.countdownTime, c.deadline] as const),
  };
}

function keyMismatch(account: Account, key: string): Error {
  return new Error(`account ${account.id} keeps an order under a key its fields do not give: ${key}`);
}

function accountFromSnapshot(
  row: AccountSnapshot,
  orderAt: (index: number) => OrderRecord,
  recordLimit: number,
): Account {
  const account = new Account(row.id, row.alias, row.system, recordLimit);
  for (const k of row.keys) account.keys.set(k.apiKey, { ...k, permissions: { ...k.permissions } });
  for (const [asset, balance] of row.wallets) account.wallets.set(asset, Decimal.parse(balance));
  for (const [asset, time] of row.walletUpdateTime) account.walletUpdateTime.set(asset, time);
  account.dualSidePosition = row.dualSidePosition;
  account.multiAssetsMargin = row.multiAssetsMargin;
  for (const [symbol, leverage, marginType] of row.settings)
    account.settings.set(symbol, { leverage, marginType });
  for (const p of row.positions) {
    account.positions.set(`${p.symbol}|${p.positionSide}`, {
      symbol: p.symbol,
      positionSide: p.positionSide,
      amount: Decimal.parse(p.amount),
      entryPrice: Decimal.parse(p.entryPrice),
      isolatedWallet: Decimal.parse(p.isolatedWallet),
      openingCommission: Decimal.parse(p.openingCommission),
      accumulatedRealized: Decimal.parse(p.accumulatedRealized),
      updateTime: p.updateTime,
    });
  }
  for (const [key, bidQty, askQty, bidValue, askValue] of row.exposure) {
    account.exposure.set(key, {
      bidQty: Decimal.parse(bidQty),
      askQty: Decimal.parse(askQty),
      bidValue: Decimal.parse(bidValue),
      askValue: Decimal.parse(askValue),
    });
  }
  for (const [symbol, list] of row.openOrders) {
    const open = account.openOrdersOf(symbol);
    for (const index of list) {
      const order = orderAt(index);
      open.set(idKey(order.orderId), order);
    }
  }
  account.orders.restore(row.orders.map(orderAt), row.byClientId.map(orderAt));
  for (const t of row.trades) account.trades.push(tradeFromTuple(t));
  for (const i of row.income) account.income.push(incomeFromTuple(i));
  account.makerRate = Decimal.parse(row.makerRate);
  account.takerRate = Decimal.parse(row.takerRate);
  account.feeTier = row.feeTier;
  account.canTrade = row.canTrade;
  for (const r of row.positionMarginHistory)
    account.positionMarginHistory.push({ ...r, amount: Decimal.parse(r.amount) });
  for (const a of row.amendments) {
    account.amendments.push({ ...a, amendmentId: id(a.amendmentId), orderId: id(a.orderId) });
  }
  for (const [symbol, countdownTime, deadline] of row.countdowns)
    account.countdowns.set(symbol, { countdownTime, deadline });
  return account;
}

// Records -----------------------------------------------------------------------------------------

/** An id as parsed JSON gives it (a number, or a bigint above 2^53) in the venue's representation. */
function id(value: Id): Id {
  return typeof value === 'bigint' ? toId(value) : value;
}

function orderToTuple(o: OrderRecord): OrderTuple {
  const base = [
    o.orderId,
    o.ref,
    o.symbol,
    o.accountId,
    o.clientOrderId,
    o.side,
    o.positionSide,
    o.type,
    o.origType,
    o.timeInForce,
    o.priceTick,
    o.origQty,
    o.executedQty,
    o.cumQuote.toString(),
    o.status,
    o.reduceOnly,
    o.closePosition,
    o.stopPrice,
    o.workingType,
    o.priceProtect,
    o.priceMatch,
    o.selfTradePreventionMode,
    o.goodTillDate,
    o.time,
    o.updateTime,
    o.modifyCount,
    o.expireReason,
    o.reserved.toString(),
  ] as const;
  const trailing =
    o.trailing === undefined ? null : ([o.trailing.activatePrice, o.trailing.priceRate] as const);
  if (o.fillValue !== undefined) {
    return [...base, trailing, [o.fillValue.num.toString(), o.fillValue.den.toString()]];
  }
  return trailing === null ? base : [...base, trailing];
}

function orderFromTuple(t: OrderTuple): OrderRecord {
  return {
    orderId: id(t[0]),
    ref: t[1],
    symbol: t[2],
    accountId: t[3],
    clientOrderId: t[4],
    side: t[5],
    positionSide: t[6],
    type: t[7],
    origType: t[8],
    timeInForce: t[9],
    priceTick: t[10],
    origQty: t[11],
    executedQty: t[12],
    cumQuote: Decimal.parse(t[13]),
    status: t[14],
    reduceOnly: t[15],
    closePosition: t[16],
    stopPrice: t[17],
    workingType: t[18],
    priceProtect: t[19],
    priceMatch: t[20],
    selfTradePreventionMode: t[21],
    goodTillDate: t[22],
    time: t[23],
    updateTime: t[24],
    modifyCount: t[25],
    expireReason: t[26],
    reserved: Decimal.parse(t[27]),
    ...(t[28] === undefined || t[28] === null
      ? {}
      : { trailing: { activatePrice: t[28][0], priceRate: t[28][1] } }),
    ...(t[29] === undefined ? {} : { fillValue: { num: BigInt(t[29][0]), den: BigInt(t[29][1]) } }),
  };
}

function tradeToTuple(t: UserTradeRecord): UserTradeTuple {
  return [
    t.symbol,
    t.id,
    t.orderId,
    t.side,
    t.positionSide,
    t.price.toString(),
    t.qty.toString(),
    t.quoteQty.toString(),
    t.commission.toString(),
    t.commissionAsset,
    t.realizedPnl.toString(),
    t.maker,
    t.time,
  ];
}

function tradeFromTuple(t: UserTradeTuple): UserTradeRecord {
  return {
    symbol: t[0],
    id: id(t[1]),
    orderId: id(t[2]),
    side: t[3],
    positionSide: t[4],
    price: Decimal.parse(t[5]),
    qty: Decimal.parse(t[6]),
    quoteQty: Decimal.parse(t[7]),
    commission: Decimal.parse(t[8]),
    commissionAsset: t[9],
    realizedPnl: Decimal.parse(t[10]),
    maker: t[11],
    time: t[12],
  };
}

function incomeToTuple(i: IncomeRecord): IncomeTuple {
  return [i.symbol, i.incomeType, i.income.toString(), i.asset, i.info, i.time, i.tranId, i.tradeId];
}

function incomeFromTuple(t: IncomeTuple): IncomeRecord {
  return {
    symbol: t[0],
    incomeType: t[1],
    income: Decimal.parse(t[2]),
    asset: t[3],
    info: t[4],
    time: t[5],
    tranId: id(t[6]),
    tradeId: t[7],
  };
}
