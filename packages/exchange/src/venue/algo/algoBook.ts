import type { WorkingType } from '@basis/core';
import { ApiError, apiError } from '../../api/apiError.js';
import { missingEither } from '../../api/params.js';
import type { Account } from '../account.js';
import { detachedString } from '../detachedString.js';
import { idKey } from '../idSequence.js';
import type { Market } from '../market.js';
import { emitOrderEvent } from '../orderEvents.js';
import { isOpen, type OrderRecord } from '../orderRecord.js';
import type { VenueProcess } from '../process.js';
import { boundOldest } from '../retention.js';
import type { Venue } from '../venue.js';
import type { AlgoOrderInput } from './algoInput.js';
import { type AlgoOrderRecord, childType, firesUpward, isOpenAlgo } from './algoRecord.js';
import {
  ALGO_SNAPSHOT_VERSION,
  type AlgoBookSnapshot,
  algoFromSnapshot,
  algoToSnapshot,
  asAlgoBookSnapshot,
} from './algoSnapshot.js';
import { algoUpdateEvent } from './algoViews.js';
import { checkAlgoOrder } from './checkAlgoOrder.js';
import { conditionalOrderRecord } from './conditionalOrders.js';
import { Heap } from './heap.js';
import { trail, trailingStopTick } from './trailing.js';
import { crosses, isLive, type Reading, readingOf, type TriggerEntry, TriggerIndex } from './triggerIndex.js';

/** Binance's limit on open conditional orders per account, across all symbols (changelog 2025-12-29). */
export const MAX_OPEN_ALGO_ORDERS = 200;

/**
 * Most triggers one `process()` call fires. Triggered orders trade and can trigger others, so the
 * cascade is bounded; what is left stays due and fires on the next call.
 */
export const MAX_FIRES_PER_PROCESS = 10_000;

const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;
/** §4 retention: unfilled CANCELED/EXPIRED orders vanish after 3 days, every order after 90. */
const UNFILLED_RETENTION_MS = 3 * DAY_MS;
const RETENTION_MS = 90 * DAY_MS;
/** allAlgoOrders: the window must be shorter than 7 days; by default the last 7 days. */
const HISTORY_WINDOW_MS = 7 * DAY_MS;

/** Options of an {@link AlgoBook}; the defaults are Binance's. */
export interface AlgoBookOptions {
  /** Open conditional orders per account (-4045 beyond). */
  readonly maxOpenPerAccount?: number;
  /** Triggers fired per `process()` call at most. */
  readonly maxFiresPerProcess?: number;
}

/** How a request names an algo order: by algoId (wins when both are sent) or clientAlgoId. */
export interface AlgoRef {
  readonly algoId?: bigint | undefined;
  readonly clientAlgoId?: string | undefined;
}

/** The filters of `GET /fapi/v1/allAlgoOrders`. */
export interface AlgoHistoryQuery {
  /** Orders with algoId ≥ this, oldest first; otherwise the newest of the time window. */
  readonly algoId?: bigint | undefined;
  readonly startTime?: number | undefined;
  readonly endTime?: number | undefined;
  /** 500 by default. */
  readonly limit?: number | undefined;
}

/** A trigger whose condition held, waiting for `process()`. */
interface DueTrigger {
  readonly algo: AlgoOrderRecord;
  /** When the condition held. */
  readonly time: number;
  /** The price event that made it hold (orders triggers within one millisecond). */
  readonly seq: number;
}

/** The algo orders of one account. */
class AccountAlgos {
  /** Every retained algo order by algoId. */
  readonly byId = new Map<bigint, AlgoOrderRecord>();
  /** The newest algo order per clientAlgoId. */
  readonly byClientId = new Map<string, AlgoOrderRecord>();
  /** The orders waiting for their trigger. */
  readonly open = new Map<bigint, AlgoOrderRecord>();
}

/** Waiting for its trigger, or triggered with its order still working: never forgotten. */
function isLiveAlgo(algo: AlgoOrderRecord): boolean {
  return isOpenAlgo(algo) || algo.status === 'TRIGGERING' || algo.status === 'TRIGGERED';
}

function byAlgoId(a: AlgoOrderRecord, b: AlgoOrderRecord): number {
  const x = idKey(a.algoId);
  const y = idKey(b.algoId);
  return x < y ? -1 : x > y ? 1 : 0;
}

function dueBefore(a: DueTrigger, b: DueTrigger): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.seq !== b.seq) return a.seq < b.seq;
  return idKey(a.algo.algoId) < idKey(b.algo.algoId);
}

function expiresBefore(a: AlgoOrderRecord, b: AlgoOrderRecord): boolean {
  if (a.goodTillDate !== b.goodTillDate) return a.goodTillDate < b.goodTillDate;
  return idKey(a.algoId) < idKey(b.algoId);
}

