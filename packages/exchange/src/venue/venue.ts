import {
  type AccountUpdateBalance,
  type AccountUpdatePosition,
  type AccountUpdateReason,
  createRng,
  Decimal,
  type Order,
  type Rng,
} from '@basis/core';
import { apiError } from '../api/apiError.js';
import { coinmSymbols } from '../config/coinmSymbols.js';
import { DEFAULT_SYMBOLS } from '../config/defaultSymbols.js';
import type { SymbolSpec } from '../config/symbolSpec.js';
import { type AccountMargins, type AccountPosition, accountMargins } from '../margin/account.js';
import { breakEvenPrice } from '../margin/position.js';
import { applyBackfill, backfillParamsFromSpec, generateBackfill } from '../marketData/backfill.js';
import {
  Account,
  type ApiKeyRecord,
  DEFAULT_ACCOUNT_RECORDS,
  type KeySpec,
  MIN_ACCOUNT_RECORDS,
  type PositionState,
} from './account.js';
import { AlgoBook } from './algo/algoBook.js';
import { cancelAllOrders, cancelOrder, type OrderRef } from './cancelOrder.js';
import { Delivery } from './delivery.js';
import { EventOutbox, type VenueListener } from './events.js';
import { type Id, IdSequence, toId } from './idSequence.js';
import { checkLiquidations } from './liquidation.js';
import { ListenKeys, listenKeyProcess } from './listenKeys.js';
import { DEFAULT_HISTORY, type HistoryLimits, Market } from './market.js';
import { type ModifyOrderInput, modifyOrder } from './modifyOrder.js';
import type { NewOrderInput } from './orderInput.js';
import { expireOrder } from './orderLifecycle.js';
import type { OrderRecord } from './orderRecord.js';
import { OrderTimers } from './orderTimers.js';
import { orderToWire } from './orderViews.js';
import { type PlaceResult, placeOrder } from './placeOrder.js';
import { PriceFeeds } from './priceFeeds.js';
import type { BookKeeper, VenueProcess } from './process.js';
import { ReplayMarket, type ReplayMarketOptions } from './replayMarket.js';
import { retentionProcess } from './retention.js';
import { SyntheticMarket, type SyntheticOptions } from './syntheticMarket.js';
import { restoreVenue, snapshotVenue, type VenueSnapshot } from './venueSnapshot.js';

/**
 * Which of Binance's two futures systems a venue is: USD-M (`/fapi`, linear) or COIN-M (`/dapi`,
 * inverse). Binance runs them apart (own wallets, position mode, listen keys, limits), and so do we:
 * one venue each.
 */
export type Product = 'usdm' | 'coinm';

/** How a venue is set up. Everything has a default: a fresh exchange with Binance's symbols. */
export interface VenueOptions {
  /** USD-M (default) or COIN-M: decides the default symbols and the rules that differ between them. */
  readonly product?: Product;
  /** The venue's time at creation, ms. */
  readonly startTime: number;
  /** Seed of all randomness (synthetic market, generated client order ids). */
  readonly seed?: number | string;
  readonly symbols?: readonly SymbolSpec[];
  /** Where order, trade and update ids start; above 2^53 they are bigints. */
  readonly idStart?: bigint | number;
  /** How much trade and kline history each market keeps. */
  readonly history?: HistoryLimits;
  /**
   * The market-data source: the seeded synthetic market (default), none (an empty book and fixed
   * prices, for tests that script every order themselves), or a replay of Binance's historical files.
   */
  readonly marketData?: 'synthetic' | 'none' | { readonly replay: ReplayMarketOptions };
  readonly synthetic?: SyntheticOptions & {
    /** Minutes of synthetic history generated before the start time (default 720). */
    readonly backfillMinutes?: number;
  };
}

const CLIENT_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ALIAS_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The exchange's state machine: markets and accounts. Synchronous and deterministic: the same
 * options and the same commands at the same times give the same state. Time moves only through
 * {@link Venue.advanceTo}.
 */
