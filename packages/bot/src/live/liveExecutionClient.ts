import {
  type AlgoOrderType,
  Decimal,
  type MarginType,
  RecentMap,
  type ResponseOrderType,
  type TimerHandle,
  type UserDataEvent,
} from '@basis/core';
import {
  type AccountChange,
  type AlgoOrderView,
  type Client,
  createUserDataStream,
  type OrderView,
  setMarginType,
  type TradeView,
  type UserDataStream,
  type UserDataStreamEvent,
  type UserDataStreamOptions,
} from '@basis/sdk';
import type { FeedHealth } from '../data/feedHealth.js';
import type {
  AccountSnapshot,
  ExecutionClient,
  ExecutionEvent,
  ExecutionSink,
  NormalizedAlgoOrder,
  NormalizedModify,
  NormalizedOrder,
} from '../execution/executionClient.js';
import type { AlgoUpdate, Fill, OrderRejected, OrderUpdate } from '../strategy/events.js';
import { withTimeout } from './liveDataClient.js';
import { type LiveProduct, liveProduct } from './liveProduct.js';

/** How a {@link LiveExecutionClient} is set up. */
export interface LiveExecutionClientOptions {
  /** The symbols traded: read back from REST after a user-data gap (default: those the account touches). */
  readonly symbols?: readonly string[];
  /** The run's accounting asset (the quote asset, or the COIN-M margin coin): a fill's fee asset when the venue omits it. */
  readonly quoteAsset?: string;
  /** Options of the SDK's user-data stream (backoff, watchdog, lookback, ...). */
  readonly userData?: Omit<UserDataStreamOptions, 'onEvent' | 'symbols'>;
  /**
   * On stop, read the account back from REST once more (as after a gap), so that no fill of the run
   * is missing from the record (default true).
   */
  readonly finalReconcile?: boolean;
  /**
   * Binance's dead-man switch (`countdownCancelAll`) on each of `symbols`, ms: armed at start,
   * refreshed every third of it while the client runs, disarmed by `stop`. Should the process die or
   * lose the exchange for this long, Binance cancels those symbols' open orders. 0 leaves it off
   * (default).
   */
  readonly deadManSwitchMs?: number;
  /** How long `stop` and `sync` wait for commands in flight and the read-back, ms (default 10000). */
  readonly stopTimeoutMs?: number;
  /** Stream life-cycle lines (gaps, read-backs) and commands whose outcome stayed unknown. */
  readonly log?: (line: string) => void;
  /** The product's actions (default: the client's market's). */
  readonly product?: LiveProduct;
}

/** Orders whose client order id is remembered (a few MB; a quoting bot places tens of thousands an hour). */
export const CLIENT_IDS_KEPT = 50_000;

/** Binance's code of an SDK error: its `code`, else a validation error's `binanceCode`, else -1000. */
function codeOf(error: unknown): number {
  if (typeof error === 'object' && error !== null) {
    const { code, binanceCode } = error as { code?: unknown; binanceCode?: unknown };
    if (typeof code === 'number') return code;
    if (typeof binanceCode === 'number') return binanceCode;
    if (typeof code === 'string' && /^-?\d+$/.test(code)) return Number(code);
  }
  return -1000;
}

function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { msg, shortMessage } = error as { msg?: unknown; shortMessage?: unknown };
    if (typeof msg === 'string') return msg;
    if (typeof shortMessage === 'string') return shortMessage;
  }
  return error instanceof Error ? error.message : String(error);
}

/** An unknown outcome (the SDK could not learn whether the request took effect). */
function isUnknownOutcome(error: unknown): boolean {
  const name = (error as { name?: unknown } | undefined)?.name;
  return name === 'UnknownOrderStatusError' || name === 'UnknownOutcomeError';
}

function executionOf(order: OrderView): OrderUpdate['execution'] {
  switch (order.status) {
    case 'NEW':
      return 'NEW';
    case 'PARTIALLY_FILLED':
    case 'FILLED':
      return 'TRADE';
    case 'CANCELED':
      return 'CANCELED';
    default:
      return 'EXPIRED';
  }
}

