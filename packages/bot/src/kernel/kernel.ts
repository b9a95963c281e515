import { type Clock, Decimal, type DecimalInput, type KlineInterval, type TimerHandle } from '@basis/core';
import { BarAggregator } from '../data/barAggregator.js';
import { Cache } from '../data/cache.js';
import type { DataClient, DataEvent, Instrument } from '../data/dataClient.js';
import type { Feeds } from '../data/feedHealth.js';
import type { ExecutionClient, ExecutionEvent } from '../execution/executionClient.js';
import { EXIT_POLICIES, type ExitPolicy, isExitPolicy, onlyReduces } from '../execution/exitPolicy.js';
import type { AlgoOrderRequest, ModifyRequest, OrderRequest, SubmitResult } from '../execution/requests.js';
import { Portfolio, type PortfolioTotals } from '../portfolio/portfolio.js';
import { RunRecorder } from '../portfolio/recorder.js';
import type { FillRecord, RunMeta, RunRecord } from '../report/runRecord.js';
import { KillSwitch } from '../risk/killSwitch.js';
import { checkRiskLimits, mergeRiskLimits, type RiskLimits } from '../risk/limits.js';
import { type Denial, RiskEngine, type RiskView } from '../risk/riskEngine.js';
import type { RiskState, RiskStateStore } from '../risk/riskState.js';
import type { BalanceChange, Bar, OrderDenied, PositionChange, RiskHalt } from '../strategy/events.js';
import { type RunMode, type Strategy, type StrategyContext, watchesBooks } from '../strategy/strategy.js';
import { ClientIds } from './clientIds.js';
import { type ComponentState, Lifecycle } from './lifecycle.js';
import { normalizeAlgo, normalizeModify, normalizeOrder } from './normalize.js';

/** How a kernel is set up: one strategy, one account on one venue. */
export interface KernelOptions {
  readonly strategy: Strategy;
  readonly mode: RunMode;
  /** `local`, `testnet`, `demo` or `production`: where the account is. */
  readonly env: string;
  readonly clock: Clock;
  readonly data: DataClient;
  readonly execution: ExecutionClient;
  readonly symbols: readonly string[];
  /**
   * The run's accounting asset (default USDT): the quote asset on USDⓈ-M, the margin coin on
   * COIN-M (BTC for BTCUSD_PERP), where PnL, fees, funding and equity are in coin.
   */
  readonly quoteAsset?: string;
  /** Limits of this run, on top of the strategy's own (`Strategy.risk`), field by field. */
  readonly risk?: RiskLimits;
  readonly seed?: number | string;
  /** Backtests: the loop's time step in ms, recorded in the run's meta (it sets the strategy's reaction latency). */
  readonly stepMs?: number;
  /** Equity and price samples of the record, ms (default 60 s). */
  readonly sampleEveryMs?: number;
  /** Where the kernel logs (denials, rejections, the kill switch). Default: nothing. */
  readonly log?: (line: string) => void;
  /** Sees every fill as the run's record lists it, as it happens (a fills journal, see `FillJournal`). */
  readonly onFill?: (fill: FillRecord) => void;
  /**
   * Where the kill switch's references (equity peak, the day's start) and a halt are kept across
   * restarts (live runs: `RiskStateFile`): a run that starts after a trip starts halted, and a restart
   * does not reset the drawdown's peak or the day's loss. Loaded at start, saved as it changes.
   */
  readonly riskState?: RiskStateStore;
  /**
   * What the run leaves on the venue when it stops, a fault included (see {@link ExitPolicy}): acted on
   * after `onStop`, with the account read back first. Default `leave` (backtest and paper, whose
   * exchange ends with the run); live runs default to `cancel`.
   */
  readonly exitPolicy?: ExitPolicy;
  /**
   * `sync` (backtest): the driver calls `drain()` after moving time. `async` (paper, live): the
   * kernel drains itself in a microtask whenever events arrive.
   */
  readonly drain?: 'sync' | 'async';
}

/** The kernel's queue: data and execution events as the clients give them (their kinds are distinct). */
type Queued =
  | DataEvent
  | ExecutionEvent
  | { readonly kind: 'timer'; readonly name: string; readonly time: number }
  | { readonly kind: 'bar'; readonly bar: Bar }
  | { readonly kind: 'denied'; readonly denied: OrderDenied }
  | { readonly kind: 'halt'; readonly halt: RiskHalt };

/** Events one drain may process before the kernel calls it a loop (a strategy reacting to itself). */
const MAX_DRAIN = 1_000_000;

