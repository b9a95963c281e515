import { createLiveClock } from '@basis/core';
import { createExchange, type Exchange, type ExchangeEndpoints, type ExchangeOptions } from '@basis/exchange';
import { Kernel } from '../kernel/kernel.js';
import { type RealTimeUpdate, runRealTime } from '../kernel/realTimeLoop.js';
import {
  defaultBalances,
  EMBEDDED_HISTORY,
  embeddedMarkets,
  localVenueFor,
} from '../local/embeddedExchange.js';
import { LocalDataClient } from '../local/localDataClient.js';
import { LocalExecutionClient } from '../local/localExecutionClient.js';
import type { PortfolioTotals } from '../portfolio/portfolio.js';
import { type RunProduct, runProduct } from '../product/runProduct.js';
import type { FillRecord, RunRecord } from '../report/runRecord.js';
import type { RiskLimits } from '../risk/limits.js';
import { resolveStrategy, type StrategySource } from '../strategy/loadStrategy.js';

/** How a paper run goes. */
export interface PaperOptions {
  readonly strategy: StrategySource;
  readonly params?: Readonly<Record<string, unknown>>;
  /** All USDⓈ-M, or all COIN-M of one margin coin (the run then accounts in that coin). */
  readonly symbols?: readonly string[];
  /**
   * An embedded exchange to trade on (its default account is used; the caller closes it). Default:
   * a fresh one on the wall clock, listening on `listen`, closed at the end.
   */
  readonly exchange?: Exchange;
  /** Options of the exchange created when none is given. */
  readonly exchangeOptions?: Omit<ExchangeOptions, 'defaultAccount'>;
  /** Serve the created exchange so other clients (the CLI, ccxt, a browser) can watch (default true). */
  readonly listen?: boolean | { readonly host?: string; readonly port?: number };
  readonly balances?: Readonly<Record<string, string>>;
  readonly risk?: RiskLimits;
  /** The accounting asset of a USDⓈ-M run (default USDT); a COIN-M run accounts in its coin. */
  readonly quoteAsset?: string;
  /** Stop after this long, ms (default: until `signal` aborts). */
  readonly durationMs?: number;
  readonly signal?: AbortSignal;
  /** Record samples and `onUpdate` calls, ms (default 1 s). */
  readonly sampleEveryMs?: number;
  readonly onUpdate?: (update: PaperUpdate) => void;
  /** Called once the created exchange listens. */
  readonly onListening?: (endpoints: ExchangeEndpoints) => void;
  readonly log?: (line: string) => void;
  /** Sees every fill as the run's record lists it, as it happens (a fills journal on disk, `FillJournal`). */
  readonly onFill?: (fill: FillRecord) => void;
}

/** What a paper run reports every sample period. */
export type PaperUpdate = RealTimeUpdate;

export interface PaperResult {
  readonly record: RunRecord;
  readonly totals: PortfolioTotals;
  /** Where the created exchange listened (closed now); undefined when it did not listen. */
  readonly endpoints: { readonly restUrl: string; readonly wsUrl: string } | undefined;
  readonly accountId: number;
}

/**
 * Runs a strategy on the embedded local exchange in real time (paper trading): the same kernel and
 * strategy as a backtest, on the wall clock. The exchange listens, so `basis` commands, ccxt or the
 * SDK can watch the same account. Ends after `durationMs` or when `signal` aborts (Ctrl-C).
 */
export async function runPaper(options: PaperOptions): Promise<PaperResult> {
  const strategy = await resolveStrategy(options.strategy, { ...options.params });
  const symbols = options.symbols ?? strategy.symbols ?? ['BTCUSDT'];
  const run = runProduct(symbols, options.quoteAsset);
  const quoteAsset = run.asset;
  const own = options.exchange === undefined;
  const exchange = options.exchange ?? paperExchange(options, run, symbols);
  try {
    let endpoints: ExchangeEndpoints | undefined;
    if (own && options.listen !== false) {
      endpoints = await exchange.listen(typeof options.listen === 'object' ? options.listen : {});
      options.onListening?.(endpoints);
    }
    const accountId = exchange.defaultAccount?.accountId;
    if (accountId === undefined) throw new Error('the exchange has no default account to trade with');
    const clock = exchange.clock;
    const local = localVenueFor(exchange, run, symbols, clock, accountId);
    const sampleEveryMs = options.sampleEveryMs ?? 1000;
    const kernel = new Kernel({
      strategy,
      mode: 'paper',
      env: 'local',
      clock,
      data: new LocalDataClient(local),
      execution: new LocalExecutionClient(local, quoteAsset),
      symbols,
      quoteAsset,
      sampleEveryMs,
      drain: 'async',
      ...(options.risk === undefined ? {} : { risk: options.risk }),
      ...(options.log === undefined ? {} : { log: options.log }),
      ...(options.onFill === undefined ? {} : { onFill: options.onFill }),
    });
    await kernel.start();

    const record = await runRealTime(kernel, clock, {
      symbols,
      sampleEveryMs,
      beforeTick: () => local.venue.advanceTo(clock.now()),
      ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onUpdate === undefined ? {} : { onUpdate: options.onUpdate }),
    });
    return {
      record,
      totals: kernel.totals(),
      endpoints: endpoints === undefined ? undefined : { restUrl: endpoints.restUrl, wsUrl: endpoints.wsUrl },
      accountId,
    };
  } finally {
    if (own) await exchange.close();
  }
}

/** The embedded exchange of a paper run that brings none: the run's markets, on the wall clock. */
function paperExchange(options: PaperOptions, run: RunProduct, symbols: readonly string[]): Exchange {
  const clock = options.exchangeOptions?.clock ?? createLiveClock();
  return createExchange({
    clock,
    ...embeddedMarkets(run, symbols, clock.now()),
    ...options.exchangeOptions,
    history: { ...EMBEDDED_HISTORY, ...options.exchangeOptions?.history },
    defaultAccount: { balances: options.balances ?? defaultBalances(run) },
  });
}