/** The user-data stream's status as a feed state. */
const USER_DATA_FEED_STATE: Readonly<Record<UserDataStream['status'], FeedHealth['state']>> = {
  idle: 'connecting',
  starting: 'connecting',
  live: 'live',
  recovering: 'reconnecting',
  stopped: 'closed',
};

/**
 * The execution client of a venue reached through `@basis/sdk`: commands go through the SDK's
 * actions (filter validation, client order ids, reconciliation of unknown outcomes), one symbol's
 * commands in the order the strategy gave them; what happens to the account comes back from the
 * SDK's user-data stream, whose changes (live, and `reconciled` after a gap) are each reported
 * once and mapped to the kernel's events. A refused command is a `rejected` event with Binance's code.
 */
export class LiveExecutionClient implements ExecutionClient {
  readonly #client: Client;
  readonly #options: LiveExecutionClientOptions;
  readonly #product: LiveProduct;
  readonly #quoteAsset: string;
  readonly #log: (line: string) => void;
  /**
   * `symbol:orderId` → client order id (fills read back from REST carry only the order id), for the
   * last {@link CLIENT_IDS_KEPT} orders: a fill read back for an older one takes its id from the
   * order's own change that follows it, else is reported with the order id only.
   */
  readonly #clientIds = new RecentMap<string, string>(CLIENT_IDS_KEPT);
  /** Read-back fills whose order has not been seen yet, by `symbol:orderId`. */
  readonly #orphans = new Map<string, TradeView[]>();
  /** Per symbol, the tail of its command chain. */
  readonly #chains = new Map<string, Promise<void>>();
  readonly #inflight = new Set<Promise<void>>();
  /** The last wallet balance reported per asset (for the change of a read-back balance). */
  readonly #lastWallet = new Map<string, Decimal>();
  #sink: ExecutionSink | undefined;
  #stream: UserDataStream | undefined;
  /** A read-back we asked for (`sync`, `stop`) is running: its gap is not news. */
  #readingBack = false;
  /** The dead-man switch's refresh timer, while armed. */
  #deadMan: TimerHandle | undefined;
  /** Whether its last refresh failed (logged once per failing streak). */
  #deadManFailing = false;
  #stopped = false;

  constructor(client: Client, options: LiveExecutionClientOptions = {}) {
    this.#client = client;
    this.#options = options;
    this.#product = options.product ?? liveProduct(client.market);
    this.#quoteAsset = options.quoteAsset ?? 'USDT';
    this.#log = options.log ?? (() => {});
  }

  /** The SDK's user-data stream (for its stats and account view), once started. */
  get stream(): UserDataStream | undefined {
    return this.#stream;
  }