/**
 * Every account's conditional orders (STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET,
 * TRAILING_STOP_MARKET) as Binance's Algo Service keeps them since 2025-12-09: placed with Binance's
 * checks but no margin check, watched by per-symbol trigger indexes, and, once their condition holds,
 * sent to the matching engine as new LIMIT or MARKET orders through `venue.placeOrder`, which checks
 * margin then. ALGO_UPDATE reports every status: NEW → TRIGGERING → TRIGGERED → FINISHED, or
 * CANCELED, REJECTED (the placed order failed; `rm` says why) or EXPIRED (GTD, or nothing left to
 * close).
 *
 * The venue drives it: {@link AlgoBook.notePrice} whenever a symbol's last or mark price changes
 * (cheap: it only marks what crossed), then {@link AlgoBook.process} when the book is idle (after each
 * command and each time step), which fires what is due in a deterministic order.
 *
 * COIN-M serves both flows. Orders placed through `POST /dapi/v1/algoOrder` (the Algo Service since
 * the CM/UM integration of 2026-06-30) are algo orders exactly as on USD-M. Conditional orders still
 * placed through `POST /dapi/v1/order` (the pre-integration flow, `asOrder`) are watched by the same
 * book but are also ordinary order records (see `conditionalOrders.ts`): an orderId of their market,
 * ORDER_TRADE_UPDATE NEW / CANCELED / EXPIRED instead of ALGO_UPDATE, invisible to the algo
 * endpoints, and when one fires its record expires (`er` 8) and the order it stands for is placed
 * under the same orderId and client order id.
 */
export class AlgoBook implements VenueProcess {
  /** The venue whose markets it watches and where triggered orders are placed. */
  readonly venue: Venue;
  readonly #maxOpen: number;
  readonly #maxFires: number;
  readonly #accounts = new Map<number, AccountAlgos>();
  /** Trigger indexes by `symbol|workingType`. */
  readonly #indexes = new Map<string, TriggerIndex>();
  /** Orders whose condition holds but price protection holds them back, by symbol. */
  readonly #blocked = new Map<string, Set<AlgoOrderRecord>>();
  readonly #due = new Heap<DueTrigger>(dueBefore);
  readonly #expiries = new Heap<AlgoOrderRecord>(expiresBefore);
  /** TRIGGERED orders whose placed order is still open (FINISHED once it is not). */
  readonly #triggered = new Set<AlgoOrderRecord>();
  /** COIN-M: the open conditional orders placed as orders, by `accountId|symbol|orderId`. */
  readonly #byOrder = new Map<string, AlgoOrderRecord>();
  #eventSeq = 0;
  #nextPrune = 0;
  #processing = false;

  constructor(venue: Venue, options: AlgoBookOptions = {}) {
    this.venue = venue;
    this.#maxOpen = options.maxOpenPerAccount ?? MAX_OPEN_ALGO_ORDERS;
    this.#maxFires = options.maxFiresPerProcess ?? MAX_FIRES_PER_PROCESS;
  }

  // Commands ------------------------------------------------------------------------------------------