/** How far past a fill the kernel looks for its account update (a few events in practice). */
const ACCOUNT_UPDATE_LOOKAHEAD = 64;

/**
 * The bot's kernel (nautilus_trader's shape): wires the data client, the execution client, the
 * cache, the risk engine and the portfolio around one strategy, on one thread, in time order.
 * Events go cache first, then to the strategy; the strategy's orders go risk engine first, then the
 * execution client. Backtest, paper and live differ only in the clock and the two clients.
 */
export class Kernel {
  readonly strategy: Strategy;
  readonly mode: RunMode;
  readonly symbols: readonly string[];
  readonly quoteAsset: string;
  readonly cache = new Cache();
  readonly portfolio: Portfolio;
  readonly risk: RiskEngine;
  readonly context: StrategyContext;
  readonly #options: KernelOptions;
  readonly #clock: Clock;
  readonly #lifecycle = new Lifecycle('kernel');
  readonly #recorder: RunRecorder;
  readonly #killSwitch: KillSwitch;
  readonly #ids: ClientIds;
  readonly #killIds = new ClientIds('kill');
  readonly #exitIds = new ClientIds('exit');
  readonly #instruments = new Map<string, Instrument>();
  readonly #aggregators: BarAggregator[] = [];
  readonly #timers = new Map<string, TimerHandle>();
  readonly #inflight = new Set<string>();
  /** Books that changed in this batch: published once, after the batch's other events (cache first). */
  readonly #dirtyBooks = new Map<string, number>();
  readonly #pending: Promise<void>[] = [];
  readonly #log: (line: string) => void;
  readonly #sampleEveryMs: number;
  #queue: Queued[] = [];
  #lastMarketEventAt: number | undefined;
  #head = 0;
  #draining = false;
  #scheduled = false;
  #nextSample = 0;
  #startTime = 0;
  #startingEquity = Decimal.ZERO;
  #fault: unknown;
  #events = 0;
  /** Why the risk engine halted (kept for the risk state), if it did. */
  #halt: RiskHalt | undefined;
  /** The risk state last saved, as JSON: unchanged state is not written again. */
  #savedRisk = '';
  #riskStateFailed = false;
  /** A COIN-M run: inverse contracts, equity in coin, valued in USD at the coin's index price. */
  #inverse = false;

