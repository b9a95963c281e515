import type { FillRecord, PaperUpdate, RunRecord } from '@basis/bot';
import type { CommandIo } from '../command.js';
import { createLiveView, type LiveView } from './liveView.js';
import { reportDir } from './reportDir.js';
import { openRunFiles } from './runFiles.js';
import { summaryText } from './summaryText.js';

/** What a runtime (paper or live) calls while it runs. */
export interface SessionHooks {
  /** The run is up: `event` is printed as a JSON line with `--json`; otherwise the live view starts. */
  readonly started: (event: Readonly<Record<string, unknown>>, restUrl: string | undefined) => void;
  readonly onUpdate: (update: PaperUpdate) => void;
  /** Each fill as it happens: the session journals it in the run's directory. */
  readonly onFill: (fill: FillRecord) => void;
  readonly log: (line: string) => void;
}

export interface SessionInput {
  /** The strategy as the user named it (the live view's header). */
  readonly strategy: string;
  /** The loaded strategy's name: the report directory's. */
  readonly strategyName: string;
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
  const log = (line: string): void => {
    if (json) return;
    if (view === undefined) io.stderr.write(`${line}\n`);
    else view.log(line);
  };
  const files = openRunFiles(reportDir(input.out, input.mode, input.strategyName, startedAt), log);
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
    onFill: files.onFill,
    log,
  });
  const { htmlPath, jsonPath, fillsPath, summary } = files.finish(result.record);
  if (json) {
    io.stdout.write(
      `${JSON.stringify({ event: 'summary', htmlPath, jsonPath, fillsPath, pnl: summary.pnl, trades: summary.trades.fills })}\n`,
    );
  } else {
    io.stdout.write(`\nRun summary\n${summaryText(summary, htmlPath, fillsPath)}`);
  }
  return 0;
}