  async start(sink: ExecutionSink): Promise<AccountSnapshot> {
    this.#sink = sink;
    const stream = createUserDataStream(this.#client, {
      ...this.#options.userData,
      ...(this.#options.symbols === undefined ? {} : { symbols: this.#options.symbols }),
      onEvent: (event) => this.#onEvent(event),
    });
    this.#stream = stream;
    await stream.start();
    const [leverage, algos] = await Promise.all([
      this.#product.leverages(this.#client),
      this.#product.openAlgoOrders(this.#client),
    ]);
    const account = stream.account;
    const wallets = new Map<string, Decimal>();
    for (const b of account.balances.values()) {
      wallets.set(b.asset, b.walletBalance);
      this.#lastWallet.set(b.asset, b.walletBalance);
    }
    const positions: { symbol: string; amount: Decimal; entryPrice: Decimal }[] = [];
    for (const p of account.positions.values()) {
      if (p.positionSide === 'BOTH' && !p.positionAmt.isZero())
        positions.push({ symbol: p.symbol, amount: p.positionAmt, entryPrice: p.entryPrice });
    }
    const openOrders: OrderUpdate[] = [];
    for (const o of account.openOrders.values()) {
      this.#clientIds.set(`${o.symbol}:${String(o.orderId)}`, o.clientOrderId);
      openOrders.push({ ...this.#orderUpdate(o, undefined), execution: 'NEW' });
    }
    const openAlgoOrders: AlgoUpdate[] = algos.map((a) => ({
      symbol: a.symbol,
      algoId: String(a.algoId),
      clientAlgoId: a.clientAlgoId,
      type: a.orderType as AlgoOrderType,
      side: a.side,
      status: a.algoStatus,
      triggerPrice: decOr(a.triggerPrice),
      quantity: decOr(a.quantity),
      closePosition: a.closePosition,
      reduceOnly: a.reduceOnly,
      orderId: String(a.actualOrderId ?? ''),
      time: a.updateTime,
    }));
    await this.#armDeadMan();
    return { time: this.#client.time.now(), wallets, positions, leverage, openOrders, openAlgoOrders };
  }

  /** Arms the dead-man switch on every traded symbol, and its refresh (see `deadManSwitchMs`). */
  async #armDeadMan(): Promise<void> {
    const ms = this.#options.deadManSwitchMs ?? 0;
    const symbols = this.#options.symbols ?? [];
    if (ms <= 0 || symbols.length === 0) return;
    await this.#setCountdown(symbols, ms);
    this.#deadMan = this.#client.clock.setInterval(
      () => {
        void this.#setCountdown(symbols, ms);
      },
      Math.max(1, Math.floor(ms / 3)),
    );
    this.#log(
      `dead-man switch: armed on ${symbols.join(', ')}; the exchange cancels their orders if this run is gone for ${ms / 1000} s`,
    );
  }

