import { BasisError } from '@basis/core';

/** Why a replay file could not be read. */
export const REPLAY_ERROR_REASONS = ['format', 'order', 'zip', 'io', 'empty'] as const;

/** One of {@link REPLAY_ERROR_REASONS}. */
export type ReplayErrorReason = (typeof REPLAY_ERROR_REASONS)[number];

const DESCRIPTIONS: Readonly<Record<ReplayErrorReason, string>> = {
  format: 'A replay file has a row that is not in the expected format',
  order: 'A replay file goes back in time',
  zip: 'A zip archive cannot be read',
  io: 'A replay file cannot be read',
  empty: 'A replay directory holds nothing to replay',
};

/** Parameters of {@link ReplayError}. */
export interface ReplayErrorParameters {
  readonly reason: ReplayErrorReason;
  /** The file concerned. */
  readonly path: string;
  /** The 1-based line, for row errors. */
  readonly line?: number | undefined;
  /** What exactly is wrong (never the row's content beyond a short excerpt). */
  readonly detail?: string | undefined;
  readonly cause?: unknown;
}

/**
 * A historical data file (data.binance.vision layout) that cannot be replayed: a malformed row, rows
 * going back in time, an unsupported or corrupt zip; or a directory without a file to replay. Corrupt data stops the replay: silently skipping
 * rows would make a backtest lie.
 */
export class ReplayError extends BasisError {
  override name = 'ReplayError' as const;
  readonly reason: ReplayErrorReason;
  readonly path: string;
  readonly line: number | undefined;

  constructor({ reason, path, line, detail, cause }: ReplayErrorParameters) {
    const where = line === undefined ? path : `${path}:${line}`;
    super(`${DESCRIPTIONS[reason]}: ${where}`, {
      ...(detail === undefined ? {} : { details: detail }),
      ...(cause === undefined ? {} : { cause }),
    });
    this.reason = reason;
    this.path = path;
    this.line = line;
  }
}

/** Narrows a caught error to {@link ReplayError} by its `name`. */
export type ReplayErrorType = ReplayError & { name: 'ReplayError' };
