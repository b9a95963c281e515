import { type PaperUpdate, type RunRecord, writeRunReport } from '@basis/bot';
import type { CommandIo } from '../command.js';
import { createLiveView, type LiveView } from './liveView.js';
import { reportDir } from './reportDir.js';
import { summaryText } from './summaryText.js';

/** What a runtime (paper or live) calls while it runs. */
export interface SessionHooks {
  /** The run is up: `event` is printed as a JSON line with `--json`; otherwise the live view starts. */
  readonly started: (event: Readonly<Record<string, unknown>>, restUrl: string | undefined) => void;
  readonly onUpdate: (update: PaperUpdate) => void;
  readonly log: (line: string) => void;
}

export interface SessionInput {
  readonly strategy: string;
  /** `paper` or `live`: the report directory's prefix. */
  readonly mode: 'paper' | 'live';
  /** The live view's header: where the strategy runs. */
  readonly where: string;
  readonly durationMs: number | undefined;
  readonly out: string | undefined;
  readonly json: boolean;
  readonly io: CommandIo;
  /** Runs the strategy, calling the hooks; answers the run's record. */
  readonly run: (hooks: SessionHooks) => Promise<{ readonly record: RunRecord }>;
}

/**
 * Runs a strategy in real time with a live view (or JSON lines), then writes the report and prints
 * the summary: the part `basis start`, `basis run` (paper) and `basis run --env ...` (live) share.
 */
export async function runSession(input: SessionInput): Promise<number> {
  const { io, json } = input;
  const startedAt = Date.now();
  let view: LiveView | undefined;
  const result = await input.run({
    started: (event, restUrl) => {
      if (json) io.stdout.write(`${JSON.stringify(event)}\n`);
      else
        view = createLiveView(io, {
          strategy: input.strategy,
          restUrl,
          startedAt,
          durationMs: input.durationMs,
          where: input.where,
        });
    },
    onUpdate: (update) => view?.update(update),
    log: (line) => {
      if (json) return;
      if (view === undefined) io.stderr.write(`${line}\n`);
      else view.log(line);
    },
  });
  const dir = reportDir(input.out, input.mode, result.record.meta.strategy, startedAt);
  const { htmlPath, jsonPath, summary } = writeRunReport(dir, result.record);
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ event: 'summary', htmlPath, jsonPath, pnl: summary.pnl, trades: summary.trades.fills })}\n`,
    );
  } else {
    io.stdout.write(`\nRun summary\n${summaryText(summary, htmlPath)}`);
  }
  return 0;
}