export class Venue {
  readonly product: Product;
  readonly markets = new Map<string, Market>();
  readonly accounts = new Map<number, Account>();
  readonly keys = new Map<string, { readonly account: Account; readonly key: ApiKeyRecord }>();
  readonly outbox = new EventOutbox();
  readonly rng: Rng;
  /** Income transaction ids (`tranId`). */
  readonly tranIds: IdSequence;
  readonly algoIds: IdSequence;
  /** The insurance fund: takes liquidation clearance fees, covers bankruptcies, takes unabsorbed positions. */
  get insuranceFund(): Account {
    return this.#insuranceFund;
  }
  /** Conditional orders of the Algo Service (`/fapi/v1/algoOrder`). */
  readonly algo: AlgoBook;
  /** User-data stream keys (`POST/PUT/DELETE /fapi/v1/listenKey`). */
  readonly listenKeys: ListenKeys;
  /** The synthetic market (undefined with `marketData: 'none'`). */
  readonly synthetic: SyntheticMarket | undefined;
  /** The replay of historical files, when that is the market-data source. */
  readonly replay: ReplayMarket | undefined;
  /** Quarterly delivery: settlement sampling, delivery, the roll (a no-op without quarterlies). */
  readonly delivery: Delivery;
  #now: number;
  #nextAccountId = 1;
  #insuranceFund: Account;
  readonly #priceFeeds: PriceFeeds;
  /** Processes that leave books behind until asked to bring them up to date (a lean replay). */
  readonly #bookKeepers: BookKeeper[] = [];

  /**
   * A fresh venue at `options.startTime`. With `snapshot` (see {@link Venue.restore}), the venue is
   * built without backfill or a first step, then takes the snapshot's state.
   */
  constructor(options: VenueOptions, snapshot?: unknown) {
    const restoring = snapshot !== undefined;
    this.product = options.product ?? 'usdm';
    this.#now = options.startTime;
    this.rng = createRng(options.seed ?? 1);
    const start = BigInt(options.idStart ?? 1);
    this.#idStart = start;
    this.#history = options.history ?? DEFAULT_HISTORY;
    this.tranIds = new IdSequence(start * 10n + 1n);
    this.algoIds = new IdSequence(start);
    this.addProcess(this.#orderTimers);
    const synthetic = (options.marketData ?? 'synthetic') === 'synthetic';
    const defaults = this.product === 'coinm' ? coinmSymbols(options.startTime) : DEFAULT_SYMBOLS;
    for (const spec of options.symbols ?? defaults) {
      const backfill =
        synthetic && !restoring
          ? generateBackfill(
              backfillParamsFromSpec(spec, options.startTime, {
                minutes: options.synthetic?.backfillMinutes ?? 720,
                firstTradeId: toId(start),
              }),
              this.rng.fork(`backfill:${spec.symbol}`),
            )
          : undefined;
      const firstTradeId =
        backfill === undefined ? start : BigInt(backfill.tail[0]?.id ?? backfill.nextTradeId);
      const market = this.#createMarket(spec, firstTradeId);
      if (backfill !== undefined) {
        applyBackfill(backfill, {
          trades: market.klines,
          index: market.indexKlines,
          mark: market.markKlines,
          premium: market.premiumKlines,
          history: market.trades,
        });
        market.indexPrice = backfill.lastIndexPrice;
        market.markPrice = backfill.lastMarkPrice;
        market.lastPriceTick = backfill.lastTradeTick;
      }
      this.markets.set(spec.symbol, market);
    }
    this.#insuranceFund = this.createAccount({ system: true });
    this.listenKeys = new ListenKeys(this);
    this.addProcess(listenKeyProcess(this, this.listenKeys));
    this.synthetic = synthetic ? new SyntheticMarket(this, options.synthetic) : undefined;
    if (this.synthetic !== undefined) this.addProcess(this.synthetic);
    const marketData = options.marketData ?? 'synthetic';
    this.replay = typeof marketData === 'object' ? new ReplayMarket(this, marketData.replay) : undefined;
    if (this.replay !== undefined) this.addProcess(this.replay);
    this.#priceFeeds = new PriceFeeds(this);
    this.addProcess(this.#priceFeeds);
    this.delivery = new Delivery(this);
    this.addProcess(this.delivery);
    this.algo = new AlgoBook(this);
    this.addProcess(this.algo);
    this.addProcess(retentionProcess(this));
    if (restoring) this.#restore(snapshot);
    else this.advanceTo(options.startTime);
  }

  /**
   * A venue continuing from a {@link Venue.snapshot} (also after a JSON round trip through core's
   * `parseJson`), built with the options of the venue it was taken from: restore and continue is
   * indistinguishable from never having stopped.
   *
   * @throws VenueSnapshotError when the data is no venue snapshot or does not fit the options.
   */
  static restore(options: VenueOptions, snapshot: unknown): Venue {
    return new Venue(options, snapshot);
  }

  /**
   * Everything the venue is, as plain JSON (see {@link VenueSnapshot}). Take it between commands
   * (after `commit()` or `advanceTo()`), never from inside one.
   */
  snapshot(): VenueSnapshot {
    return snapshotVenue(this, {
      now: this.#now,
      nextAccountId: this.#nextAccountId,
      orderTimers: this.#orderTimers,
      priceFeeds: this.#priceFeeds,
      markChanged: this.#markChanged,
    });
  }

  #restore(snapshot: unknown): void {
    const restored = restoreVenue(this, snapshot, {
      orderTimers: this.#orderTimers,
      priceFeeds: this.#priceFeeds,
      relist: (specs) => this.#relist(specs),
    });
    this.#now = restored.now;
    this.#nextAccountId = restored.nextAccountId;
    this.#insuranceFund = restored.insuranceFund;
    this.#markChanged.clear();
    for (const market of restored.markChanged) this.#markChanged.add(market);
  }

  /** A market for `spec` with fresh id sequences (trade ids from `firstTradeId`), not yet listed. */
  #createMarket(spec: SymbolSpec, firstTradeId: bigint): Market {
    const start = this.#idStart;
    const market = new Market(
      spec,
      { orderId: start, tradeId: firstTradeId, updateId: start },
      this.#history,
      (side, tick, qty) => this.outbox.depthLevel(spec.symbol, side, tick, qty, market.updateId),
    );
    return market;
  }

