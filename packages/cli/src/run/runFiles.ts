import { join } from 'node:path';
import {
  FILLS_FILE,
  FillJournal,
  type FillRecord,
  type RunRecord,
  type RunSummary,
  writeRunReport,
} from '@basis/bot';

/** What a run leaves in its directory. */
export interface RunFilesWritten {
  readonly htmlPath: string;
  readonly jsonPath: string;
  /** Every fill of the run, one JSON line each, written as they happened. */
  readonly fillsPath: string;
  readonly summary: RunSummary;
}

/** A run's directory from its start: the fills journal fills while it runs, the report at the end. */
export interface RunFiles {
  readonly onFill: (fill: FillRecord) => void;
  /** Closes the journal, then writes `result.json` and `report.html`. */
  finish(record: RunRecord): RunFilesWritten;
}

/**
 * Opens the run directory `dir` for a run: `fills.jsonl` gets each fill as it happens (so a crash
 * loses none, and a run of weeks keeps every fill the record folds), then the report at the end. A
 * journal that cannot be written is logged and the run goes on.
 */
export function openRunFiles(dir: string, log: (line: string) => void): RunFiles {
  const journal = new FillJournal(join(dir, FILLS_FILE), (error) => log(error.message));
  return {
    onFill: (fill) => journal.append(fill),
    finish: (record) => {
      journal.close();
      return { ...writeRunReport(dir, record), fillsPath: journal.path };
    },
  };
}
