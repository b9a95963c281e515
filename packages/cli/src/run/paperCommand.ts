import { resolveStrategy, runPaper } from '@basis/bot';
import { CliUsageError } from '../cliError.js';
import type { CommandIo } from '../command.js';
import { parseDuration } from './duration.js';
import { parseRiskFlags, type RiskFlagValues } from './riskFlags.js';
import { runSession } from './session.js';

/** The flags `basis start` and `basis run` share. */
export const PAPER_FLAGS = {
  duration: {
    type: 'string',
    valueName: 'D',
    description: 'stop after this long (30, 30s, 5m, 2h); default: until Ctrl-C',
  },
  symbols: {
    type: 'string',
    valueName: 'A,B',
    description:
      "symbols to trade (default: the strategy's): USDⓈ-M, or COIN-M of one coin (BTCUSD_PERP,BTCUSD_260327), accounted in that coin",
  },
  port: {
    type: 'string',
    default: '0',
    valueName: 'N',
    description: 'port of the embedded exchange, so other clients can watch (0 picks a free one)',
  },
  out: {
    type: 'string',
    valueName: 'DIR',
    description: 'where to write result.json, report.html and fills.jsonl (every fill, as it happens)',
  },
} as const;

export interface PaperCommandInput {
  readonly strategy: string;
  readonly flags: RiskFlagValues & {
    readonly duration?: string | undefined;
    readonly symbols?: string | undefined;
    readonly port: string;
    readonly out?: string | undefined;
    readonly json: boolean;
  };
  readonly io: CommandIo;
}

/**
 * Runs a strategy on the embedded local exchange in real time, shows it live, then writes the report
 * and prints the summary. Shared by `basis start` and `basis run --env local`.
 */
export async function runPaperCommand({ strategy, flags, io }: PaperCommandInput): Promise<number> {
  const durationMs = flags.duration === undefined ? undefined : parseDuration(flags.duration, 'duration');
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliUsageError(`--port must be 0..65535, got ${flags.port}`);
  const symbols = parseSymbols(flags.symbols);
  const risk = parseRiskFlags(flags);
  const resolved = await resolveStrategy(strategy);
  return runSession({
    strategy,
    strategyName: resolved.name,
    mode: 'paper',
    where: 'the embedded local exchange (paper)',
    durationMs,
    out: flags.out,
    json: flags.json,
    io,
    run: (hooks) =>
      runPaper({
        strategy: resolved,
        ...(symbols === undefined ? {} : { symbols }),
        ...(durationMs === undefined ? {} : { durationMs }),
        ...(risk === undefined ? {} : { risk }),
        listen: { host: '127.0.0.1', port },
        signal: io.stopSignal,
        onListening: (endpoints) =>
          hooks.started(
            { event: 'listening', restUrl: endpoints.restUrl, wsUrl: endpoints.wsUrl },
            endpoints.restUrl,
          ),
        onUpdate: hooks.onUpdate,
        onFill: hooks.onFill,
        log: hooks.log,
      }),
  });
}

/** `--symbols a,b` as upper-case symbols; undefined when not given. */
export function parseSymbols(text: string | undefined): string[] | undefined {
  return text
    ?.split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}