  constructor(options: KernelOptions) {
    this.#options = options;
    this.strategy = options.strategy;
    this.mode = options.mode;
    this.symbols = options.symbols;
    this.quoteAsset = options.quoteAsset ?? 'USDT';
    this.#clock = options.clock;
    this.#log = options.log ?? (() => {});
    this.#sampleEveryMs = Math.max(1, options.sampleEveryMs ?? 60_000);
    this.portfolio = new Portfolio(
      this.cache,
      this.quoteAsset,
      (s) => this.#instruments.get(s)?.contractSize,
    );
    // The strategy's own limits, the run's on top; checked here so a typo never runs unguarded.
    const limits = checkRiskLimits(mergeRiskLimits(options.strategy.risk, options.risk));
    if (options.exitPolicy !== undefined && !isExitPolicy(options.exitPolicy))
      throw new RangeError(
        `exitPolicy must be one of ${EXIT_POLICIES.join(', ')}; got ${String(options.exitPolicy)}`,
      );
    this.risk = new RiskEngine(limits);
    this.#killSwitch = new KillSwitch(limits);
    this.#recorder = new RunRecorder(
      this.symbols,
      () => this.#meta(this.#clock.now()),
      options.onFill === undefined ? {} : { onFill: options.onFill },
    );
    this.#ids = new ClientIds(options.strategy.name);
    this.context = this.#createContext();
  }

  get state(): ComponentState {
    return this.#lifecycle.state;
  }

  /** Events processed so far. */
  get eventCount(): number {
    return this.#events;
  }

  /** Fills so far. */
  get fillCount(): number {
    return this.#recorder.fillCount;
  }

  /** The last `count` fills, oldest first (without building the whole record). */
  recentFills(count: number): readonly FillRecord[] {
    return this.#recorder.recentFills(count);
  }

  /**
   * The state of the market-data and account feeds, and when the last market event arrived (clock
   * time; undefined before the first): a live view tells a quiet market from a silent socket.
   */
  feeds(): Feeds {
    const feeds = { market: this.#options.data.health(), account: this.#options.execution.health() };
    return this.#lastMarketEventAt === undefined
      ? feeds
      : { ...feeds, lastMarketEventAt: this.#lastMarketEventAt };
  }

  /** The error that faulted the kernel (a strategy handler that threw), if any. */
  get fault(): unknown {
    return this.#fault;
  }

  totals(): PortfolioTotals {
    return this.portfolio.totals();
  }

  /** Connects the clients, loads the account and bar history, then runs `onStart`. */
  async start(): Promise<void> {
    this.#lifecycle.to('STARTING');
    const { data, execution } = this.#options;
    const account = await execution.start((event) => this.#enqueue(event));
    for (const [asset, amount] of account.wallets) this.cache.wallets.set(asset, amount);
    for (const p of account.positions)
      this.cache.positions.set(p.symbol, { amount: p.amount, entryPrice: p.entryPrice });
    for (const [symbol, leverage] of account.leverage) this.cache.leverage.set(symbol, leverage);
    for (const o of account.openOrders) this.cache.applyOrder(o);
    for (const a of account.openAlgoOrders ?? []) this.cache.applyAlgo(a);
    const s = this.strategy;
    const intervals = s.bars ?? [];
    await data.start(
      (event) => {
        this.#lastMarketEventAt = this.#clock.now();
        this.#enqueue(event);
      },
      {
        symbols: this.symbols,
        trades: s.onTrade !== undefined || intervals.length > 0,
        books: watchesBooks(s),
        marks: true,
      },
    );
    for (const symbol of this.symbols) {
      const instrument = data.instrument(symbol);
      this.#instruments.set(symbol, instrument);
      if (instrument.contractSize !== undefined) this.#inverse = true;
      const mark = data.mark(symbol);
      if (mark !== undefined) this.cache.marks.set(symbol, mark);
      for (const interval of intervals) {
        const history = await data.history(symbol, interval, s.barHistory ?? 100);
        for (const bar of history) this.cache.addBar(bar);
        this.#aggregators.push(new BarAggregator(symbol, interval, history[history.length - 1]?.close));
      }
    }
    const now = this.#clock.now();
    this.#startTime = now;
    this.#startingEquity = this.portfolio.equity();
    // An earlier run's references (and halt) on this account, before the first observation.
    const saved = this.#options.riskState?.load();
    if (saved !== undefined) this.#killSwitch.restore(saved.killSwitch);
    const trip = this.#killSwitch.observe(now, this.#startingEquity);
    for (const symbol of this.symbols)
      this.#recorder.position(now, symbol, this.cache.position(symbol).amount);
    this.#sample(now);
    this.#nextSample = now + this.#sampleEveryMs;
    this.#lifecycle.to('RUNNING');
    if (saved?.halt !== undefined) {
      // Still halted: the trip's cancels and flattening run again, in case the last run died mid-way.
      const when = new Date(saved.halt.time).toISOString();
      this.#halt = saved.halt;
      this.#log(
        `the kill switch tripped in an earlier run (${saved.halt.rule} at ${when}): this run starts halted`,
      );
      this.#trip(saved.halt.rule, `${saved.halt.message} (in an earlier run, at ${when})`, now);
    } else if (trip !== undefined) {
      this.#trip(trip.rule, trip.message, now);
    }
    this.#saveRiskState();
    this.#call(s.onStart, undefined);
    this.drain();
  }

  /** Moves the kernel's own schedule to `now`: closes bars, takes due samples. Then drains. */
  onTime(now: number): void {
    if (this.#lifecycle.state !== 'RUNNING') return;
    if (this.#aggregators.length > 0) {
      const closed: Bar[] = [];
      for (const a of this.#aggregators) a.advance(now, closed);
      for (const bar of closed) this.#enqueue({ kind: 'bar', bar });
    }
    if (now >= this.#nextSample) {
      this.#sample(now);
      this.#checkKillSwitch(now);
      this.#saveRiskState();
      this.#nextSample = now + this.#sampleEveryMs - ((now - this.#startTime) % this.#sampleEveryMs);
    }
    this.drain();
  }

  /** Processes every queued event, in order (cache, then strategy). Re-entrant calls return at once. */
  drain(): void {
    if (this.#draining) return;
    this.#draining = true;
    try {
      for (let n = 0; this.#head < this.#queue.length || this.#dirtyBooks.size > 0; n++) {
        if (n >= MAX_DRAIN)
          throw new Error(`the kernel processed ${MAX_DRAIN} events without time moving: a feedback loop?`);
        if (this.#head < this.#queue.length) {
          const item = this.#queue[this.#head++]!;
          this.#events++;
          this.#process(item);
        } else {
          const [symbol, time] = this.#dirtyBooks.entries().next().value!;
          this.#dirtyBooks.delete(symbol);
          this.#publishBook(symbol, time);
        }
      }
      this.#queue = [];
      this.#head = 0;
    } finally {
      this.#draining = false;
    }
    if (this.#fault !== undefined && this.#lifecycle.state === 'RUNNING') this.#lifecycle.to('FAULTED');
  }

  /** Waits for async handlers still running. */
  async settle(): Promise<void> {
    for (let guard = 0; this.#pending.length > 0 && guard < 10_000; guard++) {
      const batch = this.#pending.splice(0);
      await Promise.all(batch);
      this.drain();
    }
  }

  /** Whether async handlers are still running. */
  get busy(): boolean {
    return this.#pending.length > 0;
  }

  /** Trips the kill switch by hand (`rule: 'manual'`). */
  halt(message = 'halted by hand'): void {
    this.#trip('manual', message, this.#clock.now());
    this.drain();
  }

  /** Runs `onStop`, takes the last sample, disconnects, and answers the run's record. */
  async stop(): Promise<RunRecord> {
    const faulted = this.#lifecycle.state === 'FAULTED';
    this.#lifecycle.to('STOPPING');
    for (const handle of this.#timers.values()) this.#clock.clearTimeout(handle);
    this.#timers.clear();
    if (!faulted) {
      this.#call(this.strategy.onStop, undefined);
      this.drain();
      await this.settle();
    }
    await this.#exit();
    const end = this.#clock.now();
    this.#sample(end);
    this.#saveRiskState();
    await this.#options.data.stop();
    await this.#options.execution.stop();
    this.#lifecycle.to('STOPPED');
    return this.record(end);
  }

  /** The record so far (also mid-run, for progress reports). */
  record(endTime = this.#clock.now()): RunRecord {
    return this.#recorder.build(this.#meta(endTime));
  }

  #meta(endTime: number): RunMeta {
    return {
      strategy: this.strategy.name,
      mode: this.mode,
      env: this.#options.env,
      ...(this.#options.seed === undefined ? {} : { seed: this.#options.seed }),
      ...(this.#options.stepMs === undefined ? {} : { stepMs: this.#options.stepMs }),
      symbols: this.symbols,
      startTime: this.#startTime,
      endTime,
      quoteAsset: this.quoteAsset,
      ...(Object.keys(this.risk.limits).length === 0 ? {} : { risk: this.risk.limits }),
      startingEquity: this.#startingEquity.toString(),
      ...(this.#inverse ? { contractSizes: this.#perSymbol((i) => i.contractSize) } : {}),
      tickSizes: this.#perSymbol((i) => i.tickSize),
    };
  }

  // Events -------------------------------------------------------------------------------------------

  #enqueue(item: Queued): void {
    this.#queue.push(item);
    if (this.#options.drain === 'async' && !this.#scheduled && !this.#draining) {
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        if (this.#lifecycle.state === 'RUNNING' || this.#lifecycle.state === 'STOPPING') this.drain();
      });
    }
  }

  #process(item: Queued): void {
    const s = this.strategy;
    switch (item.kind) {
      case 'trade':
      case 'book':
      case 'mark':
      case 'fundingRate':
        this.#processData(item);
        return;
      case 'timer':
        if (s.onTimer) this.#call(s.onTimer, { name: item.name, time: item.time });
        return;
      case 'bar':
        this.cache.addBar(item.bar);
        this.#call(s.onBar, item.bar);
        return;
      case 'denied':
        this.#call(s.onOrderDenied, item.denied);
        return;
      case 'halt':
        this.#call(s.onRiskHalt, item.halt);
        return;
      default:
        this.#processExec(item);
    }
  }

  #processData(event: DataEvent): void {
    const s = this.strategy;
    switch (event.kind) {
      case 'trade': {
        const t = event.trade;
        this.cache.lastPrices.set(t.symbol, t.price);
        if (this.#aggregators.length > 0) {
          const closed: Bar[] = [];
          for (const a of this.#aggregators)
            if (a.symbol === t.symbol) a.trade(t.time, t.price, t.qty, closed);
          for (const bar of closed) {
            this.cache.addBar(bar);
            this.#call(s.onBar, bar);
          }
        }
        this.#call(s.onTrade, t);
        return;
      }
      case 'book':
        this.#dirtyBooks.set(event.depth.symbol, event.depth.time);
        return;
      case 'mark':
        this.cache.marks.set(event.mark.symbol, event.mark);
        this.#call(s.onMarkPrice, event.mark);
        this.#checkKillSwitch(event.mark.time);
        return;
      case 'fundingRate':
        this.#call(s.onFundingRate, event.funding);
        return;
    }
  }

  /** A book changed: update the best prices, publish `onBookTicker` when they moved, and `onDepth`. */
  #publishBook(symbol: string, time: number): void {
    const s = this.strategy;
    const top = this.#options.data.top(symbol);
    if (top !== undefined) {
      const prev = this.cache.tops.get(symbol);
      const changed =
        prev === undefined ||
        !prev.bidPrice.eq(top.bidPrice) ||
        !prev.askPrice.eq(top.askPrice) ||
        !prev.bidQty.eq(top.bidQty) ||
        !prev.askQty.eq(top.askQty);
      if (changed) {
        const ticker = { symbol, ...top, time: this.#clock.now() };
        this.cache.tops.set(symbol, ticker);
        this.#call(s.onBookTicker, ticker);
      }
    }
    if (s.onDepth) this.#call(s.onDepth, { symbol, time });
  }

  /**
   * Binance sends a fill's ORDER_TRADE_UPDATE before the ACCOUNT_UPDATE with the position and wallet
   * it leaves. So that `onFill` reads them in `ctx.position` and `ctx.balance`, the account update
   * already queued behind the fill (up to the next fill) goes into the cache first; its events are still
   * delivered in order, setting the same values again. One not yet received (live, a later packet)
   * lands when it arrives, as before.
   */
  #cacheAccountUpdateAhead(): void {
    const end = Math.min(this.#queue.length, this.#head + ACCOUNT_UPDATE_LOOKAHEAD);
    for (let i = this.#head; i < end; i++) {
      const item = this.#queue[i]!;
      if (item.kind === 'fill') return;
      if (item.kind === 'position') this.#cachePosition(item.change);
      else if (item.kind === 'balance') this.#cacheBalance(item.change);
    }
  }

  #cachePosition(change: PositionChange): void {
    this.cache.positions.set(change.symbol, { amount: change.amount, entryPrice: change.entryPrice });
  }

  #cacheBalance(change: BalanceChange): void {
    this.cache.wallets.set(change.asset, change.wallet);
  }

  #processExec(event: ExecutionEvent): void {
    const s = this.strategy;
    switch (event.kind) {
      case 'order':
        this.#inflight.delete(event.update.clientOrderId);
        this.cache.applyOrder(event.update);
        this.#call(s.onOrderUpdate, event.update);
        return;
      case 'fill':
        this.portfolio.applyFill(event.fill);
        this.#recorder.fill(event.fill);
        this.#cacheAccountUpdateAhead();
        this.#call(s.onFill, event.fill);
        return;
      case 'position': {
        const c = event.change;
        this.#cachePosition(c);
        this.#recorder.position(c.time, c.symbol, c.amount);
        this.#call(s.onPositionChange, c);
        return;
      }
      case 'balance':
        this.#cacheBalance(event.change);
        this.#call(s.onBalanceChange, event.change);
        return;
      case 'funding':
        this.portfolio.applyFunding(event.payment);
        this.#recorder.funding(event.payment);
        this.#call(s.onFunding, event.payment);
        return;
      case 'algo':
        this.#inflight.delete(event.update.clientAlgoId);
        this.cache.applyAlgo(event.update);
        this.#call(s.onAlgoUpdate, event.update);
        return;
      case 'rejected': {
        const r = event.rejection;
        this.#inflight.delete(r.clientId);
        this.#log(`rejected ${r.action} ${r.symbol} ${r.clientId}: ${r.code} ${r.message}`);
        this.#call(s.onOrderRejected, r);
        return;
      }
      case 'leverage':
        this.cache.leverage.set(event.symbol, event.leverage);
        return;
    }
  }

  /**
   * Runs one strategy handler as a method of the strategy (no closure per event: this runs for every
   * trade of a backtest); an async one is awaited by `settle`; a throw or a rejection faults the kernel.
   */
  #call<A>(handler: ((ctx: StrategyContext, arg: A) => void | Promise<void>) | undefined, arg: A): void {
    if (handler === undefined || this.#fault !== undefined) return;
    try {
      const result = handler.call(this.strategy, this.context, arg);
      if (result !== undefined && typeof (result as Promise<void>).then === 'function') {
        this.#pending.push(
          (result as Promise<void>).catch((error: unknown) => {
            this.#fault ??= error;
          }),
        );
      }
    } catch (error) {
      this.#fault ??= error;
      this.#log(
        `strategy ${this.strategy.name} threw: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  // Portfolio and risk ---------------------------------------------------------------------------------

  #sample(time: number): void {
    this.#recorder.sample(
      time,
      this.portfolio.wallet(),
      this.portfolio.unrealizedPnl(),
      (s) => this.cache.price(s),
      this.#usdPrice(),
    );
  }

  /**
   * The USD price of a COIN-M run's coin: the index price of its pair (the spot value of the coin,
   * the same for the perpetual and the quarterlies, whose marks carry a basis). Undefined on
   * USDⓈ-M and before any mark arrived.
   */
  #usdPrice(): Decimal | undefined {
    if (!this.#inverse) return undefined;
    for (const symbol of this.symbols) {
      const index = this.cache.marks.get(symbol)?.indexPrice;
      if (index?.isPositive()) return index;
    }
    return undefined;
  }

  /** One figure of each instrument that has it, by symbol (for the record's meta). */
  #perSymbol(figure: (instrument: Instrument) => Decimal | undefined): Record<string, string> {
    const figures: Record<string, string> = {};
    for (const [symbol, instrument] of this.#instruments) {
      const value = figure(instrument);
      if (value !== undefined) figures[symbol] = value.toString();
    }
    return figures;
  }

  #checkKillSwitch(time: number): void {
    if (!this.#killSwitch.armed || this.risk.state === 'halted') return;
    const trip = this.#killSwitch.observe(time, this.portfolio.equity());
    if (trip !== undefined) this.#trip(trip.rule, trip.message, time);
  }

  /** The kill switch: halt the risk engine, cancel everything, flatten every position. */
  #trip(rule: RiskHalt['rule'], message: string, time: number): void {
    if (this.risk.state === 'halted') return;
    this.risk.halt();
    const halt: RiskHalt = { rule, message, time };
    this.#halt ??= halt;
    this.#saveRiskState();
    this.#log(`kill switch (${rule}): ${message}; canceling every order and flattening`);
    this.#recorder.denial(time, `killSwitch:${rule}`, message, '');
    this.#cancelEverything();
    this.#closePositions(this.#killIds);
    this.#enqueue({ kind: 'halt', halt });
  }

  /** Cancels every order and conditional order of the run's symbols. */
  #cancelEverything(): void {
    const { execution } = this.#options;
    for (const symbol of this.symbols) {
      execution.cancelAllOrders(symbol);
      execution.cancelAllAlgoOrders(symbol);
    }
  }

  /** Closes each position of the run's symbols, as the cache holds it, with a reduce-only market order. */
  #closePositions(ids: ClientIds): void {
    for (const symbol of this.symbols) {
      const amount = this.cache.position(symbol).amount;
      if (amount.isZero()) continue;
      this.#options.execution.submitOrder({
        symbol,
        side: amount.isPositive() ? 'SELL' : 'BUY',
        type: 'MARKET',
        quantity: amount.abs(),
        price: undefined,
        timeInForce: undefined,
        reduceOnly: true,
        clientOrderId: ids.next(),
      });
    }
  }

  /**
   * Leaves the venue as the exit policy says (after `onStop`, or at once after a fault). The account
   * is read back first, so an order still in flight is seen; from then on the strategy's new orders
   * are denied (`stopping`), so a handler reacting to the cancels cannot quote again.
   */
  async #exit(): Promise<void> {
    const policy = this.#options.exitPolicy ?? 'leave';
    if (policy === 'leave') return;
    this.risk.stop(`the run is stopping and its exit policy (${policy}) is acting: no new orders`);
    try {
      await this.#syncVenue();
      if (policy === 'flatten') {
        this.#cancelEverything();
        // The cancels first: a fill meanwhile changes the position to close.
        await this.#syncVenue();
        const open = this.symbols.filter((s) => !this.cache.position(s).amount.isZero());
        this.#log(
          `exit (flatten): canceled every order; ${open.length === 0 ? 'no position to close' : `closing ${open.map((s) => `${s} ${this.cache.position(s).amount}`).join(', ')}`}`,
        );
        this.#closePositions(this.#exitIds);
      } else {
        this.#cancelRiskIncreasing();
      }
      // The execution client's stop answers these commands and reads the account back once more.
    } catch (error) {
      this.#log(`exit (${policy}) did not finish: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Cancels the run's orders that could open or grow a position; keeps those that only reduce one. */
  #cancelRiskIncreasing(): void {
    const { execution } = this.#options;
    const mine = (symbol: string) => this.symbols.includes(symbol);
    const orders = [...this.cache.orders.values()].filter((o) => mine(o.symbol));
    const algos = [...this.cache.algos.values()].filter((a) => mine(a.symbol));
    const cancel = orders.filter((o) => !onlyReduces(o));
    const cancelAlgos = algos.filter((a) => !onlyReduces(a));
    for (const o of cancel) execution.cancelOrder(o.symbol, o.clientOrderId);
    for (const a of cancelAlgos) execution.cancelAlgoOrder(a.symbol, a.clientAlgoId);
    const kept = orders.length + algos.length - cancel.length - cancelAlgos.length;
    this.#log(
      `exit (cancel): canceled ${cancel.length} order(s) and ${cancelAlgos.length} conditional order(s); kept ${kept} that only reduce a position`,
    );
  }

  /** The venue's state in the cache: commands answered, the account read back, its events processed. */
  async #syncVenue(): Promise<void> {
    await this.#options.execution.sync();
    this.drain();
    await this.settle();
  }

  /**
   * Saves the kill switch's references and the halt when they changed (live runs with a store; only
   * an armed kill switch or a halt has anything to keep). A store that fails is logged once: the kill
   * switch still works, but a restart would forget it.
   */
  #saveRiskState(): void {
    const store = this.#options.riskState;
    if (store === undefined || this.#riskStateFailed) return;
    if (!this.#killSwitch.armed && this.#halt === undefined) return;
    const state: RiskState = {
      version: 1,
      killSwitch: this.#killSwitch.state(),
      ...(this.#halt === undefined ? {} : { halt: this.#halt }),
    };
    const text = JSON.stringify(state);
    if (text === this.#savedRisk) return;
    try {
      store.save(state);
      this.#savedRisk = text;
    } catch (error) {
      this.#riskStateFailed = true;
      this.#log(
        `risk state not saved (${error instanceof Error ? error.message : String(error)}): the kill switch works, but a restart would forget its peak and any halt`,
      );
    }
  }

  #deny(symbol: string, clientId: string, denial: Denial): SubmitResult {
    const time = this.#clock.now();
    this.#recorder.denial(time, denial.rule, denial.message, symbol);
    this.#log(`denied ${symbol} ${clientId} (${denial.rule}): ${denial.message}`);
    this.#enqueue({
      kind: 'denied',
      denied: { symbol, clientId, rule: denial.rule, message: denial.message, time },
    });
    return { status: 'denied', clientId, rule: denial.rule, message: denial.message };
  }

  // The strategy's context -------------------------------------------------------------------------

  #createContext(): StrategyContext {
    const cache = this.cache;
    const clock = this.#clock;
    const data = () => this.#options.data;
    const execution = () => this.#options.execution;
    const view: RiskView = {
      position: (symbol) => cache.position(symbol).amount,
      price: (symbol) => cache.price(symbol),
      notional: (symbol, qty, price) => {
        const size = instrument(symbol).contractSize;
        return size === undefined ? qty.mul(price) : qty.mul(size).div(price, 8, 'down');
      },
      openOrderCount: () => cache.openOrderCount() + this.#inflight.size,
    };
    const instrument = (symbol: string): Instrument => {
      const known = this.#instruments.get(symbol);
      if (known !== undefined) return known;
      const loaded = data().instrument(symbol);
      this.#instruments.set(symbol, loaded);
      return loaded;
    };
    const positionView = (symbol: string) => {
      const p = cache.position(symbol);
      return {
        symbol,
        amount: p.amount,
        entryPrice: p.entryPrice,
        unrealizedPnl: this.portfolio.unrealizedPnl(symbol),
      };
    };
    const guard = (symbol: string, clientId: string, fn: () => SubmitResult): SubmitResult => {
      try {
        return fn();
      } catch (error) {
        return this.#deny(symbol, clientId, {
          rule: 'invalidOrder',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    };
    const symbolsOr = (symbol: string | undefined) => (symbol === undefined ? this.symbols : [symbol]);
    const setTimer = (name: string, ms: number, repeat: boolean): void => {
      const prev = this.#timers.get(name);
      if (prev !== undefined) clock.clearTimeout(prev);
      const fire = () => {
        if (!repeat) this.#timers.delete(name);
        this.#enqueue({ kind: 'timer', name, time: clock.now() });
      };
      this.#timers.set(name, repeat ? clock.setInterval(fire, ms) : clock.setTimeout(fire, ms));
    };

    return {
      mode: this.mode,
      symbols: this.symbols,
      now: () => clock.now(),
      log: (message) => this.#log(`[${this.strategy.name}] ${message}`),
      instrument,
      position: positionView,
      positions: () =>
        [...cache.positions.keys()].filter((s) => !cache.position(s).amount.isZero()).map(positionView),
      balance: (asset) => cache.wallet(asset ?? this.quoteAsset),
      equity: () => this.portfolio.equity(),
      openOrders: (symbol) =>
        [...cache.orders.values()].filter((o) => symbol === undefined || o.symbol === symbol),
      openAlgoOrders: (symbol) =>
        [...cache.algos.values()].filter((o) => symbol === undefined || o.symbol === symbol),
      book: (symbol, limit = 20) => data().book(symbol, limit),
      bookTicker: (symbol) => {
        const cached = cache.tops.get(symbol);
        if (cached !== undefined) return cached;
        const top = data().top(symbol);
        return top === undefined ? undefined : { symbol, ...top, time: clock.now() };
      },
      markPrice: (symbol) => cache.marks.get(symbol)?.markPrice,
      bars: (symbol, interval: KlineInterval, limit) => cache.bars(symbol, interval, limit),
      halted: () => this.risk.state === 'halted',

      submitOrder: (request: OrderRequest) => {
        const clientId = request.clientOrderId ?? this.#ids.next();
        return guard(request.symbol, clientId, () => {
          const order = normalizeOrder(request, clientId);
          const denial = this.risk.checkOrder(order, view, clock.now());
          if (denial !== undefined) return this.#deny(order.symbol, clientId, denial);
          this.#inflight.add(clientId);
          execution().submitOrder(order);
          return { status: 'submitted', clientId };
        });
      },
      modifyOrder: (request: ModifyRequest) =>
        guard(request.symbol, request.clientOrderId, () => {
          const modify = normalizeModify(request);
          const denial = this.risk.checkModify(modify, view, clock.now());
          if (denial !== undefined) return this.#deny(modify.symbol, modify.clientOrderId, denial);
          execution().modifyOrder(modify);
          return { status: 'submitted', clientId: modify.clientOrderId };
        }),
      cancelOrder: (symbol, clientOrderId) => execution().cancelOrder(symbol, clientOrderId),
      cancelAllOrders: (symbol) => {
        for (const s of symbolsOr(symbol)) execution().cancelAllOrders(s);
      },
      submitAlgoOrder: (request: AlgoOrderRequest) => {
        const clientId = request.clientAlgoId ?? this.#ids.next();
        return guard(request.symbol, clientId, () => {
          const order = normalizeAlgo(request, clientId);
          const denial = this.risk.checkAlgo(order, view, clock.now());
          if (denial !== undefined) return this.#deny(order.symbol, clientId, denial);
          this.#inflight.add(clientId);
          execution().submitAlgoOrder(order);
          return { status: 'submitted', clientId };
        });
      },
      cancelAlgoOrder: (symbol, clientAlgoId) => execution().cancelAlgoOrder(symbol, clientAlgoId),
      cancelAllAlgoOrders: (symbol) => {
        for (const s of symbolsOr(symbol)) execution().cancelAllAlgoOrders(s);
      },
      setLeverage: (symbol, leverage) => {
        const denial = this.risk.checkLeverage(symbol, leverage);
        if (denial !== undefined) return this.#deny(symbol, '', denial);
        execution().setLeverage(symbol, leverage);
        return { status: 'submitted', clientId: '' };
      },
      setMarginType: (symbol, marginType) => execution().setMarginType(symbol, marginType),

      setTimer: (name, delayMs) => setTimer(name, delayMs, false),
      setInterval: (name, everyMs) => setTimer(name, everyMs, true),
      cancelTimer: (name) => {
        clock.clearTimeout(this.#timers.get(name));
        this.#timers.delete(name);
      },

      roundPrice: (symbol, price: DecimalInput, mode = 'half-even') =>
        Decimal.from(price).roundToStep(instrument(symbol).tickSize, mode),
      roundQty: (symbol, qty: DecimalInput, mode = 'down') =>
        Decimal.from(qty).roundToStep(instrument(symbol).stepSize, mode),
    };
  }
}
