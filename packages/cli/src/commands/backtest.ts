import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type BacktestProgress,
  MAX_BACKTEST_STEP_MS,
  preferSerialScavenges,
  resolveStrategy,
  runBacktest,
} from '@basis/bot';
import { CliUsageError } from '../cliError.js';
import { defineCommand } from '../command.js';
import { parseDuration, parseTime } from '../run/duration.js';
import { reportDir } from '../run/reportDir.js';
import { parseRiskFlags, RISK_FLAGS } from '../run/riskFlags.js';
import { openRunFiles } from '../run/runFiles.js';
import { formatDuration, summaryText } from '../run/summaryText.js';

const BAR_WIDTH = 30;

export default defineCommand({
  name: 'backtest',
  description:
    'backtest a strategy in virtual time against the local exchange in-process (synthetic market or Binance historical files), then write the report',
  usage: '<strategy>',
  flags: {
    synthetic: {
      type: 'boolean',
      default: false,
      description: "the exchange's seeded synthetic market (the default)",
    },
    data: {
      type: 'string',
      valueName: 'DIR',
      description: 'replay Binance historical files (data.binance.vision layout: klines, aggTrades, trades)',
    },
    from: { type: 'string', valueName: 'TIME', description: 'start (2024-03-01, an ISO time or epoch ms)' },
    to: { type: 'string', valueName: 'TIME', description: 'end (default: --duration after the start)' },
    duration: {
      type: 'string',
      valueName: 'D',
      description: 'length when --to is absent (default 1h; with --data, until the data ends)',
    },
    seed: { type: 'string', default: '1', valueName: 'N', description: 'seed of the synthetic market' },
    step: {
      type: 'string',
      valueName: 'D',
      description:
        "the loop's time step (default 250ms): the strategy sees an event at the end of its step and its orders reach the exchange then, so a reaction takes up to one step; larger steps run faster",
    },
    symbols: {
      type: 'string',
      valueName: 'A,B',
      description:
        "symbols to trade (default: the strategy's): USDⓈ-M, or COIN-M of one coin (BTCUSD_PERP,BTCUSD_260327), accounted in that coin",
    },
    out: {
      type: 'string',
      valueName: 'DIR',
      description: 'where to write result.json, report.html and fills.jsonl (every fill)',
    },
    ...RISK_FLAGS,
  },
  async run({ flags, positionals, io }) {
    const strategy = positionals[0];
    if (strategy === undefined)
      throw new CliUsageError('name a strategy: an example (market-maker) or a file path');
    if (flags.synthetic && flags.data !== undefined)
      throw new CliUsageError('use --synthetic or --data DIR, not both');
    const dataDir = flags.data === undefined ? undefined : resolve(flags.data);
    if (dataDir !== undefined && !isDirectory(dataDir))
      throw new CliUsageError(`--data must be a directory of Binance historical files, got ${flags.data}`);
    const from = flags.from === undefined ? undefined : parseTime(flags.from, 'from');
    const to = flags.to === undefined ? undefined : parseTime(flags.to, 'to');
    if (from !== undefined && to !== undefined && to <= from)
      throw new CliUsageError('--to must be after --from');
    const durationMs = flags.duration === undefined ? undefined : parseDuration(flags.duration, 'duration');
    const stepMs = flags.step === undefined ? undefined : parseStep(flags.step);
    const seed = /^\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed;
    const risk = parseRiskFlags(flags);
    const symbols = flags.symbols
      ?.split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);

    const tty = io.stdout.isTTY === true && !flags.json;
    const wallStart = Date.now();
    let lastDraw = 0;
    const onProgress = (progress: BacktestProgress) => {
      if (!tty) return;
      const now = Date.now();
      if (now - lastDraw < 100 && progress.fraction < 1) return;
      lastDraw = now;
      const elapsed = now - wallStart;
      const filled = Math.round(progress.fraction * BAR_WIDTH);
      const eta =
        progress.fraction > 0 ? (elapsed / progress.fraction) * (1 - progress.fraction) : Number.NaN;
      const bar = `${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}`;
      const rate = elapsed > 0 ? Math.round((progress.events / elapsed) * 1000) : 0;
      io.stdout.write(
        `\r\u001b[2K[${bar}] ${(progress.fraction * 100).toFixed(0).padStart(3)}%  ${new Date(progress.time).toISOString().slice(0, 19)}Z  ${rate} events/s  fills ${progress.fills}  ETA ${Number.isFinite(eta) ? formatDuration(eta) : '?'}`,
      );
    };
    const log = (line: string): void => {
      if (!flags.json) io.stderr.write(`${line}\n`);
    };
    const resolved = await resolveStrategy(strategy);
    // This command owns its process: on a small machine, serial scavenges make the run faster.
    preferSerialScavenges();
    const files = openRunFiles(reportDir(flags.out, 'backtest', resolved.name, wallStart), log);
    const result = await runBacktest({
      strategy: resolved,
      seed,
      ...(stepMs === undefined ? {} : { stepMs }),
      ...(symbols === undefined ? {} : { symbols }),
      ...(from === undefined ? {} : { from }),
      ...(to !== undefined ? { to } : durationMs !== undefined ? { durationMs } : {}),
      ...(dataDir === undefined ? {} : { exchange: { replay: { dir: dataDir, align: 'history' as const } } }),
      onProgress,
      signal: io.stopSignal,
      ...(risk === undefined ? {} : { risk }),
      onFill: files.onFill,
      log,
    });
    if (tty) io.stdout.write('\n');
    const { htmlPath, jsonPath, fillsPath, summary } = files.finish(result.record);
    const rate = result.wallMs > 0 ? Math.round((result.events / result.wallMs) * 1000) : 0;
    if (flags.json) {
      io.stdout.write(
        `${JSON.stringify({ htmlPath, jsonPath, fillsPath, events: result.events, wallMs: Math.round(result.wallMs), aborted: result.aborted, pnl: summary.pnl, fills: summary.trades.fills })}\n`,
      );
    } else {
      const market =
        dataDir === undefined ? `synthetic market, seed ${String(seed)}` : `replay of ${dataDir}`;
      io.stdout.write(
        `Backtest ${result.aborted ? 'stopped early' : 'done'}: ${market}; ${result.events} events in ${formatDuration(result.wallMs)} (${rate} events/s, ${speedUp(result)} market time)\n${summaryText(summary, htmlPath, fillsPath)}`,
      );
    }
    return 0;
  },
});

/** How much faster than real time the run went: `4,320x` (market time covered / wall time). */
function speedUp(result: {
  readonly record: { readonly meta: { startTime: number; endTime: number } };
  readonly wallMs: number;
}): string {
  const marketMs = result.record.meta.endTime - result.record.meta.startTime;
  return result.wallMs > 0 ? `${Math.round(marketMs / result.wallMs).toLocaleString('en-US')}x` : 'n/a';
}

/** `--step`: a duration from 1 ms to a day (what `runBacktest` takes). */
function parseStep(text: string): number {
  const ms = parseDuration(text, 'step');
  if (ms < 1 || ms > MAX_BACKTEST_STEP_MS)
    throw new CliUsageError(`--step must be from 1ms to 1d; got ${text}`);
  return ms;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