  readonly #idStart: bigint;
  readonly #history: HistoryLimits;

  /** Records of each history kind an account keeps ({@link HistoryLimits.recordsPerAccount}). */
  get recordsPerAccount(): number {
    return Math.max(MIN_ACCOUNT_RECORDS, this.#history.recordsPerAccount ?? DEFAULT_ACCOUNT_RECORDS);
  }

  /**
   * Lists a market while the venue runs (a new quarterly when the quarter rolls): no history, prices
   * from its spec until the caller sets them; the price feeds and the synthetic market take it up.
   */
  listMarket(spec: SymbolSpec): Market {
    if (this.markets.has(spec.symbol)) throw new Error(`${spec.symbol} is listed already`);
    const market = this.#createMarket(spec, this.#idStart);
    this.markets.set(spec.symbol, market);
    this.#marketsChanged();
    return market;
  }

  /**
   * Removes a market no longer traded (a delivered quarterly, a day after delivery) with what the
   * accounts keep per symbol (flat positions, settings, empty order maps); their order, trade and income
   * history stays until retention drops it.
   */
  delistMarket(symbol: string): void {
    if (!this.markets.delete(symbol)) return;
    for (const account of this.accounts.values()) {
      for (const side of ['BOTH', 'LONG', 'SHORT'] as const) {
        account.positions.delete(`${symbol}|${side}`);
        account.exposure.delete(`${symbol}|${side}`);
      }
      account.openOrders.delete(symbol);
      account.settings.delete(symbol);
      account.countdowns.delete(symbol);
    }
    this.#marketsChanged();
  }

  /**
   * Makes the listing `specs`, in that order (a restore: the snapshot's listing may have rolled since
   * the options' one). Only what the quarters' roll does may differ: quarterlies listed or removed, a
   * quarterly's contract type moved on; anything else means the snapshot is of another venue. A market
   * whose spec is unchanged is kept; the others are built afresh (their state comes from the snapshot).
   */
  #relist(specs: readonly SymbolSpec[]): void {
    const kept = new Map(this.markets);
    const wanted = new Set(specs.map((s) => s.symbol));
    const rolled = (spec: SymbolSpec) => spec.contractType !== 'PERPETUAL';
    const terms = (spec: SymbolSpec) => JSON.stringify({ ...spec, contractType: '' });
    for (const market of kept.values()) {
      if (!wanted.has(market.symbol) && !rolled(market.spec))
        throw new RangeError(`the snapshot does not list ${market.symbol}`);
    }
    for (const spec of specs) {
      const market = kept.get(spec.symbol);
      if (market === undefined ? !rolled(spec) : terms(market.spec) !== terms(spec))
        throw new RangeError(`the snapshot lists ${spec.symbol} on other terms`);
    }
    this.markets.clear();
    for (const spec of specs) {
      const market = kept.get(spec.symbol);
      const same = market !== undefined && JSON.stringify(market.spec) === JSON.stringify(spec);
      this.markets.set(spec.symbol, same ? market : this.#createMarket(spec, this.#idStart));
    }
    this.#marketsChanged();
  }

  /** The processes that keep per-market state follow the listing. */
  #marketsChanged(): void {
    this.#priceFeeds.syncMarkets();
    this.synthetic?.syncMarkets();
  }

