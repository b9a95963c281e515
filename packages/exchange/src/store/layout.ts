import { readdirSync } from 'node:fs';

// 16 digits hold every safe integer (2^53 - 1 has 16), so names sort by sequence as text too.
const SEQ_DIGITS = 16;

/** The lock file's name inside a store directory. */
export const LOCK_FILE = 'LOCK';

/** The suffix of files being written; a leftover one is an unfinished write and is removed on open. */
export const TEMP_SUFFIX = '.tmp';

/** The suffix given to a snapshot found invalid on recovery, so it no longer counts as a snapshot. */
export const CORRUPT_SUFFIX = '.corrupt';

const SEGMENT_PATTERN = /^journal-([0-9]{1,16})\.ndjson$/;
const SNAPSHOT_PATTERN = /^snapshot-([0-9]{1,16})\.json$/;

function pad(seq: number): string {
  return String(seq).padStart(SEQ_DIGITS, '0');
}

/** The file name of the journal segment whose first record has sequence number `firstSeq`. */
export function segmentFileName(firstSeq: number): string {
  return `journal-${pad(firstSeq)}.ndjson`;
}

/** The file name of the snapshot of the state after the command with sequence number `seq`. */
export function snapshotFileName(seq: number): string {
  return `snapshot-${pad(seq)}.json`;
}

/** The files of a store directory, each list sorted by ascending sequence number. */
export type StoreFiles = {
  /** Journal segments, by first sequence number. */
  readonly segments: readonly { readonly seq: number; readonly name: string }[];
  /** Snapshots, by the sequence number they include. */
  readonly snapshots: readonly { readonly seq: number; readonly name: string }[];
  /** Leftover temporary files from interrupted snapshot writes. */
  readonly temporary: readonly string[];
};

/** Lists the segments, snapshots and leftover temporary files of a store directory. */
export function listStoreFiles(dir: string): StoreFiles {
  const segments: { seq: number; name: string }[] = [];
  const snapshots: { seq: number; name: string }[] = [];
  const temporary: string[] = [];
  for (const name of readdirSync(dir)) {
    const segment = SEGMENT_PATTERN.exec(name);
    if (segment) {
      segments.push({ seq: Number(segment[1]), name });
      continue;
    }
    const snapshot = SNAPSHOT_PATTERN.exec(name);
    if (snapshot) snapshots.push({ seq: Number(snapshot[1]), name });
    else if (name.startsWith('snapshot-') && name.endsWith(TEMP_SUFFIX)) temporary.push(name);
  }
  segments.sort((a, b) => a.seq - b.seq);
  snapshots.sort((a, b) => a.seq - b.seq);
  return { segments, snapshots, temporary };
}
