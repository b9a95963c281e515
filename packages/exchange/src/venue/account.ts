import { Decimal, type MarginType, type PositionSide } from '@basis/core';
import type { Id } from './idSequence.js';
import type { AmendmentRecord } from './modifyOrder.js';
import { OrderIndex } from './orderIndex.js';
import type { OrderRecord } from './orderRecord.js';
import { appendBounded, boundOrders } from './retention.js';
import type { PositionMarginRecord } from './settings.js';

/** What an API key may do. */
export interface KeyPermissions {
  readonly read: boolean;
  readonly trade: boolean;
}

/** An API key of an account: HMAC secret, or an Ed25519/RSA public key. */
export type ApiKeyRecord =
  | {
      readonly apiKey: string;
      readonly type: 'HMAC';
      readonly secret: string;
      readonly permissions: KeyPermissions;
    }
  | {
      readonly apiKey: string;
      readonly type: 'ED25519' | 'RSA';
      readonly publicKey: string;
      readonly permissions: KeyPermissions;
    };

/** An API key to add: HMAC (secret generated unless given) or an Ed25519/RSA public key (PEM). */
export type KeySpec =
  | {
      readonly type: 'HMAC';
      readonly apiKey?: string;
      readonly secret?: string;
      readonly permissions?: KeyPermissions;
    }
  | {
      readonly type: 'ED25519' | 'RSA';
      readonly apiKey?: string;
      readonly publicKey: string;
      readonly permissions?: KeyPermissions;
    };

/** Per-symbol settings (`symbolConfig`). */
export interface SymbolSettings {
  leverage: number;
  marginType: MarginType;
}

/** One position (per symbol, and per side in hedge mode). Amount is signed, in base units. */
export interface PositionState {
  readonly symbol: string;
  readonly positionSide: PositionSide;
  amount: Decimal;
  entryPrice: Decimal;
  /** Isolated margin wallet; zero for cross positions. */
  isolatedWallet: Decimal;
  /** Commission paid to open the current position (for the break-even price). */
  openingCommission: Decimal;
  /** Accumulated realized PnL before fees (`cr` of ACCOUNT_UPDATE). */
  accumulatedRealized: Decimal;
  updateTime: number;
}

/** Open-order exposure of one position side: quantities (base units) and values (qty × limit price). */
export interface Exposure {
  bidQty: Decimal;
  askQty: Decimal;
  bidValue: Decimal;
  askValue: Decimal;
}

/** One row of income history (`GET /fapi/v1/income`). */
export interface IncomeRecord {
  readonly symbol: string;
  readonly incomeType: string;
  readonly income: Decimal;
  readonly asset: string;
  readonly info: string;
  readonly time: number;
  readonly tranId: Id;
  readonly tradeId: string;
}

/** One fill of this account (`GET /fapi/v1/userTrades`). */
export interface UserTradeRecord {
  readonly symbol: string;
  readonly id: Id;
  readonly orderId: Id;
  readonly side: 'BUY' | 'SELL';
  readonly positionSide: PositionSide;
  readonly price: Decimal;
  readonly qty: Decimal;
  readonly quoteQty: Decimal;
  readonly commission: Decimal;
  readonly commissionAsset: string;
  readonly realizedPnl: Decimal;
  readonly maker: boolean;
  readonly time: number;
}

export const DEFAULT_LEVERAGE = 20;

/**
 * Records of each history kind (orders, fills, income, amendments, margin changes) an account keeps
 * by default, on top of Binance's retention times: an account that trades for weeks at hundreds of
 * orders a minute would otherwise hold millions of them in memory.
 */
export const DEFAULT_ACCOUNT_RECORDS = 100_000;

/** The smallest record limit: above any account's open orders (200 per symbol). */
export const MIN_ACCOUNT_RECORDS = 1_000;

/**
 * One trading account: wallets, settings, positions, open and closed orders, fills and income.
 * A system account (the synthetic market maker and takers, the insurance fund) is exempt from
 * margin checks and liquidation.
 */
export class Account {
  readonly id: number;
  readonly alias: string;
  readonly system: boolean;
  readonly keys = new Map<string, ApiKeyRecord>();
  /** walletBalance per asset (cross + isolated wallets). */
  readonly wallets = new Map<string, Decimal>();
  readonly walletUpdateTime = new Map<string, number>();
  dualSidePosition = false;
  multiAssetsMargin = false;
  readonly settings = new Map<string, SymbolSettings>();
  /** Positions by `symbol|positionSide`. */
  readonly positions = new Map<string, PositionState>();
  /** Open-order exposure by `symbol|positionSide`. */
  readonly exposure = new Map<string, Exposure>();
  /** Open orders by `symbol` then orderId. */
  readonly openOrders = new Map<string, Map<bigint, OrderRecord>>();
  /** Every order still retained, open or closed, by orderId and by client order id. */
  readonly orders = new OrderIndex();
  readonly trades: UserTradeRecord[] = [];
  readonly income: IncomeRecord[] = [];
  makerRate: Decimal = Decimal.parse('0.0002');
  takerRate: Decimal = Decimal.parse('0.0005');
  feeTier = 0;
  canTrade = true;
  /** Isolated margin changes, oldest first (`GET /fapi/v1/positionMargin/history`). */
  readonly positionMarginHistory: PositionMarginRecord[] = [];
  /** Order modifications, oldest first (`GET /fapi/v1/orderAmendment`). */
  readonly amendments: AmendmentRecord[] = [];
  /** Dead-man switches: symbol → { countdown ms, deadline }. */
  readonly countdowns = new Map<string, { countdownTime: number; deadline: number }>();
  /**
   * Records of each history kind kept; past it the oldest go first (open orders always stay). The
   * venue passes its `recordsPerAccount`, already at least {@link MIN_ACCOUNT_RECORDS}.
   */
  readonly recordLimit: number;

