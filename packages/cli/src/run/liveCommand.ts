import { createInterface } from 'node:readline/promises';
import { EXIT_POLICIES, isExitPolicy, RiskStateFile, resolveStrategy, runLive, runProduct } from '@basis/bot';
import { type Environment, environments } from '@basis/sdk';
import { CliUsageError } from '../cliError.js';
import { describeTarget, PROXY_FLAG, resolveTarget, withMarketClient } from '../client.js';
import type { CommandIo, ParsedFlags } from '../command.js';
import { parseDuration } from './duration.js';
import { parseSymbols } from './paperCommand.js';
import { riskStatePath } from './reportDir.js';
import { parseRiskFlags, type RiskFlagValues } from './riskFlags.js';
import { runSession } from './session.js';

export interface LiveCommandInput {
  readonly strategy: string;
  readonly flags: RiskFlagValues &
    Readonly<Partial<ParsedFlags<typeof LIVE_FLAGS>>> & {
      readonly env: string;
      readonly url?: string | undefined;
      readonly yes: boolean;
      readonly duration?: string | undefined;
      readonly symbols?: string | undefined;
      readonly out?: string | undefined;
      readonly json: boolean;
    };
  readonly io: CommandIo;
  /**
   * Asks the user to confirm trading on production; answers whether they did. Default: a prompt on
   * the terminal when stdin and stdout are both terminals, else no confirmation (refused).
   */
  readonly confirm?: (question: string) => Promise<boolean>;
}

/** Flags of live runs only: the kill switch's memory across restarts, and what a stopped run leaves behind. */
export const LIVE_FLAGS = {
  ...PROXY_FLAG,
  'risk-state': {
    type: 'string',
    valueName: 'FILE',
    description:
      "live: where the kill switch's peak, day start and halt survive restarts (default runs/state/<env>-<strategy>.json)",
  },
  'reset-kill-switch': {
    type: 'boolean',
    default: false,
    description: 'live: forget the saved kill-switch state (a halt included) before starting',
  },
  'on-exit': {
    type: 'string',
    valueName: 'POLICY',
    description:
      'live: what the run leaves on the exchange when it stops, a strategy crash included: cancel (default: every order that could open or grow a position; reduce-only and close-position orders stay), flatten (cancel every order, close the positions) or leave',
  },
  'dead-man-switch': {
    type: 'string',
    valueName: 'DURATION',
    description:
      "live: should this process die or lose the exchange this long, the exchange cancels the run's open orders itself (Binance's countdownCancelAll, refreshed while the run lives); default 60s, 0 turns it off",
  },
} as const;

/** `--dead-man-switch`: a duration, or 0 for off; `undefined` (the runtime's default) when not given. */
function parseDeadManSwitch(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return text.trim() === '0' ? 0 : parseDuration(text, 'dead-man-switch');
}

/** A yes/no question on the terminal; `undefined` when there is no terminal to ask on. */
function terminalConfirm(io: CommandIo): ((question: string) => Promise<boolean>) | undefined {
  if (process.stdin.isTTY !== true || io.stdout.isTTY !== true) return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = await rl.question(question);
      return answer.trim().toLowerCase() === 'yes';
    } finally {
      rl.close();
    }
  };
}

/**
 * Runs a strategy live through the SDK (`basis run <strategy> --env testnet|demo|production`, or
 * `--env local --url URL` against a separately started local exchange), with the live view, the
 * report and the summary of a paper run. COIN-M symbols (`--symbols BTCUSD_PERP`, or the strategy's)
 * trade on a COIN-M client (`/dapi`, streams under `/dstream`), accounted in their margin coin. Keys come from BASIS_API_KEY with BASIS_API_SECRET or
 * BASIS_PRIVATE_KEY_FILE. Production needs `--env production` and a confirmation: `--yes`, or
 * answering `yes` at the prompt on a terminal; without either it is refused.
 */
export async function runLiveCommand({ strategy, flags, io, confirm }: LiveCommandInput): Promise<number> {
  const env = flags.env as Environment;
  if (!(environments as readonly string[]).includes(env))
    throw new CliUsageError(`--env must be one of ${environments.join(', ')}; got ${flags.env}`);
  const durationMs = flags.duration === undefined ? undefined : parseDuration(flags.duration, 'duration');
  const symbols = parseSymbols(flags.symbols);
  const risk = parseRiskFlags(flags);
  const deadManSwitchMs = parseDeadManSwitch(flags['dead-man-switch']);
  const onExit = flags['on-exit'];
  if (onExit !== undefined && !isExitPolicy(onExit))
    throw new CliUsageError(`--on-exit must be one of ${EXIT_POLICIES.join(', ')}; got ${onExit}`);
  let confirmed = flags.yes;
  if (env === 'production' && !confirmed) {
    const ask = confirm ?? terminalConfirm(io);
    if (ask === undefined)
      throw new CliUsageError(
        `--env production runs ${strategy} on Binance production with real funds: add --yes to confirm (or use --env testnet)`,
      );
    confirmed = await ask(`Run ${strategy} on Binance PRODUCTION with real funds? Type 'yes' to confirm: `);
    if (!confirmed) throw new CliUsageError('not confirmed: nothing was run on production');
  }
  // The symbols (--symbols, else the strategy's) decide the market: COIN-M symbols trade on a COIN-M
  // client (`/dapi`), accounted in their margin coin.
  const resolved = await resolveStrategy(strategy);
  const riskState = new RiskStateFile(riskStatePath(flags['risk-state'], env, resolved.name));
  let market: 'usdm' | 'coinm' = 'usdm';
  const traded = symbols ?? resolved.symbols;
  if (traded !== undefined) {
    try {
      market = runProduct(traded).product;
    } catch (error) {
      throw new CliUsageError(error instanceof Error ? error.message : String(error));
    }
  }
  const target = resolveTarget(
    {
      env,
      ...(flags.url === undefined ? {} : { url: flags.url }),
      ...(flags.proxy === undefined ? {} : { proxy: flags.proxy }),
      yes: confirmed,
    },
    io,
    { changesState: true, action: `run ${strategy} live`, market },
  );
  return withMarketClient(target, (client) =>
    runSession({
      strategy,
      strategyName: resolved.name,
      mode: 'live',
      where: `${describeTarget(target)} (live)`,
      durationMs,
      out: flags.out,
      json: flags.json,
      io,
      run: (hooks) => {
        if (flags['reset-kill-switch'] === true) {
          riskState.clear();
          hooks.log(`kill switch reset: ${riskState.path} cleared`);
        }
        hooks.started({ event: 'live', env, restUrl: client.urls?.rest }, client.urls?.rest);
        return runLive({
          strategy: resolved,
          client,
          allowProduction: env === 'production' && confirmed,
          ...(symbols === undefined ? {} : { symbols }),
          ...(durationMs === undefined ? {} : { durationMs }),
          ...(risk === undefined ? {} : { risk }),
          riskState,
          ...(onExit === undefined ? {} : { exitPolicy: onExit }),
          ...(deadManSwitchMs === undefined ? {} : { deadManSwitchMs }),
          signal: io.stopSignal,
          onUpdate: hooks.onUpdate,
          onFill: hooks.onFill,
          log: hooks.log,
        });
      },
    }),
  );
}
