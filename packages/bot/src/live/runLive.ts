import type { Clock } from '@basis/core';
import type { Client, StreamsOptions, UserDataStreamOptions } from '@basis/sdk';
import type { ExitPolicy } from '../execution/exitPolicy.js';
import { Kernel } from '../kernel/kernel.js';
import { runRealTime } from '../kernel/realTimeLoop.js';
import type { PaperUpdate } from '../paper/runPaper.js';
import type { PortfolioTotals } from '../portfolio/portfolio.js';
import { runProduct } from '../product/runProduct.js';
import type { FillRecord, RunRecord } from '../report/runRecord.js';
import type { RiskLimits } from '../risk/limits.js';
import type { RiskStateStore } from '../risk/riskState.js';
import { resolveStrategy, type StrategySource } from '../strategy/loadStrategy.js';
import { LiveDataClient } from './liveDataClient.js';
import { LiveExecutionClient } from './liveExecutionClient.js';
import { liveProduct } from './liveProduct.js';

/** How a live run goes. */
export interface LiveOptions {
  readonly strategy: StrategySource;
  readonly params?: Readonly<Record<string, unknown>>;
  /**
   * An SDK client with credentials (`createClient({ env, credentials, baseUrl? })`, any decorators):
   * its environment is where the run trades. The caller closes it.
   */
  readonly client: Client;
  /**
   * Required, and `true`, to trade with a client of `env: 'production'` (real funds). Never implied.
   */
  readonly allowProduction?: boolean;
  readonly symbols?: readonly string[];
  readonly risk?: RiskLimits;
  readonly quoteAsset?: string;
  /** Stop after this long, ms (default: until `signal` aborts). */
  readonly durationMs?: number;
  readonly signal?: AbortSignal;
  /** Record samples and `onUpdate` calls, ms (default 1 s). */
  readonly sampleEveryMs?: number;
  readonly onUpdate?: (update: LiveUpdate) => void;
  readonly log?: (line: string) => void;
  /** Sees every fill as the run's record lists it, as it happens (a fills journal on disk, `FillJournal`). */
  readonly onFill?: (fill: FillRecord) => void;
  /**
   * Keeps the kill switch's peak, day start and halt across restarts (`RiskStateFile`): a bot restarted
   * after a trip starts halted, and a restart resets neither the drawdown nor the day's loss.
   */
  readonly riskState?: RiskStateStore;
  /**
   * What the run leaves on the exchange when it stops, for any reason (a strategy that threw
   * included): `cancel` (default) cancels every order and conditional order of its symbols that
   * could open or grow a position and keeps the reduce-only and close-position ones; `flatten` also
   * closes the positions; `leave` changes nothing. See {@link ExitPolicy}.
   */
  readonly exitPolicy?: ExitPolicy;
  /**
   * Binance's dead-man switch on the run's symbols, ms (`countdownCancelAll`): refreshed every third
   * of it while the run lives, disarmed when it stops. Should the process die (killed, out of memory,
   * the host down) or lose the exchange for this long, the exchange cancels the symbols' open orders
   * on its own. Default 60000; 0 turns it off.
   */
  readonly deadManSwitchMs?: number;
  /** Options of the market streams (reconnect backoff, watchdog). */
  readonly streams?: StreamsOptions;
  /** Options of the user-data stream (reconnect backoff, watchdog, read-back lookback). */
  readonly userData?: Omit<UserDataStreamOptions, 'onEvent' | 'symbols'>;
}

/** How long a live run may be gone before the exchange cancels its orders (see `deadManSwitchMs`). */
export const DEFAULT_DEAD_MAN_SWITCH_MS = 60_000;

/** A progress report of a live run (the same shape as a paper run's). */
export type LiveUpdate = PaperUpdate;

export interface LiveResult {
  readonly record: RunRecord;
  readonly totals: PortfolioTotals;
  /** The environment traded on. */
  readonly env: string;
  /** The accounting asset's wallet balance (the quote asset, or the COIN-M margin coin) when the run started and when it ended (exact decimal strings). */
  readonly startingWallet: string;
  readonly wallet: string;
}

/**
 * Refused: a production client without `allowProduction: true`, a client without credentials, or
 * symbols of the other product than the client's market.
 */
export class LiveRunRefusedError extends Error {
  override readonly name = 'LiveRunRefusedError';
}

/** The venue's time (the client's estimate of the server clock) with the client clock's timers. */
function serverClock(client: Client): Clock {
  const local = client.clock;
  return {
    now: () => client.time.now(),
    setTimeout: (fn, ms) => local.setTimeout(fn, ms),
    setInterval: (fn, ms) => local.setInterval(fn, ms),
    clearTimeout: (handle) => local.clearTimeout(handle),
    clearInterval: (handle) => local.clearInterval(handle),
  };
}

