/** What a {@link StoreError} is about; one machine-readable reason per distinct failure. */
export const STORE_ERROR_REASONS = [
  'locked',
  'corrupt-record',
  'sequence-gap',
  'undecodable',
  'encode',
  'io',
  'invalid-state',
  'invalid-argument',
  'failed',
] as const;

/** One of {@link STORE_ERROR_REASONS}. */
export type StoreErrorReason = (typeof STORE_ERROR_REASONS)[number];

const DESCRIPTIONS: Readonly<Record<StoreErrorReason, string>> = {
  locked: 'the store directory is locked by another exchange',
  'corrupt-record': 'a journal record is corrupt (checksum or format)',
  'sequence-gap': 'the journal does not continue the sequence it should',
  undecodable: 'a journal record has a valid checksum but cannot be decoded',
  encode: 'the value cannot be encoded for the store',
  io: 'a file operation failed',
  'invalid-state': 'the store is not in a state that allows this call',
  'invalid-argument': 'invalid argument',
  failed: 'the store stopped after an earlier write or fsync failure; restart to recover',
};

/** Parameters of {@link StoreError}. */
export type StoreErrorParameters = {
  /** Why the operation failed. */
  reason: StoreErrorReason;
  /** The file (or the store directory) concerned. */
  path: string;
  /** The 1-based line in `path`, for journal records. */
  line?: number | undefined;
  /** Extra detail for the message, never containing entry data. */
  detail?: string | undefined;
  /** The underlying error, if any. */
  cause?: unknown;
};

/**
 * Thrown by the exchange's durable store. `reason` says what went wrong, `path` which file (or
 * directory) and `line` which journal line. Messages never quote journal contents.
 *
 * @example
 * try { store.recover(); } catch (error) {
 *   if (error instanceof StoreError && error.reason === 'corrupt-record') report(error.path, error.line);
 * }
 */
export class StoreError extends Error {
  override readonly name = 'StoreError' as const;
  /** Why the operation failed. */
  readonly reason: StoreErrorReason;
  /** The file (or the store directory) concerned. */
  readonly path: string;
  /** The 1-based line in {@link StoreError.path}, when the failure is about one journal record. */
  readonly line: number | undefined;

  constructor({ reason, path, line, detail, cause }: StoreErrorParameters) {
    const where = line === undefined ? path : `${path}:${line}`;
    super(
      `${DESCRIPTIONS[reason]}${detail === undefined ? '' : ` (${detail})`}: ${where} [${reason}]`,
      cause === undefined ? undefined : { cause },
    );
    this.reason = reason;
    this.path = path;
    this.line = line;
  }
}

/** The type of errors thrown by the store. */
export type StoreErrorType = StoreError;