  /** The venue's current time, ms. */
  get now(): number {
    return this.#now;
  }

  /** Registers a listener for user-data and market events; returns its unsubscribe function. */
  subscribe(listener: VenueListener): () => void {
    return this.outbox.subscribe(listener);
  }

  /**
   * Moves time forward to `time`, running every process due on the way in time order (ties in the
   * order the processes were added), then delivers events. Path-independent:
   * `advanceTo(t1); advanceTo(t2)` leaves the same state as `advanceTo(t2)`.
   */
  advanceTo(time: number): void {
    for (;;) {
      let next: VenueProcess | undefined;
      let due = Number.POSITIVE_INFINITY;
      // The earliest other process: `next` may run on (quietly) only while it stays before it.
      let otherDue = Number.POSITIVE_INFINITY;
      const processes = this.#processes;
      for (let i = 0; i < processes.length; i++) {
        const t = this.#nextDues[i]!();
        if (t < due) {
          otherDue = due;
          due = t;
          next = processes[i];
        } else if (t < otherDue) {
          otherDue = t;
        }
      }
      if (next === undefined || due > time) break;
      if (due > this.#now) this.#now = due;
      // Other processes (price feeds, funding, timers) read the books: bring them up to date.
      for (const keeper of this.#bookKeepers) if (keeper !== next) keeper.prepareBooks();
      next.run(this.#now);
      if (next.quiet !== undefined) this.#runQuietly(next, time, otherDue);
      next.settle?.();
      this.afterCommand();
    }
    if (time > this.#now) this.#now = time;
    this.outbox.tick(this.#now);
    this.outbox.flush();
  }

  /**
   * A run of quiet steps (a replay's prints that touch no order): nothing for the after-command work
   * and no other schedule moved, so `process` goes on without a rescan while its next step comes
   * before `otherDue` and by `time`. Ties go back to the scan, which runs them in the order the
   * processes were added. A method of its own: only processes that can be quiet (the replay) reach it,
   * so its calls, made once per print, stay monomorphic; the scan's calls see every kind of process.
   */
  #runQuietly(process: VenueProcess, time: number, otherDue: number): void {
    while (this.#quiet(process)) {
      const t = process.nextDue();
      if (t > time || t >= otherDue) break;
      if (t > this.#now) this.#now = t;
      process.run(this.#now);
    }
  }

  /** Whether `process`'s last step left the after-command work nothing to do (see {@link VenueProcess.quiet}). */
  #quiet(process: VenueProcess): boolean {
    return (
      process.quiet?.() === true &&
      this.#markChanged.size === 0 &&
      this.#afterCommand.length === 0 &&
      this.algo.pending === 0
    );
  }

  /**
   * Jumps to `time` without simulating the gap: each process re-anchors its schedule (the synthetic
   * market resumes from its last prices, missed funding settlements are skipped), then what is
   * still due runs. Used when an exchange restarts after downtime; journaled like a command.
   */
  jumpTo(time: number): void {
    if (time <= this.#now) return;
    this.#now = time;
    for (const process of this.#processes) process.skipTo?.(time);
    this.advanceTo(time);
  }

  /** Adds a process driven by {@link advanceTo}. */
  addProcess(process: VenueProcess): void {
    this.#processes.push(process);
    this.#nextDues.push(process.nextDue.bind(process));
  }

  readonly #processes: VenueProcess[] = [];
  /**
   * Each process's `nextDue`, bound once: the scan asks every process at least twice per step, and a
   * method looked up on eight kinds of object is a megamorphic load each time.
   */
  readonly #nextDues: (() => number)[] = [];
  readonly #orderTimers = new OrderTimers(this);

  /** Expires a GTD order at its goodTillDate. */
  scheduleExpiry(order: OrderRecord): void {
    this.#orderTimers.expireAt(order);
  }

  /** Arms (or, with 0, disarms) the dead-man switch of `account` on `symbol`. */
  setCountdown(account: Account, symbol: string, countdownTime: number): void {
    this.#orderTimers.countdown(account, symbol, countdownTime);
  }

  /** A market's mark price changed: stream it, re-check triggers and liquidations. */
  markPriceChanged(market: Market): void {
    this.outbox.mark(market.symbol, this.#now);
    this.algo.notePrice(market.symbol, 'MARK_PRICE');
    this.#markChanged.add(market);
  }

  /** Work that follows every command and every process step (triggers, liquidations). */
  afterCommand(): void {
    this.algo.process();
    for (const hook of this.#afterCommand) hook();
    if (this.#markChanged.size > 0) {
      const markets = [...this.#markChanged];
      this.#markChanged.clear();
      for (const market of markets) checkLiquidations(this, market);
    }
  }

  readonly #markChanged = new Set<Market>();

  /** Pays (negative) or credits a funding fee on one position: FUNDING_FEE income and ACCOUNT_UPDATE. */
  payFunding(account: Account, market: Market, position: PositionState, payment: Decimal): void {
    if (payment.isZero()) return;
    const asset = market.spec.marginAsset;
    this.changeWallet(account, asset, payment);
    const isolated = account.settingsFor(market.symbol).marginType === 'ISOLATED';
    if (isolated) position.isolatedWallet = position.isolatedWallet.add(payment).max(Decimal.ZERO);
    this.recordIncome(account, {
      incomeType: 'FUNDING_FEE',
      income: payment,
      asset,
      symbol: market.symbol,
      info: 'FUNDING_FEE',
    });
    // Cross: only the balance; isolated: the balance and that position (Binance's FUNDING_FEE update).
    this.emitAccountUpdate(
      account,
      'FUNDING_FEE',
      [{ asset, balanceChange: payment }],
      isolated ? [position] : [],
    );
  }

  /** Registers work to run after every command and process step. */
  onAfterCommand(hook: () => void): void {
    this.#afterCommand.push(hook);
  }

  readonly #afterCommand: (() => void)[] = [];

  // Orders -------------------------------------------------------------------------------------------

  placeOrder(account: Account, input: NewOrderInput): PlaceResult {
    this.assertTrading(input.symbol);
    return placeOrder(this, account, input);
  }

  /** The wire order object of `order` (see {@link orderToWire}). */
  orderView(
    order: OrderRecord,
    options: { readonly withTime?: boolean; readonly withCumQty?: boolean } = {},
  ): Order {
    return orderToWire(this.market(order.symbol), order, options);
  }

  cancelOrder(account: Account, symbol: string, ref: OrderRef): OrderRecord {
    return cancelOrder(this, account, symbol, ref);
  }

  cancelAllOrders(account: Account, symbol: string): OrderRecord[] {
    return cancelAllOrders(this, account, symbol);
  }

  modifyOrder(account: Account, input: ModifyOrderInput): OrderRecord {
    this.assertTrading(input.symbol);
    return modifyOrder(this, account, input);
  }

  /**
   * An order is about to be checked against or matched on `market`'s book: a replay that executes
   * prints without the book re-centres it first (see {@link BookKeeper}).
   */
  prepareBook(market: Market): void {
    for (const keeper of this.#bookKeepers) keeper.prepareBook(market.symbol);
  }

  /** Registers a process that brings books up to date when asked (see {@link prepareBook}). */
  addBookKeeper(keeper: BookKeeper): void {
    this.#bookKeepers.push(keeper);
  }

  /** Records a public trade (history, klines, last price) and queues it for the trade streams. */
  recordTrade(
    market: Market,
    priceTick: number,
    qtySteps: number,
    isBuyerMaker: boolean,
    takerSequence: number,
  ): Id {
    const tradeId = market.recordTrade(priceTick, qtySteps, isBuyerMaker, takerSequence, this.#now);
    this.algo.notePrice(market.symbol, 'CONTRACT_PRICE');
    this.outbox.trade({
      kind: 'trade',
      symbol: market.symbol,
      tradeId,
      priceTick,
      qtySteps,
      time: this.#now,
      isBuyerMaker,
      takerSequence,
    });
    return tradeId;
  }

  recordAmendment(
    account: Account,
    market: Market,
    order: OrderRecord,
    change: { priceBefore: string; priceAfter: string; qtyBefore: string; qtyAfter: string },
  ): void {
    account.addAmendment({
      amendmentId: this.tranIds.next(),
      symbol: market.symbol,
      orderId: order.orderId,
      clientOrderId: order.clientOrderId,
      time: this.#now,
      count: order.modifyCount,
      ...change,
    });
  }

  /**
   * After a position changed: reduce-only (and hedge closing) orders may never add up to more than
   * the position they close; the newest are expired first (expiry reason 4), as Binance does.
   */
  afterPositionChange(account: Account, symbol: string): void {
    if (account.system) return;
    const market = this.market(symbol);
    const open = [...account.openOrdersOf(symbol).values()];
    for (const side of account.sides()) {
      const closing = open.filter(
        (o) =>
          o.positionSide === side &&
          (side === 'BOTH' ? o.reduceOnly : (side === 'LONG') === (o.side === 'SELL')),
      );
      if (closing.length === 0) continue;
      const position = account.position(symbol, side).amount;
      for (const direction of ['BUY', 'SELL'] as const) {
        const reducing = direction === 'BUY' ? position.isNegative() : position.isPositive();
        let room = reducing ? Number(position.abs().div(market.stepSize, 0, 'down').units) : 0;
        const orders = closing
          .filter((o) => o.side === direction)
          .sort((a, b) => a.time - b.time || a.ref - b.ref);
        for (const order of orders) {
          const remaining = order.origQty - order.executedQty;
          if (remaining <= room) room -= remaining;
          else expireOrder(this, market, account, order, 'EXPIRED', 4, true);
        }
      }
    }
  }

  /** Ends a command: runs what follows every command, then delivers its events. */
  commit(): void {
    this.afterCommand();
    this.outbox.flush();
  }

  /** A delivering or delivered contract takes no orders: -4108. Unknown symbols fail later (-1121). */
  assertTrading(symbol: string): void {
    const status = this.markets.get(symbol)?.status;
    if (status !== undefined && status !== 'TRADING') throw apiError(-4108);
  }

  /** The market of `symbol`, or -1121 "Invalid symbol." */
  market(symbol: string): Market {
    const market = this.markets.get(symbol);
    if (market === undefined) throw apiError(-1121);
    return market;
  }

  // Accounts ---------------------------------------------------------------------------------------

  /** Opens an account; `balances` are deposited at once (asset → amount). */
  createAccount(
    options: { readonly system?: boolean; readonly balances?: Readonly<Record<string, string>> } = {},
  ): Account {
    const id = this.#nextAccountId++;
    const account = new Account(
      id,
      this.randomString(ALIAS_ALPHABET, 4),
      options.system ?? false,
      this.recordsPerAccount,
    );
    this.accounts.set(id, account);
    for (const [asset, amount] of Object.entries(options.balances ?? {})) {
      this.transfer(account, asset, Decimal.parse(amount), 'DEPOSIT');
    }
    return account;
  }

  /** Adds an API key to an account. HMAC keys get a generated secret unless one is given. */
  addApiKey(account: Account, key: KeySpec): ApiKeyRecord {
    const apiKey = key.apiKey ?? this.randomString(CLIENT_ID_ALPHABET, 64);
    if (this.keys.has(apiKey)) throw new Error(`API key ${apiKey.slice(0, 6)}… already exists`);
    const permissions = key.permissions ?? { read: true, trade: true };
    const record: ApiKeyRecord =
      key.type === 'HMAC'
        ? {
            apiKey,
            type: 'HMAC',
            secret: key.secret ?? this.randomString(CLIENT_ID_ALPHABET, 64),
            permissions,
          }
        : { apiKey, type: key.type, publicKey: key.publicKey, permissions };
    account.keys.set(apiKey, record);
    this.keys.set(apiKey, { account, key: record });
    return record;
  }

  /** Moves funds in or out of an account's wallet (admin deposits and withdrawals). */
  transfer(account: Account, asset: string, amount: Decimal, kind: 'DEPOSIT' | 'WITHDRAW'): void {
    if (!amount.isPositive()) throw apiError(-4055);
    if (kind === 'WITHDRAW') {
      const margins = this.marginsOf(account, asset);
      if (amount.gt(margins.maxWithdrawAmount)) throw apiError(-2018);
    }
    const change = kind === 'DEPOSIT' ? amount : amount.neg();
    this.changeWallet(account, asset, change);
    this.recordIncome(account, {
      incomeType: 'TRANSFER',
      income: change,
      asset,
      symbol: '',
      info: 'TRANSFER',
    });
    this.emitAccountUpdate(account, kind, [{ asset, balanceChange: change }], []);
  }

  /** Adds `change` to the wallet balance of `asset`. */
  changeWallet(account: Account, asset: string, change: Decimal): void {
    if (change.isZero()) return;
    account.wallets.set(asset, account.wallet(asset).add(change));
    account.walletUpdateTime.set(asset, this.#now);
  }

  recordIncome(
    account: Account,
    income: {
      incomeType: string;
      income: Decimal;
      asset: string;
      symbol: string;
      info: string;
      tradeId?: string;
    },
  ): void {
    if (account.system || income.income.isZero()) return;
    account.addIncome({
      symbol: income.symbol,
      incomeType: income.incomeType,
      income: income.income,
      asset: income.asset,
      info: income.info,
      time: this.#now,
      tranId: this.tranIds.next(),
      tradeId: income.tradeId ?? '',
    });
  }

  // Margin views -----------------------------------------------------------------------------------

  /** The positions of `account` whose margin asset is `asset`, as the margin maths needs them. */
  accountPositions(
    account: Account,
    asset: string,
  ): { readonly state: PositionState; readonly input: AccountPosition }[] {
    const rows: { state: PositionState; input: AccountPosition }[] = [];
    const seen = new Set<string>();
    const add = (symbol: string, side: PositionState['positionSide']): void => {
      const key = `${symbol}|${side}`;
      if (seen.has(key)) return;
      seen.add(key);
      const market = this.markets.get(symbol);
      if (market === undefined || market.spec.marginAsset !== asset) return;
      const state = account.position(symbol, side);
      const exposure = account.exposureOf(symbol, side);
      const settings = account.settingsFor(symbol);
      rows.push({
        state,
        input: {
          contract: market.contract,
          amount: state.amount,
          entryPrice: state.entryPrice,
          marginType: settings.marginType === 'ISOLATED' ? 'isolated' : 'cross',
          markPrice: market.markPrice,
          leverage: settings.leverage,
          brackets: market.brackets,
          isolatedWallet: state.isolatedWallet,
          bidValue: exposure.bidValue,
          askValue: exposure.askValue,
        },
      });
    };
    for (const p of account.positions.values()) if (!p.amount.isZero()) add(p.symbol, p.positionSide);
    for (const key of account.exposure.keys()) {
      const e = account.exposure.get(key)!;
      if (e.bidValue.isZero() && e.askValue.isZero()) continue;
      const [symbol, side] = key.split('|') as [string, PositionState['positionSide']];
      add(symbol, side);
    }
    return rows;
  }

  /** Wallet, margins and balances of one margin asset (§2.13 of the emulation reference). */
  marginsOf(account: Account, asset: string): AccountMargins {
    return accountMargins({
      walletBalance: account.wallet(asset),
      positions: this.accountPositions(account, asset).map((r) => r.input),
    });
  }

  /** The cross wallet balance of `asset`: the wallet minus every isolated wallet in that asset. */
  crossWalletBalance(account: Account, asset: string): Decimal {
    let isolated = Decimal.ZERO;
    for (const p of account.positions.values()) {
      if (!p.isolatedWallet.isZero() && this.markets.get(p.symbol)?.spec.marginAsset === asset) {
        isolated = isolated.add(p.isolatedWallet);
      }
    }
    return account.wallet(asset).sub(isolated);
  }

  // User-data events --------------------------------------------------------------------------------

  /** Emits ACCOUNT_UPDATE with the given balance changes and positions. */
  emitAccountUpdate(
    account: Account,
    reason: AccountUpdateReason,
    balances: readonly { readonly asset: string; readonly balanceChange: Decimal }[],
    positions: readonly PositionState[],
  ): void {
    if (account.system || !this.outbox.hasListeners) return;
    const B: AccountUpdateBalance[] = balances.map(({ asset, balanceChange }) => ({
      a: asset,
      wb: money(account.wallet(asset)),
      cw: money(this.crossWalletBalance(account, asset)),
      bc: money(balanceChange),
    }));
    const P: AccountUpdatePosition[] = positions.map((p) => this.positionUpdate(account, p));
    this.outbox.user(account.id, { e: 'ACCOUNT_UPDATE', E: this.#now, T: this.#now, a: { m: reason, B, P } });
  }

  /** One `P` row of ACCOUNT_UPDATE. */
  positionUpdate(account: Account, p: PositionState): AccountUpdatePosition {
    const market = this.market(p.symbol);
    const settings = account.settingsFor(p.symbol);
    const upnl = p.amount.isZero()
      ? Decimal.ZERO
      : this.marginsOfPosition(account, market, p).unrealizedProfit;
    const bep = breakEvenPrice(market.contract, p, p.openingCommission);
    return {
      s: p.symbol,
      pa: p.amount.toString(),
      ep: p.entryPrice.toString(),
      bep: (bep ?? Decimal.ZERO).toString(),
      cr: p.accumulatedRealized.toString(),
      up: upnl.toString(),
      mt: settings.marginType === 'ISOLATED' ? 'isolated' : 'cross',
      iw: p.isolatedWallet.toString(),
      ps: p.positionSide,
    };
  }

  marginsOfPosition(account: Account, market: Market, p: PositionState): AccountMargins['positions'][number] {
    const exposure = account.exposureOf(p.symbol, p.positionSide);
    const settings = account.settingsFor(p.symbol);
    return accountMargins({
      walletBalance: Decimal.ZERO,
      positions: [
        {
          contract: market.contract,
          amount: p.amount,
          entryPrice: p.entryPrice,
          marginType: settings.marginType === 'ISOLATED' ? 'isolated' : 'cross',
          markPrice: market.markPrice,
          leverage: settings.leverage,
          brackets: market.brackets,
          isolatedWallet: p.isolatedWallet,
          bidValue: exposure.bidValue,
          askValue: exposure.askValue,
        },
      ],
    }).positions[0]!;
  }

  // Randomness ---------------------------------------------------------------------------------------

  /** A random string (client order ids, listen keys, aliases) from the venue's seeded RNG. */
  randomString(alphabet: string, length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.rng.nextInt(alphabet.length)];
    return s;
  }

  /** A client order id as Binance generates them: 22 alphanumerics. */
  newClientOrderId(): string {
    return this.randomString(CLIENT_ID_ALPHABET, 22);
  }

  /** The account behind an id. */
  account(id: number): Account {
    const account = this.accounts.get(id);
    if (account === undefined) throw new Error(`no account ${id}`);
    return account;
  }

  nextTranId(): Id {
    return this.tranIds.next();
  }
}

/** Money as Binance prints it: 8 decimals. */
function money(value: Decimal): string {
  return value.round(8, 'down').toString();
}