  /**
   * Places a conditional order (see `checkAlgoOrder` for the checks), rejecting with -4045 beyond the
   * account's open limit and -2021 when it would trigger at once: a STOP or TAKE_PROFIT whose
   * condition already holds, a trailing BUY activating at or above the latest price or a SELL at or
   * below it. Emits ALGO_UPDATE NEW. Nothing changes when a check fails.
   *
   * `asOrder` (COIN-M's `POST /dapi/v1/order`): the conditional order is also an ordinary order
   * record with an orderId of its market, reported by ORDER_TRADE_UPDATE (see the class comment).
   */
  place(
    account: Account,
    input: AlgoOrderInput,
    options: { readonly asOrder?: boolean } = {},
  ): AlgoOrderRecord {
    this.venue.assertTrading(input.symbol); // -4108 on a delivering or delivered quarterly
    const asOrder = options.asOrder === true;
    const algos = this.#of(account.id);
    const checked = checkAlgoOrder(this.venue, account, input, (id) => {
      // As an order, a client order id is unique among the open orders of the symbol, conditional or not.
      const existing = asOrder ? account.orders.byClientId(input.symbol, id) : algos.byClientId.get(id);
      return existing !== undefined && ('algoId' in existing ? isOpenAlgo(existing) : isOpen(existing));
    });
    if (algos.open.size >= this.#maxOpen) throw apiError(-4045);

    const market = checked.market;
    const reading = readingOf(market, checked.workingType);
    const trailing = input.type === 'TRAILING_STOP_MARKET';
    let triggerTick = checked.triggerTick;
    let activateTick = 0;
    let activated = false;
    let watermarkTick = 0;
    if (trailing) {
      const sell = input.side === 'SELL';
      const latest = sell ? reading.floor : reading.ceil;
      if (checked.activateTick === undefined) {
        // No activation price: active at once, trailing from the latest price.
        activateTick = latest;
        activated = true;
        watermarkTick = latest;
        triggerTick = trailingStopTick(input.side, latest, checked.callbackRate!);
      } else {
        activateTick = checked.activateTick;
        if (crosses(reading, activateTick, sell)) throw apiError(-2021);
      }
    } else if (crosses(reading, triggerTick, firesUpward(input.type, input.side))) {
      throw apiError(-2021);
    }

    const now = this.venue.now;
    const algo: AlgoOrderRecord = {
      algoId: this.venue.algoIds.next(),
      orderId: asOrder ? market.orderIds.next() : undefined,
      clientAlgoId:
        checked.clientAlgoId === undefined
          ? this.venue.newClientOrderId()
          : detachedString(checked.clientAlgoId),
      accountId: account.id,
      symbol: input.symbol,
      side: input.side,
      positionSide: checked.positionSide,
      orderType: input.type,
      timeInForce: checked.timeInForce,
      qtySteps: checked.qtySteps,
      triggerTick,
      priceTick: checked.priceTick,
      priceMatch: checked.priceMatch,
      workingType: checked.workingType,
      priceProtect: checked.priceProtect,
      reduceOnly: checked.reduceOnly,
      closePosition: checked.closePosition,
      activateTick,
      callbackRate: checked.callbackRate,
      activated,
      watermarkTick,
      selfTradePreventionMode: checked.selfTradePreventionMode,
      goodTillDate: checked.goodTillDate,
      createTime: now,
      status: 'NEW',
      updateTime: now,
      triggerTime: 0,
      actualOrderId: undefined,
      actualOrder: undefined,
      actualType: '',
      actualQtySteps: 0,
      actualCumQuote: undefined,
      actualFillValue: undefined,
      reason: '',
      version: 0,
    };
    this.#register(algos, algo);
    boundOldest(algos.byId, account.recordLimit, isLiveAlgo, (key, gone) => this.#forget(algos, key, gone));
    this.#arm(algo);
    if (algo.goodTillDate > 0) this.#expiries.push(algo);
    this.#emit(account, market, algo);
    if (algo.orderId !== undefined) {
      const order = conditionalOrderRecord(market, algo, algo.orderId);
      account.indexOrder(order);
      this.#byOrder.set(orderKey(order), algo);
      emitOrderEvent(this.venue, market, account, order, 'NEW');
    }
    return algo;
  }

  /** COIN-M: the order record a conditional order is (the order it placed, once triggered). */
  orderOf(algo: AlgoOrderRecord): OrderRecord | undefined {
    if (algo.orderId === undefined) return undefined;
    return this.venue.accounts.get(algo.accountId)?.orders.byId(algo.symbol, algo.orderId);
  }

  /** COIN-M: cancels a conditional order by its order record; -2011 when it no longer waits. */
  cancelOrder(account: Account, order: OrderRecord): void {
    const algo = this.#byOrder.get(orderKey(order));
    if (algo === undefined || !isOpenAlgo(algo)) throw apiError(-2011);
    this.#end(account, algo, 'CANCELED');
  }

  /**
   * COIN-M: cancels the account's conditional orders placed as orders on `symbol` (what
   * `allOpenOrders` and the countdown cancel beside the book's orders); returns their records. Algo
   * orders are canceled through their own endpoints (nothing on USD-M).
   */
  cancelOrders(account: Account, symbol: string): OrderRecord[] {
    this.venue.market(symbol);
    const records = this.#openOf(account, symbol, 'orders').map((algo) => {
      const order = this.orderOf(algo);
      this.#end(account, algo, 'CANCELED');
      return order;
    });
    return records.filter((o) => o !== undefined);
  }

  /** COIN-M: the records of the account's conditional orders placed as orders, waiting for their trigger. */
  openOrders(account: Account, symbol?: string): OrderRecord[] {
    return this.#openOf(account, symbol, 'orders')
      .map((algo) => this.orderOf(algo))
      .filter((o) => o !== undefined);
  }

  /** Cancels an open algo order: ALGO_UPDATE CANCELED; -2011 "Unknown order sent." otherwise. */
  cancel(account: Account, ref: AlgoRef): AlgoOrderRecord {
    const algo = this.#find(account, ref);
    if (algo === undefined || !isOpenAlgo(algo)) throw apiError(-2011);
    this.#end(account, algo, 'CANCELED');
    return algo;
  }

  /**
   * Cancels every open algo order of the account on `symbol` (oldest first; `DELETE algoOpenOrders`);
   * returns them. COIN-M's conditional orders placed as orders stay (see {@link cancelOrders}).
   */
  cancelAlgos(account: Account, symbol: string): AlgoOrderRecord[] {
    this.venue.market(symbol);
    const canceled = this.open(account, symbol);
    for (const algo of canceled) this.#end(account, algo, 'CANCELED');
    return canceled;
  }

