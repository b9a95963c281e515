import { type PaperUpdate, runPaper, writeRunReport } from '@basis/bot';
import { CliUsageError } from '../cliError.js';
import type { CommandIo } from '../command.js';
import { parseDuration } from './duration.js';
import { createLiveView, type LiveView } from './liveView.js';
import { reportDir } from './reportDir.js';
import { summaryText } from './summaryText.js';

/** The flags `basis start` and `basis run` share. */
export const PAPER_FLAGS = {
  duration: {
    type: 'string',
    valueName: 'D',
    description: 'stop after this long (30, 30s, 5m, 2h); default: until Ctrl-C',
  },
  symbols: { type: 'string', valueName: 'A,B', description: "symbols to trade (default: the strategy's)" },
  port: {
    type: 'string',
    default: '0',
    valueName: 'N',
    description: 'port of the embedded exchange, so other clients can watch (0 picks a free one)',
  },
  out: { type: 'string', valueName: 'DIR', description: 'where to write result.json and report.html' },
} as const;

export interface PaperCommandInput {
  readonly strategy: string;
  readonly flags: {
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
  const symbols = flags.symbols
    ?.split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const startedAt = Date.now();
  let restUrl: string | undefined;
  let view: LiveView | undefined;
  const result = await runPaper({
    strategy,
    ...(symbols === undefined ? {} : { symbols }),
    ...(durationMs === undefined ? {} : { durationMs }),
    listen: { host: '127.0.0.1', port },
    signal: io.stopSignal,
    onListening: (endpoints) => {
      restUrl = endpoints.restUrl;
      if (flags.json)
        io.stdout.write(`${JSON.stringify({ event: 'listening', restUrl, wsUrl: endpoints.wsUrl })}\n`);
      else view = createLiveView(io, { strategy, restUrl, startedAt, durationMs, quoteAsset: 'USDT' });
    },
    onUpdate: (update: PaperUpdate) => view?.update(update),
    log: (line) => {
      if (flags.json) return;
      if (view === undefined) io.stderr.write(`${line}\n`);
      else view.log(line);
    },
  });
  const dir = reportDir(flags.out, 'paper', result.record.meta.strategy, startedAt);
  const { htmlPath, jsonPath, summary } = writeRunReport(dir, result.record);
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({ event: 'summary', htmlPath, jsonPath, pnl: summary.pnl, trades: summary.trades.fills })}\n`,
    );
  } else {
    io.stdout.write(`\nRun summary\n${summaryText(summary, htmlPath)}`);
  }
  return 0;
}
