import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { fsyncDirectory, writeAll } from './fileIo.js';
import { snapshotFileName, TEMP_SUFFIX } from './layout.js';
import { StoreError } from './storeError.js';

/** The `format` field of a snapshot header. */
export const SNAPSHOT_FORMAT = 'basis-snapshot' as const;
/** The `version` field of a snapshot header this code writes and reads. */
export const SNAPSHOT_VERSION = 1 as const;

/**
 * The first line of a snapshot file, as JSON. The encoded state follows the newline, and `bytes` and
 * `crc32` (8 lowercase hex digits, over those bytes) tell a complete, intact state from a damaged one
 * even when the damage still parses.
 */
export type SnapshotHeader = {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: typeof SNAPSHOT_VERSION;
  /** The sequence number of the last command the state includes. */
  readonly seq: number;
  /** When it was written, in ms since the epoch (from the store's `now`). */
  readonly createdAt: number;
  /** The length of the encoded state in bytes. */
  readonly bytes: number;
  /** The CRC-32 of the encoded state. */
  readonly crc32: string;
};

/** A snapshot on disk. */
export type SnapshotFileInfo = {
  /** Its path. */
  readonly path: string;
  /** The sequence number of the last command the state includes. */
  readonly seq: number;
  /** When it was written, in ms since the epoch. */
  readonly createdAt: number;
  /** The file's length in bytes. */
  readonly bytes: number;
};

/**
 * Writes a snapshot atomically: to `snapshot-<seq>.json.tmp`, fsynced, renamed over the final name,
 * then the directory fsynced. A crash at any point leaves either no snapshot or a complete one (plus
 * perhaps a `.tmp` file, removed when the store next opens). `body` is the already encoded state.
 *
 * @throws StoreError `io` when any step fails; the temporary file is removed.
 */
export function writeSnapshotFile(
  dir: string,
  seq: number,
  createdAt: number,
  body: string,
): SnapshotFileInfo {
  const path = join(dir, snapshotFileName(seq));
  const temporary = `${path}${TEMP_SUFFIX}`;
  const bodyBytes = Buffer.from(body, 'utf8');
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    seq,
    createdAt,
    bytes: bodyBytes.length,
    crc32: zlib.crc32(bodyBytes).toString(16).padStart(8, '0'),
  };
  const headerBytes = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'w');
    writeAll(fd, headerBytes);
    writeAll(fd, bodyBytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
    fsyncDirectory(dir);
  } catch (cause) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw new StoreError({ reason: 'io', path, detail: 'cannot write the snapshot', cause });
  }
  return { path, seq, createdAt, bytes: headerBytes.length + bodyBytes.length };
}

/** A snapshot read back and decoded. */
export type LoadedSnapshot = {
  /** The decoded state. */
  readonly state: unknown;
  /** The sequence number of the last command the state includes. */
  readonly seq: number;
  /** When it was written, in ms since the epoch. */
  readonly createdAt: number;
};

/** The outcome of {@link readSnapshotFile}: the snapshot, or why the file is not a valid one. */
export type SnapshotRead =
  | { readonly ok: true; readonly snapshot: LoadedSnapshot }
  | { readonly ok: false; readonly problem: string };

const CRC_PATTERN = /^[0-9a-f]{8}$/;

function parseHeader(text: string): SnapshotHeader | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'the header is not JSON';
  }
  if (typeof value !== 'object' || value === null) return 'the header is not an object';
  const header = value as Record<string, unknown>;
  if (header.format !== SNAPSHOT_FORMAT) return 'not a Basis snapshot';
  if (header.version !== SNAPSHOT_VERSION) return `unsupported version ${String(header.version)}`;
  const { seq, createdAt, bytes, crc32 } = header;
  if (!Number.isSafeInteger(seq) || (seq as number) < 0) return 'the header has no valid seq';
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt))
    return 'the header has no valid createdAt';
  if (!Number.isSafeInteger(bytes) || (bytes as number) < 0) return 'the header has no valid length';
  if (typeof crc32 !== 'string' || !CRC_PATTERN.test(crc32)) return 'the header has no valid crc32';
  return value as SnapshotHeader;
}

/**
 * Reads and checks a snapshot file: header, the sequence number its name promises, length,
 * checksum, and that `decode` accepts the state. A file that fails any check is reported, not
 * thrown, so recovery can fall back to an older snapshot.
 *
 * @throws StoreError `io` when the file exists but cannot be read (a damaged file is not an I/O error).
 */
export function readSnapshotFile(
  path: string,
  expectedSeq: number,
  decode: (text: string) => unknown,
): SnapshotRead {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT')
      return { ok: false, problem: 'the file is missing' };
    throw new StoreError({ reason: 'io', path, detail: 'cannot read the snapshot', cause });
  }
  const newline = data.indexOf(0x0a);
  if (newline < 0) return { ok: false, problem: 'the header is incomplete' };
  const header = parseHeader(data.toString('utf8', 0, newline));
  if (typeof header === 'string') return { ok: false, problem: header };
  if (header.seq !== expectedSeq) return { ok: false, problem: `the header says seq ${header.seq}` };
  const body = data.subarray(newline + 1);
  if (body.length !== header.bytes) {
    return { ok: false, problem: `the state has ${body.length} bytes, the header says ${header.bytes}` };
  }
  if (zlib.crc32(body).toString(16).padStart(8, '0') !== header.crc32) {
    return { ok: false, problem: 'the state fails its checksum' };
  }
  let state: unknown;
  try {
    state = decode(body.toString('utf8'));
  } catch {
    // The decoder's message may quote the state; it is left out on purpose.
    return { ok: false, problem: 'the state cannot be decoded' };
  }
  return { ok: true, snapshot: { state, seq: header.seq, createdAt: header.createdAt } };
}