  /**
   * Cancels every open conditional order of the account on `symbol`, algo orders and COIN-M's
   * conditional orders placed as orders alike (liquidation, delivery), oldest first; returns them.
   */
  cancelAll(account: Account, symbol: string): AlgoOrderRecord[] {
    this.venue.market(symbol);
    const canceled = this.#openOf(account, symbol, 'all');
    for (const algo of canceled) this.#end(account, algo, 'CANCELED');
    return canceled;
  }

  // Queries --------------------------------------------------------------------------------------------

  /** The algo order named by `ref`, in any status while retained; -2013 "Order does not exist." */
  get(account: Account, ref: AlgoRef): AlgoOrderRecord {
    const algo = this.#find(account, ref);
    if (algo === undefined || !this.#retained(algo, this.venue.now)) throw apiError(-2013);
    return algo;
  }

  /**
   * The account's algo orders waiting for their trigger, on `symbol` or all symbols, by algoId
   * (`openAlgoOrders`: COIN-M's conditional orders placed as orders are not among them).
   */
  open(account: Account, symbol?: string): AlgoOrderRecord[] {
    return this.#openOf(account, symbol, 'algos');
  }

  /** The open conditional orders of the account of one flow (or both), by algoId. */
  #openOf(account: Account, symbol: string | undefined, flow: 'algos' | 'orders' | 'all'): AlgoOrderRecord[] {
    const open = this.#accounts.get(account.id)?.open;
    if (open === undefined) return [];
    const rows = [...open.values()].filter(
      (a) =>
        (symbol === undefined || a.symbol === symbol) &&
        (flow === 'all' || (flow === 'orders') === (a.orderId !== undefined)),
    );
    return rows.sort(byAlgoId);
  }

  /** How many algo orders of the account wait for their trigger (on `symbol`, or in all). */
  openCount(account: Account, symbol?: string): number {
    const open = this.#accounts.get(account.id)?.open;
    if (open === undefined) return 0;
    if (symbol === undefined) return open.size;
    let n = 0;
    for (const a of open.values()) if (a.symbol === symbol) n++;
    return n;
  }

  /**
   * `GET /fapi/v1/allAlgoOrders`: the retained algo orders of `symbol`, oldest first. With `algoId`,
   * the first `limit` from that id; otherwise the newest `limit` created in the window (default the
   * last 7 days; -1023 when start > end, -4165 when it spans 7 days or more).
   */
  history(account: Account, symbol: string, query: AlgoHistoryQuery = {}): AlgoOrderRecord[] {
    this.venue.market(symbol);
    const now = this.venue.now;
    const limit = query.limit ?? 500;
    let start = query.startTime;
    let end = query.endTime;
    if (start !== undefined && end !== undefined) {
      if (start > end) throw apiError(-1023);
      if (end - start >= HISTORY_WINDOW_MS) throw apiError(-4165, ['7']);
    } else if (start !== undefined) {
      end = start + HISTORY_WINDOW_MS - 1;
    } else if (end !== undefined) {
      start = end - HISTORY_WINDOW_MS + 1;
    } else if (query.algoId === undefined) {
      start = now - HISTORY_WINDOW_MS + 1;
      end = now;
    }
    const all = this.#accounts.get(account.id)?.byId.values() ?? [];
    const rows = [...all]
      .filter(
        (a) =>
          a.symbol === symbol &&
          a.orderId === undefined &&
          this.#retained(a, now) &&
          (query.algoId === undefined || idKey(a.algoId) >= query.algoId) &&
          (start === undefined || a.createTime >= start) &&
          (end === undefined || a.createTime <= end),
      )
      .sort(byAlgoId);
    return query.algoId !== undefined ? rows.slice(0, limit) : rows.slice(Math.max(0, rows.length - limit));
  }

  /** The earliest GTD expiry of an open algo order, for the venue's scheduler. */
  nextExpiry(): number | undefined {
    for (;;) {
      const top = this.#expiries.peek();
      if (top === undefined) return undefined;
      if (isOpenAlgo(top)) return top.goodTillDate;
      this.#expiries.pop();
    }
  }

  // Hooks ----------------------------------------------------------------------------------------------

