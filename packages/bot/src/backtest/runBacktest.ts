import { VirtualClock } from '@basis/core';
import {
  createExchange,
  type Exchange,
  type ExchangeOptions,
  replayEndTime,
  replayStartTime,
} from '@basis/exchange';
import { Kernel } from '../kernel/kernel.js';
import {
  defaultBalances,
  EMBEDDED_HISTORY,
  embeddedMarkets,
  localVenueFor,
} from '../local/embeddedExchange.js';
import { LocalDataClient } from '../local/localDataClient.js';
import { LocalExecutionClient } from '../local/localExecutionClient.js';
import type { PortfolioTotals } from '../portfolio/portfolio.js';
import { runProduct } from '../product/runProduct.js';
import type { FillRecord, RunRecord } from '../report/runRecord.js';
import type { RiskLimits } from '../risk/limits.js';
import { resolveStrategy, type StrategySource } from '../strategy/loadStrategy.js';
import { watchesBooks } from '../strategy/strategy.js';

/** The longest time step a backtest takes (`stepMs`): a day. */
export const MAX_BACKTEST_STEP_MS = 86_400_000;

/** Where a backtest starts by default: a fixed instant, so a seed alone reproduces a run. */
export const DEFAULT_BACKTEST_START = Date.UTC(2026, 0, 5, 0, 0, 0);

/** How a backtest runs. */
export interface BacktestOptions {
  /** A strategy, its factory, a file path or an example name (`market-maker`). */
  readonly strategy: StrategySource;
  readonly params?: Readonly<Record<string, unknown>>;
  /**
   * Default: the strategy's symbols, else BTCUSDT. All USDⓈ-M, or all COIN-M of one margin coin
   * (BTCUSD_PERP, BTCUSD_<yymmdd>): the run then accounts in that coin.
   */
  readonly symbols?: readonly string[];
  /** Seed of the synthetic market (default 1). Same seed and options → the same record. */
  readonly seed?: number | string;
  /** Start, ms (default: the replay's first data, else {@link DEFAULT_BACKTEST_START}). */
  readonly from?: number;
  /**
   * End, ms; or `durationMs`. Default: a replay runs until its data ends (its last print), anything
   * else for 1 hour.
   */
  readonly to?: number;
  readonly durationMs?: number;
  /**
   * The in-process exchange: symbol specs, synthetic market options (`stepMs`, `backfillMinutes`),
   * `replay: { dir, align: 'history' }` for Binance's historical files, ... Default symbols: the
   * run's symbols among Binance's defaults.
   */
  readonly exchange?: Omit<ExchangeOptions, 'clock' | 'seed' | 'defaultAccount' | 'stateDir'>;
  /** The account's starting balances (default 10,000 USDT; 1 BTC for a BTC COIN-M run). */
  readonly balances?: Readonly<Record<string, string>>;
  readonly risk?: RiskLimits;
  /** The accounting asset of a USDⓈ-M run (default USDT); a COIN-M run accounts in its coin. */
  readonly quoteAsset?: string;
  /**
   * The loop's time step, whole ms from 1 to 86,400,000 (default: the synthetic market's step, 250).
   * A strategy sees an event at the end of the step it happened in, and its orders reach the exchange
   * then, so a reaction takes up to one step: the run's model of latency. Larger steps also run faster
   * (fewer steps per second of market time).
   * Kept in the record's meta.
   */
  readonly stepMs?: number;
  /** Equity samples in the record, ms (default: the duration / 500, at least 1 s). */
  readonly sampleEveryMs?: number;
  /** Called about every 250 ms of wall time, and at the end. */
  readonly onProgress?: (progress: BacktestProgress) => void;
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
  /** Sees every fill as the run's record lists it, as it happens (a fills journal on disk, `FillJournal`). */
  readonly onFill?: (fill: FillRecord) => void;
  /** A bound on loop steps (default: 4 × duration / stepMs + 1,000,000). */
  readonly maxSteps?: number;
}

export interface BacktestProgress {
  readonly time: number;
  /** 0 to 1. */
  readonly fraction: number;
  readonly equity: string;
  readonly fills: number;
  /** Events the kernel has delivered so far (market data, timers, order and account events). */
  readonly events: number;
}

export interface BacktestResult {
  readonly record: RunRecord;
  readonly totals: PortfolioTotals;
  /** The account's wallet in the accounting asset as the exchange itself holds it, at start and end. */
  readonly exchangeWallet: { readonly start: string; readonly end: string };
  /** The (closed) exchange, for inspection. */
  readonly exchange: Exchange;
  readonly accountId: number;
  readonly steps: number;
  readonly events: number;
  readonly wallMs: number;
  /** True when `signal` stopped the run early. */
  readonly aborted: boolean;
}

/**
 * Runs a strategy against the local exchange in-process, in virtual time, as fast as the CPU
 * allows: each step moves the clock to the next due time (a strategy timer, the exchange's next
 * step, the end), the venue runs its market, mark prices, funding, triggers and liquidations, then
 * the kernel delivers the events in order and the strategy's orders execute at once. Deterministic
 * for a seed.
 */