  constructor(id: number, alias: string, system: boolean, recordLimit = DEFAULT_ACCOUNT_RECORDS) {
    this.id = id;
    this.alias = alias;
    this.system = system;
    this.recordLimit = recordLimit;
  }

  wallet(asset: string): Decimal {
    return this.wallets.get(asset) ?? Decimal.ZERO;
  }

  /** Indexes an order by orderId and client order id (replacing an earlier record of either). */
  indexOrder(order: OrderRecord): void {
    this.orders.add(order);
    boundOrders(this);
  }

  addTrade(trade: UserTradeRecord): void {
    appendBounded(this.trades, trade, this.recordLimit);
  }

  addIncome(income: IncomeRecord): void {
    appendBounded(this.income, income, this.recordLimit);
  }

  addAmendment(amendment: AmendmentRecord): void {
    appendBounded(this.amendments, amendment, this.recordLimit);
  }

  addMarginChange(change: PositionMarginRecord): void {
    appendBounded(this.positionMarginHistory, change, this.recordLimit);
  }

  settingsFor(symbol: string): SymbolSettings {
    let s = this.settings.get(symbol);
    if (s === undefined) {
      s = { leverage: DEFAULT_LEVERAGE, marginType: 'CROSSED' };
      this.settings.set(symbol, s);
    }
    return s;
  }

  /** The position of `symbol` on `side`, created flat on first use. */
  position(symbol: string, side: PositionSide): PositionState {
    const key = this.#positionKey(symbol, side);
    let p = this.positions.get(key);
    if (p === undefined) {
      p = {
        symbol,
        positionSide: side,
        amount: Decimal.ZERO,
        entryPrice: Decimal.ZERO,
        isolatedWallet: Decimal.ZERO,
        openingCommission: Decimal.ZERO,
        accumulatedRealized: Decimal.ZERO,
        updateTime: 0,
      };
      this.positions.set(key, p);
    }
    return p;
  }

  /** Puts `position` in place of the position of its symbol and side (a flow position taking over). */
  replacePosition(position: PositionState): void {
    this.positions.set(this.#positionKey(position.symbol, position.positionSide), position);
  }

  exposureOf(symbol: string, side: PositionSide): Exposure {
    const key = this.#positionKey(symbol, side);
    let e = this.exposure.get(key);
    if (e === undefined) {
      e = { bidQty: Decimal.ZERO, askQty: Decimal.ZERO, bidValue: Decimal.ZERO, askValue: Decimal.ZERO };
      this.exposure.set(key, e);
    }
    return e;
  }

  /**
   * `symbol|side`, the key of {@link positions} and {@link exposure}: built once per symbol, since a
   * fresh string per lookup (hashed again each time) costs more than the lookup on every fill.
   */
  #positionKey(symbol: string, side: PositionSide): string {
    let keys = this.#positionKeys.get(symbol);
    if (keys === undefined) {
      keys = { BOTH: `${symbol}|BOTH`, LONG: `${symbol}|LONG`, SHORT: `${symbol}|SHORT` };
      this.#positionKeys.set(symbol, keys);
    }
    return keys[side];
  }

  readonly #positionKeys = new Map<string, Readonly<Record<PositionSide, string>>>();

  openOrdersOf(symbol: string): Map<bigint, OrderRecord> {
    let m = this.openOrders.get(symbol);
    if (m === undefined) {
      m = new Map();
      this.openOrders.set(symbol, m);
    }
    return m;
  }

  openOrderCount(symbol?: string): number {
    if (symbol !== undefined) return this.openOrders.get(symbol)?.size ?? 0;
    let n = 0;
    for (const m of this.openOrders.values()) n += m.size;
    return n;
  }

  /** The position sides in use for the account's mode. */
  sides(): readonly PositionSide[] {
    return this.dualSidePosition ? HEDGE_SIDES : ONE_WAY_SIDES;
  }

  /** True when any position is open. */
  hasPositions(symbol?: string): boolean {
    for (const p of this.positions.values()) {
      if ((symbol === undefined || p.symbol === symbol) && !p.amount.isZero()) return true;
    }
    return false;
  }
}

const ONE_WAY_SIDES: readonly PositionSide[] = ['BOTH'];
const HEDGE_SIDES: readonly PositionSide[] = ['LONG', 'SHORT'];