  /**
   * {@link VenueProcess}: when the book next needs to run on its own: the earliest GTD expiry, or now
   * while triggers are due (a capped `process()` left some). `Infinity` when idle.
   */
  nextDue(): number {
    if (this.#processing) return Number.POSITIVE_INFINITY;
    if (this.pending > 0) return this.venue.now;
    return this.nextExpiry() ?? Number.POSITIVE_INFINITY;
  }

  /** {@link VenueProcess}: runs what is due (see {@link AlgoBook.process}). */
  run(_time: number): void {
    this.process();
  }

  /**
   * The last trade price (CONTRACT_PRICE) or the mark price (MARK_PRICE) of `symbol` changed: marks
   * every order whose condition now holds as due and moves trailing watermarks. Fires nothing (safe to
   * call from inside matching). O((k + 1) log n) for k orders crossed, plus the few orders held back
   * by price protection, which any price change of the symbol re-examines.
   */
  notePrice(symbol: string, kind: WorkingType): void {
    // Called on every print: nothing to look up while no conditional order was ever placed.
    if (this.#indexes.size === 0 && this.#blocked.size === 0) return;
    const index = this.#indexes.get(`${symbol}|${kind}`);
    // Before a symbol's first trade its "last price" is the mark, so a mark change moves both.
    const alsoContract =
      kind === 'MARK_PRICE' && Number.isNaN(this.venue.markets.get(symbol)?.lastPriceTick ?? 0)
        ? this.#indexes.get(`${symbol}|CONTRACT_PRICE`)
        : undefined;
    const blocked = this.#blocked.get(symbol);
    if (index === undefined && alsoContract === undefined && (blocked === undefined || blocked.size === 0))
      return;
    const market = this.venue.market(symbol);
    this.#eventSeq++;
    if (index !== undefined) this.#popCrossed(market, index, kind);
    if (alsoContract !== undefined) this.#popCrossed(market, alsoContract, 'CONTRACT_PRICE');
    if (blocked !== undefined && blocked.size > 0) this.#recheckBlocked(market, blocked);
  }

  /**
   * Runs everything due, when the order book is idle: expires GTD algo orders whose time has come,
   * fires every due trigger in order of trigger time, then price event, then algoId (each as a new
   * order through `venue.placeOrder`: see `#fire`), re-reads the last price after each
   * (its trades may trigger more), and reports FINISHED for triggered orders whose placed order is
   * done. Stops after {@link MAX_FIRES_PER_PROCESS} triggers; the rest stay due. Returns how many
   * fired. A nested call (from inside a fire) does nothing and returns 0.
   */
  process(): number {
    if (this.#processing) return 0;
    this.#processing = true;
    try {
      const now = this.venue.now;
      this.#expireDue(now);
      let fired = 0;
      while (fired < this.#maxFires) {
        const due = this.#due.pop();
        if (due === undefined) break;
        if (!isOpenAlgo(due.algo)) continue;
        this.#fire(due);
        fired++;
        this.notePrice(due.algo.symbol, 'CONTRACT_PRICE');
      }
      this.#finishTriggered();
      this.#prune(now);
      return fired;
    } finally {
      this.#processing = false;
    }
  }

  /** How many triggers are due and not yet fired. */
  get pending(): number {
    let n = 0;
    for (const d of this.#due.values()) if (isOpenAlgo(d.algo)) n++;
    return n;
  }

  // Snapshots ------------------------------------------------------------------------------------------

  /** The book's state as plain JSON (see {@link AlgoBookSnapshot}). */
  snapshot(): AlgoBookSnapshot {
    const orders: AlgoOrderRecord[] = [];
    for (const algos of this.#accounts.values()) orders.push(...algos.byId.values());
    orders.sort(byAlgoId);
    // Canonical order, so equal states give equal snapshots whatever the heaps' layout.
    const due = [...this.#due.values()]
      .filter((d) => isOpenAlgo(d.algo))
      .sort((a, b) => (dueBefore(a, b) ? -1 : dueBefore(b, a) ? 1 : 0))
      .map((d) => ({ algoId: String(d.algo.algoId), time: d.time, seq: d.seq }));
    const held: AlgoOrderRecord[] = [];
    for (const set of this.#blocked.values()) held.push(...set);
    const blocked = held.sort(byAlgoId).map((a) => String(a.algoId));
    return {
      version: ALGO_SNAPSHOT_VERSION,
      eventSeq: this.#eventSeq,
      nextPrune: this.#nextPrune,
      orders: orders.map(algoToSnapshot),
      due,
      blocked,
      indexes: [...this.#indexes.keys()],
    };
  }

  /**
   * Replaces the book's state with a snapshot. The venue's accounts and orders must be restored first:
   * triggered algo orders find the orders they placed there.
   */
  restore(data: unknown): void {
    const snapshot = asAlgoBookSnapshot(data);
    this.#accounts.clear();
    this.#indexes.clear();
    this.#blocked.clear();
    this.#due.retain(() => false);
    this.#expiries.retain(() => false);
    this.#triggered.clear();
    this.#byOrder.clear();
    this.#eventSeq = snapshot.eventSeq;
    this.#nextPrune = snapshot.nextPrune;
    for (const key of snapshot.indexes ?? []) this.#indexes.set(key, new TriggerIndex());
    const byId = new Map<string, AlgoOrderRecord>();
    for (const row of snapshot.orders) {
      const algo = algoFromSnapshot(row);
      byId.set(row.algoId, algo);
      this.#register(this.#of(algo.accountId), algo);
      if (algo.actualOrderId !== undefined) {
        algo.actualOrder = this.venue.accounts
          .get(algo.accountId)
          ?.orders.byId(algo.symbol, algo.actualOrderId);
      }
      if (algo.status === 'TRIGGERED') this.#triggered.add(algo);
      if (isOpenAlgo(algo) && algo.goodTillDate > 0) this.#expiries.push(algo);
      if (isOpenAlgo(algo) && algo.orderId !== undefined) {
        this.#byOrder.set(`${algo.accountId}|${algo.symbol}|${String(algo.orderId)}`, algo);
      }
    }
    const held = new Set<AlgoOrderRecord>();
    for (const d of snapshot.due) {
      const algo = byId.get(d.algoId);
      if (algo === undefined) continue;
      held.add(algo);
      this.#due.push({ algo, time: d.time, seq: d.seq });
    }
    for (const id of snapshot.blocked) {
      const algo = byId.get(id);
      if (algo === undefined) continue;
      held.add(algo);
      this.#blockedOf(algo.symbol).add(algo);
    }
    for (const algo of byId.values()) if (isOpenAlgo(algo) && !held.has(algo)) this.#arm(algo);
  }

  // Firing ---------------------------------------------------------------------------------------------

  /**
   * Fires one algo order: TRIGGERING, then a new order through `venue.placeOrder` with the `internal`
   * fields (origType = the algo type, stopPrice = the trigger price as printed, workingType,
   * priceProtect, closePosition): STOP and TAKE_PROFIT as a LIMIT at their price (or priceMatch) and
   * time in force, the others as a MARKET; closePosition sends the whole position on the closing side,
   * reduce-only, or EXPIRES when there is none. The placed order keeps the clientAlgoId as its client
   * order id. TRIGGERED when accepted (FINISHED at once when already done); REJECTED with `rm` = the
   * error message when placement throws an ApiError (e.g. -2019 margin, -2022 reduce-only).
   */
  #fire(due: DueTrigger): void {
    const algo = due.algo;
    const account = this.venue.account(algo.accountId);
    const market = this.venue.market(algo.symbol);
    const conditional = this.orderOf(algo);
    this.#close(account, algo);
    algo.status = 'TRIGGERING';
    algo.triggerTime = due.time;
    algo.updateTime = this.venue.now;
    this.#emit(account, market, algo);
    // COIN-M: the conditional order expires ("initial order expired after stop triggered").
    if (conditional !== undefined) this.#endOrder(account, market, conditional, 'EXPIRED', 8);

    let quantity = market.qtyOf(algo.qtySteps);
    if (algo.closePosition) {
      const position = account.position(algo.symbol, algo.positionSide).amount;
      const closable = algo.side === 'SELL' ? position.isPositive() : position.isNegative();
      if (!closable) {
        this.#settle(account, market, algo, 'EXPIRED', 'No position to close.');
        return;
      }
      quantity = position.abs();
    }
    const type = childType(algo.orderType);
    try {
      const placed = this.venue.placeOrder(account, {
        symbol: algo.symbol,
        side: algo.side,
        positionSide: account.dualSidePosition ? algo.positionSide : undefined,
        type,
        timeInForce:
          type === 'LIMIT' ? (algo.timeInForce === 'GTE_GTC' ? 'GTC' : algo.timeInForce) : undefined,
        quantity,
        price: type === 'LIMIT' && algo.priceMatch === 'NONE' ? market.priceOf(algo.priceTick) : undefined,
        reduceOnly: algo.reduceOnly,
        newClientOrderId: algo.clientAlgoId,
        newOrderRespType: 'ACK',
        priceMatch: type === 'LIMIT' && algo.priceMatch !== 'NONE' ? algo.priceMatch : undefined,
        selfTradePreventionMode: algo.selfTradePreventionMode,
        goodTillDate: algo.goodTillDate > 0 ? algo.goodTillDate : undefined,
        internal: {
          origType: algo.orderType,
          stopPrice: market.formatPrice(algo.triggerTick),
          workingType: algo.workingType,
          priceProtect: algo.priceProtect,
          closePosition: algo.closePosition,
          ...(conditional === undefined
            ? {}
            : {
                orderId: conditional.orderId,
                time: conditional.time,
                ...(conditional.trailing === undefined ? {} : { trailing: conditional.trailing }),
              }),
        },
      });
      algo.actualOrder = placed.order;
      algo.actualOrderId = placed.order.orderId;
      algo.actualType = type;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.#settle(account, market, algo, 'REJECTED', error.msg);
      return;
    }
    this.#sync(algo);
    algo.status = 'TRIGGERED';
    algo.updateTime = this.venue.now;
    this.#emit(account, market, algo);
    if (isOpen(algo.actualOrder)) this.#triggered.add(algo);
    else this.#settle(account, market, algo, 'FINISHED', '');
  }

  /** Reports FINISHED for triggered orders whose placed order reached a final state. */
  #finishTriggered(): void {
    if (this.#triggered.size === 0) return;
    const done = [...this.#triggered]
      .filter((a) => a.actualOrder === undefined || !isOpen(a.actualOrder))
      .sort(byAlgoId);
    for (const algo of done) {
      this.#triggered.delete(algo);
      this.#sync(algo);
      this.#settle(this.venue.account(algo.accountId), this.venue.market(algo.symbol), algo, 'FINISHED', '');
    }
  }

  /** Ends an algo order in `status` (after TRIGGERING) and reports it. */
  #settle(
    account: Account,
    market: Market,
    algo: AlgoOrderRecord,
    status: 'FINISHED' | 'REJECTED' | 'EXPIRED',
    reason: string,
  ): void {
    algo.status = status;
    algo.reason = reason;
    algo.updateTime = this.venue.now;
    this.#emit(account, market, algo);
  }

  /** Expires open GTD algo orders whose goodTillDate has come. */
  #expireDue(now: number): void {
    for (;;) {
      const top = this.#expiries.peek();
      if (top === undefined || top.goodTillDate > now) return;
      this.#expiries.pop();
      if (isOpenAlgo(top)) this.#end(this.venue.account(top.accountId), top, 'EXPIRED');
    }
  }

  // Triggers -------------------------------------------------------------------------------------------

  /** Wakes every live entry of `index` that the current `kind` price crosses. */
  #popCrossed(market: Market, index: TriggerIndex, kind: WorkingType): void {
    const reading = readingOf(market, kind);
    const crossed: TriggerEntry[] = [];
    index.popCrossed(reading, crossed);
    for (const entry of crossed) {
      // An earlier entry of the same order in this batch may have replaced this one.
      if (isLive(entry)) this.#wake(entry, market, reading);
    }
  }

  /** Puts an open algo order's entries (replacing any older ones) into its trigger index. */
  #arm(algo: AlgoOrderRecord): void {
    algo.version++;
    const key = `${algo.symbol}|${algo.workingType}`;
    let index = this.#indexes.get(key);
    if (index === undefined) {
      index = new TriggerIndex();
      this.#indexes.set(key, index);
    }
    const version = algo.version;
    if (algo.orderType === 'TRAILING_STOP_MARKET') {
      const sell = algo.side === 'SELL';
      if (!algo.activated) {
        index.add({ key: algo.activateTick, algo, version, raise: true }, sell);
      } else {
        // Wake on a new extreme (to move the watermark) or on the stop level (to fire).
        const extreme = sell ? algo.watermarkTick + 1 : algo.watermarkTick - 1;
        index.add({ key: extreme, algo, version, raise: true }, sell);
        index.add({ key: algo.triggerTick, algo, version, raise: false }, !sell);
      }
    } else {
      index.add(
        { key: algo.triggerTick, algo, version, raise: false },
        firesUpward(algo.orderType, algo.side),
      );
    }
  }

  /** A live entry was crossed: move a trailing watermark, or the condition holds. */
  #wake(entry: TriggerEntry, market: Market, reading: Reading): void {
    const algo = entry.algo;
    if (entry.raise) {
      trail(algo, reading);
      this.#arm(algo);
      return;
    }
    this.#conditionHolds(algo, market);
  }

  /** The condition holds: due now, unless price protection holds it back. */
  #conditionHolds(algo: AlgoOrderRecord, market: Market): void {
    algo.version++; // its other entries are dead now
    if (algo.priceProtect && !protectAllows(market)) {
      this.#blockedOf(algo.symbol).add(algo);
      return;
    }
    this.#due.push({ algo, time: this.venue.now, seq: this.#eventSeq });
  }

  /**
   * Orders held back by price protection: due once protection allows, re-armed when their condition
   * no longer holds; trailing watermarks keep moving meanwhile.
   */
  #recheckBlocked(market: Market, blocked: Set<AlgoOrderRecord>): void {
    for (const algo of [...blocked].sort(byAlgoId)) {
      if (!isOpenAlgo(algo)) {
        blocked.delete(algo);
        continue;
      }
      const reading = readingOf(market, algo.workingType);
      if (algo.orderType === 'TRAILING_STOP_MARKET') trail(algo, reading);
      if (!crosses(reading, algo.triggerTick, firesUpward(algo.orderType, algo.side))) {
        blocked.delete(algo);
        this.#arm(algo);
      } else if (protectAllows(market)) {
        blocked.delete(algo);
        this.#due.push({ algo, time: this.venue.now, seq: this.#eventSeq });
      }
    }
  }

  #blockedOf(symbol: string): Set<AlgoOrderRecord> {
    let set = this.#blocked.get(symbol);
    if (set === undefined) {
      set = new Set();
      this.#blocked.set(symbol, set);
    }
    return set;
  }