  /** Sets the countdown on each symbol (0 disarms); a failing streak is logged once, its end too. */
  async #setCountdown(symbols: readonly string[], countdownTime: number): Promise<void> {
    const results = await Promise.allSettled(
      symbols.map((symbol) => this.#product.countdownCancelAll(this.#client, { symbol, countdownTime })),
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure !== undefined && !this.#deadManFailing) {
      this.#log(
        `dead-man switch: ${countdownTime === 0 ? 'disarming' : 'refreshing'} failed (${messageOf(failure.reason)})${countdownTime === 0 ? '' : `; the exchange cancels the orders if it fails for ${countdownTime / 1000} s`}`,
      );
    } else if (failure === undefined && this.#deadManFailing) {
      this.#log('dead-man switch: refreshed again');
    }
    this.#deadManFailing = failure !== undefined;
  }

  async stop(): Promise<void> {
    const stream = this.#stream;
    const clock = this.#client.clock;
    const timeoutMs = this.#options.stopTimeoutMs ?? 10_000;
    try {
      // A fill the socket had not delivered yet is read back from REST and reported (once).
      if (this.#options.finalReconcile !== false) await this.#readBack(timeoutMs);
      else await withTimeout(this.#idle(), timeoutMs, clock, 'commands still in flight');
    } catch (error) {
      this.#log(`live execution stop: ${messageOf(error)}`);
    } finally {
      if (this.#deadMan !== undefined) {
        // Stopped on purpose: what the exit policy left stays (a crash leaves the countdown running).
        clock.clearInterval(this.#deadMan);
        this.#deadMan = undefined;
        const disarm = this.#setCountdown(this.#options.symbols ?? [], 0);
        await withTimeout(disarm, timeoutMs, clock, 'disarming the dead-man switch').catch((error: unknown) =>
          this.#log(`live execution stop: ${messageOf(error)}`),
        );
      }
      this.#flushOrphans();
      await stream?.stop();
      this.#stream = undefined;
      this.#sink = undefined;
      this.#stopped = true;
    }
  }

  submitOrder(order: NormalizedOrder): void {
    this.#command(order.symbol, 'submit', order.clientOrderId, async () => {
      const placed = await this.#product.newOrder(this.#client, {
        symbol: order.symbol,
        side: order.side,
        type: order.type,
        quantity: order.quantity,
        ...(order.price === undefined ? {} : { price: order.price }),
        ...(order.type === 'LIMIT' ? { timeInForce: order.timeInForce ?? 'GTC' } : {}),
        ...(order.reduceOnly ? { reduceOnly: 'true' as const } : {}),
        newClientOrderId: order.clientOrderId,
      });
      this.#clientIds.set(`${order.symbol}:${String(placed.orderId)}`, order.clientOrderId);
    });
  }

  modifyOrder(modify: NormalizedModify): void {
    this.#command(modify.symbol, 'modify', modify.clientOrderId, async () => {
      await this.#product.modifyOrder(this.#client, {
        symbol: modify.symbol,
        origClientOrderId: modify.clientOrderId,
        side: modify.side,
        quantity: modify.quantity,
        price: modify.price,
      });
    });
  }

  cancelOrder(symbol: string, clientOrderId: string): void {
    this.#command(symbol, 'cancel', clientOrderId, async () => {
      await this.#product.cancelOrder(this.#client, { symbol, origClientOrderId: clientOrderId });
    });
  }

  cancelAllOrders(symbol: string): void {
    this.#command(symbol, 'cancel', '', async () => {
      await this.#product.cancelAllOpenOrders(this.#client, { symbol });
    });
  }

  submitAlgoOrder(order: NormalizedAlgoOrder): void {
    this.#command(order.symbol, 'submitAlgo', order.clientAlgoId, async () => {
      await this.#product.newAlgoOrder(this.#client, {
        symbol: order.symbol,
        side: order.side,
        type: order.type as AlgoOrderType,
        clientAlgoId: order.clientAlgoId,
        ...(order.quantity === undefined ? {} : { quantity: order.quantity }),
        ...(order.price === undefined ? {} : { price: order.price }),
        ...(order.triggerPrice === undefined ? {} : { triggerPrice: order.triggerPrice }),
        ...(order.closePosition ? { closePosition: 'true' as const } : {}),
        ...(order.reduceOnly ? { reduceOnly: 'true' as const } : {}),
        ...(order.workingType === undefined
          ? {}
          : { workingType: order.workingType as 'MARK_PRICE' | 'CONTRACT_PRICE' }),
        ...(order.callbackRate === undefined ? {} : { callbackRate: order.callbackRate }),
        ...(order.activatePrice === undefined ? {} : { activatePrice: order.activatePrice }),
        ...(order.type === 'STOP' || order.type === 'TAKE_PROFIT' ? { timeInForce: 'GTC' as const } : {}),
      });
    });
  }

  cancelAlgoOrder(symbol: string, clientAlgoId: string): void {
    this.#command(symbol, 'cancelAlgo', clientAlgoId, async () => {
      await this.#product.cancelAlgoOrder(this.#client, { clientAlgoId });
    });
  }

  cancelAllAlgoOrders(symbol: string): void {
    this.#command(symbol, 'cancelAlgo', '', async () => {
      await this.#product.cancelAllAlgoOpenOrders(this.#client, { symbol });
    });
  }

  setLeverage(symbol: string, leverage: number): void {
    this.#command(symbol, 'leverage', '', async () => {
      const result = await this.#product.setLeverage(this.#client, { symbol, leverage });
      this.#emit({
        kind: 'leverage',
        symbol,
        leverage: result,
        time: this.#client.time.now(),
      });
    });
  }

  setMarginType(symbol: string, marginType: MarginType): void {
    this.#command(symbol, 'marginType', '', async () => {
      await setMarginType(this.#client, { symbol, marginType });
    });
  }

  health(): FeedHealth {
    const stream = this.#stream;
    if (stream === undefined) return { state: this.#stopped ? 'closed' : 'connecting', reconnects: 0 };
    return { state: USER_DATA_FEED_STATE[stream.status], reconnects: stream.stats().gaps };
  }

  // Commands -----------------------------------------------------------------------------------------

  /** Runs `fn` after the symbol's earlier commands (a cancel-all then a new quote stay in that order). */
  #command(symbol: string, action: OrderRejected['action'], clientId: string, fn: () => Promise<void>): void {
    const previous = this.#chains.get(symbol) ?? Promise.resolve();
    const next = previous.then(fn).catch((error: unknown) => {
      if (isUnknownOutcome(error)) {
        // It may have taken effect: the user-data stream (and its read-back) will say.
        this.#log(`${action} ${symbol} ${clientId}: outcome unknown (${messageOf(error)})`);
        return;
      }
      this.#emit({
        kind: 'rejected',
        rejection: {
          symbol,
          clientId,
          action,
          code: codeOf(error),
          message: messageOf(error),
          time: this.#client.time.now(),
        },
      });
    });
    this.#chains.set(symbol, next);
    this.#inflight.add(next);
    void next.finally(() => {
      this.#inflight.delete(next);
      if (this.#chains.get(symbol) === next) this.#chains.delete(symbol);
    });
  }

  async sync(): Promise<void> {
    await this.#readBack(this.#options.stopTimeoutMs ?? 10_000);
  }

  /** Waits for the commands in flight, then reads the account back from REST (its changes reported once). */
  async #readBack(timeoutMs: number): Promise<void> {
    const clock = this.#client.clock;
    await withTimeout(this.#idle(), timeoutMs, clock, 'commands still in flight');
    const stream = this.#stream;
    if (stream === undefined || stream.status === 'stopped') return;
    // Asked for, so its gap is not news.
    this.#readingBack = true;
    try {
      stream.resync();
      await withTimeout(stream.ready(), timeoutMs, clock, 'the read-back did not finish');
    } finally {
      this.#readingBack = false;
    }
  }

  async #idle(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.all([...this.#inflight]);
  }

  #emit(event: ExecutionEvent): void {
    this.#sink?.(event);
  }

  // The user-data stream -----------------------------------------------------------------------------

  #onEvent(event: UserDataStreamEvent): void {
    switch (event.type) {
      case 'order':
      case 'trade':
      case 'algoOrder':
      case 'position':
      case 'balance':
        this.#onChange(event);
        return;
      case 'wire': {
        const w = event.event;
        if (w.e === 'ACCOUNT_CONFIG_UPDATE' && 'ac' in w)
          this.#emit({ kind: 'leverage', symbol: w.ac.s, leverage: w.ac.l, time: w.T });
        return;
      }
      case 'gap':
        if (this.#readingBack) return;
        this.#log(`user-data stream: gap (${event.reason}); reading the account back`);
        return;
      case 'reconciled':
        this.#flushOrphans();
        if (event.changes > 0 && this.#readingBack)
          this.#log(`user-data stream: the read-back found ${event.changes} change(s)`);
        else if (event.changes > 0)
          this.#log(`user-data stream: ${event.changes} change(s) read back after a gap`);
        return;
      case 'error':
        this.#log(`user-data stream: error during ${event.during}: ${messageOf(event.error)}`);
        return;
      default:
        return;
    }
  }

  #onChange(change: AccountChange): void {
    switch (change.type) {
      case 'trade': {
        const t = change.trade;
        const key = `${t.symbol}:${String(t.orderId)}`;
        const wire = change.wire?.e === 'ORDER_TRADE_UPDATE' ? change.wire : undefined;
        const clientOrderId = wire?.o.c ?? this.#clientIds.get(key);
        if (clientOrderId === undefined) {
          // Read back after a gap: the order's own change follows (trades come first).
          const list = this.#orphans.get(key) ?? [];
          list.push(t);
          this.#orphans.set(key, list);
          return;
        }
        this.#emit({ kind: 'fill', fill: this.#fill(t, clientOrderId) });
        return;
      }
      case 'order': {
        const o = change.order;
        const key = `${o.symbol}:${String(o.orderId)}`;
        this.#clientIds.set(key, o.clientOrderId);
        const orphans = this.#orphans.get(key);
        if (orphans !== undefined) {
          this.#orphans.delete(key);
          for (const t of orphans) this.#emit({ kind: 'fill', fill: this.#fill(t, o.clientOrderId) });
        }
        this.#emit({ kind: 'order', update: this.#orderUpdate(o, change.wire) });
        return;
      }
      case 'algoOrder':
        this.#emit({ kind: 'algo', update: this.#algoUpdate(change.algoOrder, change.wire) });
        return;
      case 'position': {
        const p = change.position;
        if (p.positionSide !== 'BOTH') return;
        this.#emit({
          kind: 'position',
          change: {
            symbol: p.symbol,
            amount: p.positionAmt,
            entryPrice: p.entryPrice,
            reason: change.reason ?? 'RECONCILED',
            time: p.updateTime || this.#client.time.now(),
          },
        });
        return;
      }
      case 'balance': {
        const b = change.balance;
        const wire = change.wire?.e === 'ACCOUNT_UPDATE' ? change.wire : undefined;
        const row = wire?.a.B.find((r) => r.a === b.asset);
        const time = b.updateTime || this.#client.time.now();
        const delta = row === undefined ? undefined : decOr(row.bc);
        this.#emit({
          kind: 'balance',
          change: {
            asset: b.asset,
            wallet: b.walletBalance,
            change: delta ?? b.walletBalance.sub(this.#lastWallet.get(b.asset) ?? b.walletBalance),
            reason: change.reason ?? 'RECONCILED',
            time,
          },
        });
        this.#lastWallet.set(b.asset, b.walletBalance);
        if (wire !== undefined && change.reason === 'FUNDING_FEE' && delta !== undefined && !delta.isZero()) {
          const symbol = wire.a.P[0]?.s ?? '';
          this.#emit({ kind: 'funding', payment: { symbol, amount: delta, asset: b.asset, time } });
        }
        return;
      }
    }
  }

  /** Read-back fills whose order never showed up: reported with the order id only. */
  #flushOrphans(): void {
    for (const [key, trades] of this.#orphans) {
      const clientOrderId = this.#clientIds.get(key) ?? '';
      for (const t of trades) this.#emit({ kind: 'fill', fill: this.#fill(t, clientOrderId) });
    }
    this.#orphans.clear();
  }

  #fill(t: TradeView, clientOrderId: string): Fill {
    return {
      symbol: t.symbol,
      orderId: String(t.orderId),
      clientOrderId,
      tradeId: String(t.tradeId),
      side: t.side,
      price: t.price,
      qty: t.qty,
      fee: t.commission ?? Decimal.ZERO,
      feeAsset: t.commissionAsset ?? this.#quoteAsset,
      realizedPnl: t.realizedPnl,
      maker: t.maker,
      time: t.time,
    };
  }

  #orderUpdate(o: OrderView, wire: UserDataEvent | undefined): OrderUpdate {
    return {
      symbol: o.symbol,
      orderId: String(o.orderId),
      clientOrderId: o.clientOrderId,
      side: o.side,
      type: o.type as ResponseOrderType,
      status: o.status,
      execution: wire?.e === 'ORDER_TRADE_UPDATE' ? wire.o.x : executionOf(o),
      price: o.price,
      quantity: o.origQty,
      filledQty: o.executedQty,
      avgPrice: o.avgPrice,
      reduceOnly: o.reduceOnly,
      time: o.updateTime,
    };
  }

  #algoUpdate(a: AlgoOrderView, wire: UserDataEvent | undefined): AlgoUpdate {
    return {
      symbol: a.symbol,
      algoId: String(a.algoId),
      clientAlgoId: a.clientAlgoId,
      type: a.orderType as AlgoOrderType,
      side: a.side,
      status: a.status,
      triggerPrice: a.triggerPrice,
      quantity: a.quantity,
      closePosition: a.closePosition,
      reduceOnly: a.reduceOnly,
      orderId: wire?.e === 'ALGO_UPDATE' ? String(wire.o.ai) : '',
      time: a.updateTime,
    };
  }
}

function decOr(text: string | undefined): Decimal {
  return text === undefined || text === '' ? Decimal.ZERO : (Decimal.tryParse(text) ?? Decimal.ZERO);
}