/**
 * Runs a strategy live through `@basis/sdk`: the same kernel, risk engine and portfolio as backtest
 * and paper, with market data from the SDK's streams and orders through its actions, and the
 * account's changes from its user-data stream (gaps read back from REST, each change once). Existing
 * open orders and positions are loaded into the strategy's state before `onStart`. Ends after
 * `durationMs` or when `signal` aborts; `onStop` runs, then the exit policy (default `cancel`: no
 * order that could open or grow a position is left working, even after a strategy fault), and a
 * last read-back leaves no fill out of the record.
 *
 * Both products: a USDⓈ-M client (`market: 'usdm'`) trades USDⓈ-M symbols in the quote asset, a
 * COIN-M client (`market: 'coinm'`) trades one margin coin's COIN-M symbols (BTCUSD_PERP, the BTCUSD
 * quarterlies) and accounts in that coin, the report's USD value at its index price.
 *
 * @throws LiveRunRefusedError for a production client without `allowProduction: true`, a client
 *   without credentials, or symbols of the other product than the client's market.
 */
export async function runLive(options: LiveOptions): Promise<LiveResult> {
  const { client } = options;
  if (client.env === 'production' && options.allowProduction !== true)
    throw new LiveRunRefusedError(
      'refusing to trade on Binance production: pass allowProduction: true to trade real funds',
    );
  if (client.keyType === undefined)
    throw new LiveRunRefusedError(`the ${client.env} client has no credentials to trade with`);
  const strategy = await resolveStrategy(options.strategy, { ...options.params });
  const symbols = options.symbols ??
    strategy.symbols ?? [client.market === 'coinm' ? 'BTCUSD_PERP' : 'BTCUSDT'];
  const { product, asset: quoteAsset } = runProduct(symbols, options.quoteAsset);
  // One code path for both products: the client's market decides the endpoints, so it must be the
  // symbols' market.
  if (product !== client.market)
    throw new LiveRunRefusedError(
      `${symbols.join(', ')} ${symbols.length === 1 ? 'is' : 'are'} ${product === 'coinm' ? 'COIN-M' : 'USDⓈ-M'}, but the client trades ${client.market === 'coinm' ? 'COIN-M' : 'USDⓈ-M'}: create it with market: '${product}'`,
    );
  const deadManSwitchMs = options.deadManSwitchMs ?? DEFAULT_DEAD_MAN_SWITCH_MS;
  if (!(Number.isSafeInteger(deadManSwitchMs) && deadManSwitchMs >= 0))
    throw new RangeError(`deadManSwitchMs must be 0 (off) or a whole number of ms; got ${deadManSwitchMs}`);
  const profile = liveProduct(product);
  const clock = serverClock(client);
  const sampleEveryMs = options.sampleEveryMs ?? 1000;
  const log = options.log ?? (() => {});
  const data = new LiveDataClient(client, {
    product: profile,
    log,
    ...(options.streams === undefined ? {} : { streams: options.streams }),
  });
  const execution = new LiveExecutionClient(client, {
    product: profile,
    symbols,
    quoteAsset,
    log,
    deadManSwitchMs,
    ...(options.userData === undefined ? {} : { userData: options.userData }),
  });
  const kernel = new Kernel({
    strategy,
    mode: 'live',
    env: client.env,
    clock,
    data,
    execution,
    symbols,
    quoteAsset,
    sampleEveryMs,
    drain: 'async',
    exitPolicy: options.exitPolicy ?? 'cancel',
    log,
    ...(options.risk === undefined ? {} : { risk: options.risk }),
    ...(options.onFill === undefined ? {} : { onFill: options.onFill }),
    ...(options.riskState === undefined ? {} : { riskState: options.riskState }),
  });
  try {
    await kernel.start();
  } catch (error) {
    // Nothing traded yet: close what connected, without a final read-back.
    await data.stop().catch(() => undefined);
    await execution.stop().catch(() => undefined);
    throw error;
  }
  const startingWallet = kernel.portfolio.wallet().toString();

  const record = await runRealTime(kernel, clock, {
    symbols,
    sampleEveryMs,
    ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onUpdate === undefined ? {} : { onUpdate: options.onUpdate }),
  });
  return {
    record,
    totals: kernel.totals(),
    env: client.env,
    startingWallet,
    wallet: kernel.portfolio.wallet().toString(),
  };
}