  // Bookkeeping ----------------------------------------------------------------------------------------

  #of(accountId: number): AccountAlgos {
    let algos = this.#accounts.get(accountId);
    if (algos === undefined) {
      algos = new AccountAlgos();
      this.#accounts.set(accountId, algos);
    }
    return algos;
  }

  #register(algos: AccountAlgos, algo: AlgoOrderRecord): void {
    const key = idKey(algo.algoId);
    algos.byId.set(key, algo);
    // A conditional order placed as an order is found by its client order id among the orders.
    if (algo.orderId === undefined) algos.byClientId.set(algo.clientAlgoId, algo);
    if (isOpenAlgo(algo)) algos.open.set(key, algo);
  }

  /** The algo order `ref` names; COIN-M's conditional orders placed as orders are not algo orders. */
  #find(account: Account, ref: AlgoRef): AlgoOrderRecord | undefined {
    const algos = this.#accounts.get(account.id);
    let algo: AlgoOrderRecord | undefined;
    if (ref.algoId !== undefined) algo = algos?.byId.get(ref.algoId);
    else if (ref.clientAlgoId !== undefined) algo = algos?.byClientId.get(ref.clientAlgoId);
    else throw missingEither('algoId', 'clientAlgoId');
    return algo?.orderId === undefined ? algo : undefined;
  }

  /** Takes an algo order out of the open set and the trigger indexes. */
  #close(account: Account, algo: AlgoOrderRecord): void {
    this.#accounts.get(account.id)?.open.delete(idKey(algo.algoId));
    if (algo.orderId !== undefined) {
      this.#byOrder.delete(`${algo.accountId}|${algo.symbol}|${String(algo.orderId)}`);
    }
    this.#blocked.get(algo.symbol)?.delete(algo);
    algo.version++;
  }

  /** Ends an open algo order without triggering it (CANCELED by the user, EXPIRED by GTD). */
  #end(account: Account, algo: AlgoOrderRecord, status: 'CANCELED' | 'EXPIRED'): void {
    const order = this.orderOf(algo);
    this.#close(account, algo);
    algo.status = status;
    algo.updateTime = this.venue.now;
    const market = this.venue.market(algo.symbol);
    this.#emit(account, market, algo);
    if (order !== undefined) this.#endOrder(account, market, order, status, status === 'EXPIRED' ? 6 : 0);
  }

  /** COIN-M: ends the order record of a conditional order and reports it (ORDER_TRADE_UPDATE). */
  #endOrder(
    account: Account,
    market: Market,
    order: OrderRecord,
    status: 'CANCELED' | 'EXPIRED',
    expireReason: number,
  ): void {
    order.status = status;
    order.expireReason = expireReason;
    order.updateTime = this.venue.now;
    emitOrderEvent(this.venue, market, account, order, status);
  }

  /** Copies the placed order's fills onto the algo order (kept when the venue forgets the order). */
  #sync(algo: AlgoOrderRecord): void {
    const order = algo.actualOrder;
    if (order === undefined) return;
    algo.actualQtySteps = order.executedQty;
    algo.actualCumQuote = order.cumQuote;
    algo.actualFillValue = order.fillValue;
  }

  /** §4 retention: unfilled ended orders for 3 days, every order for 90 days, live ones always. */
  #retained(algo: AlgoOrderRecord, now: number): boolean {
    if (isLiveAlgo(algo)) return true;
    const age = now - algo.createTime;
    if (age > RETENTION_MS) return false;
    const filled = (algo.actualOrder?.executedQty ?? algo.actualQtySteps) > 0;
    return filled || age <= UNFILLED_RETENTION_MS;
  }

  /** Forgets what retention no longer shows, at most once an hour of venue time. */
  #prune(now: number): void {
    if (now < this.#nextPrune) return;
    this.#nextPrune = now + PRUNE_EVERY_MS;
    for (const algos of this.#accounts.values()) {
      for (const [key, algo] of algos.byId) {
        if (!this.#retained(algo, now)) this.#forget(algos, key, algo);
      }
    }
  }

  #forget(algos: AccountAlgos, key: bigint, algo: AlgoOrderRecord): void {
    algos.byId.delete(key);
    if (algos.byClientId.get(algo.clientAlgoId) === algo) algos.byClientId.delete(algo.clientAlgoId);
  }

  #emit(account: Account, market: Market, algo: AlgoOrderRecord): void {
    // Conditional orders placed as orders (COIN-M's `/dapi/v1/order`) report as orders only.
    if (algo.orderId !== undefined || account.system || !this.venue.outbox.hasListeners) return;
    this.venue.outbox.user(account.id, algoUpdateEvent(market, algo, this.venue.now));
  }
}

/** The key of an order record in the COIN-M index of conditional orders. */
function orderKey(order: OrderRecord): string {
  return `${order.accountId}|${order.symbol}|${String(order.orderId)}`;
}

/** Price protection: the trigger waits while |mark − last| / mark exceeds the symbol's triggerProtect. */
export function protectAllows(market: Market): boolean {
  const mark = market.markPrice;
  if (!mark.isPositive()) return true;
  const gap = mark.sub(market.lastPrice()).abs();
  return gap.lte(mark.mul(market.triggerProtect));
}