export async function runBacktest(options: BacktestOptions): Promise<BacktestResult> {
  const wallStart = performance.now();
  // Checked first: nothing (a strategy file, the data's files) is read for a run that cannot start.
  const stepMs = options.stepMs ?? options.exchange?.synthetic?.stepMs ?? 250;
  if (!(Number.isInteger(stepMs) && stepMs >= 1 && stepMs <= MAX_BACKTEST_STEP_MS)) {
    throw new RangeError(
      `stepMs must be a whole number of milliseconds from 1 to ${MAX_BACKTEST_STEP_MS}; got ${stepMs}`,
    );
  }
  const strategy = await resolveStrategy(options.strategy, { ...options.params });
  const symbols = options.symbols ?? strategy.symbols ?? ['BTCUSDT'];
  const run = runProduct(symbols, options.quoteAsset);
  const replay = options.exchange?.replay;
  const start =
    options.from ??
    (replay === undefined ? undefined : replayStartTime(replay.dir, symbols, { product: run.product })) ??
    DEFAULT_BACKTEST_START;
  // Without an end, a replay runs until its data does: bounded by the end of its files' last day.
  const untilDataEnds = replay !== undefined && options.to === undefined && options.durationMs === undefined;
  const end =
    options.to ??
    (untilDataEnds ? replayEndTime(replay.dir, symbols, { product: run.product }) : undefined) ??
    start + (options.durationMs ?? 3_600_000);
  if (!(end > start)) throw new RangeError(`the backtest must end after it starts (${start} → ${end})`);
  const seed = options.seed ?? 1;
  const quoteAsset = run.asset;

  const clock = new VirtualClock(start);
  const exchange = createExchange({
    ...embeddedMarkets(run, symbols, start),
    ...options.exchange,
    synthetic: { backfillMinutes: 180, ...options.exchange?.synthetic },
    history: { ...EMBEDDED_HISTORY, ...options.exchange?.history },
    clock,
    seed,
    tickMs: stepMs,
    defaultAccount: { balances: options.balances ?? defaultBalances(run) },
    // A strategy that watches no book stream lets the replay keep its maker's ladder off the book
    // while no order of the strategy rests there (reads still see it): the fastest print path.
    ...(replay === undefined
      ? {}
      : { replay: { align: 'history', printPath: watchesBooks(strategy) ? 'lean' : 'virtual', ...replay } }),
  });
  const accountId = exchange.defaultAccount?.accountId;
  if (accountId === undefined) throw new Error('the exchange created no account');
  const local = localVenueFor(exchange, run, symbols, clock, accountId);
  const walletStart = local.account.wallet(quoteAsset).toString();
  const kernel = new Kernel({
    strategy,
    mode: 'backtest',
    env: 'local',
    clock,
    data: new LocalDataClient(local),
    execution: new LocalExecutionClient(local, quoteAsset),
    symbols,
    quoteAsset,
    seed,
    stepMs,
    sampleEveryMs: options.sampleEveryMs ?? Math.max(1000, Math.ceil((end - start) / 500 / 1000) * 1000),
    drain: 'sync',
    ...(options.risk === undefined ? {} : { risk: options.risk }),
    ...(options.log === undefined ? {} : { log: options.log }),
    ...(options.onFill === undefined ? {} : { onFill: options.onFill }),
  });

  const maxSteps = options.maxSteps ?? Math.ceil((4 * (end - start)) / stepMs) + 1_000_000;
  let steps = 0;
  let aborted = false;
  const progress = (done = false): BacktestProgress => ({
    time: clock.now(),
    fraction: done ? 1 : Math.min(1, (clock.now() - start) / (end - start)),
    equity: kernel.portfolio.equity().toString(),
    fills: kernel.fillCount,
    events: kernel.eventCount,
  });
  try {
    await kernel.start();
    let lastReport = performance.now();
    while (clock.now() < end) {
      if (++steps > maxSteps) throw new Error(`the backtest took more than ${maxSteps} steps`);
      const next = Math.min(clock.nextTime() ?? end, end);
      clock.advanceTo(Math.max(next, clock.now()));
      // The exchange's own interval shares the step and has usually moved the venue to now already;
      // a step for another timer (the kernel's, the strategy's) moves it here.
      if (local.venue.now < clock.now()) local.venue.advanceTo(clock.now());
      kernel.onTime(clock.now());
      if (kernel.busy) await kernel.settle();
      if (kernel.fault !== undefined) throw kernel.fault;
      const replayState = local.venue.replay?.state;
      // A backtest on data that turned out unreadable must not pass for a complete one.
      if (replayState === 'failed')
        throw local.venue.replay!.status().error ?? new Error('the replay failed');
      if (untilDataEnds && replayState === 'ended') break;
      if (options.signal?.aborted) {
        aborted = true;
        break;
      }
      // The wall clock is read every 64 steps: a step is a few microseconds.
      if (steps % 64 === 0 && performance.now() - lastReport >= 250) {
        lastReport = performance.now();
        options.onProgress?.(progress());
        // Let the process breathe (signals, I/O) on long runs.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    if (kernel.fault !== undefined) throw kernel.fault;
    const record = await kernel.stop();
    options.onProgress?.(progress(!aborted));
    return {
      record,
      totals: kernel.totals(),
      exchangeWallet: { start: walletStart, end: local.account.wallet(quoteAsset).toString() },
      exchange,
      accountId,
      steps,
      events: kernel.eventCount,
      wallMs: performance.now() - wallStart,
      aborted,
    };
  } finally {
    await exchange.close();
  }
}
