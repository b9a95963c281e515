import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants, crc32, inflateRawSync } from 'node:zlib';
import { type ByteSource, bufferSource } from './byteSource.js';
import { ReplayError } from './replayError.js';

/** One file in a zip archive's central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** General-purpose flags; bit 0 means encrypted. */
  readonly flags: number;
  /** Where the central directory starts: the entry's data must end before it. */
  readonly directoryOffset: number;
}

/**
 * What the replay needs from a zip implementation: open the one CSV inside a data.binance.vision
 * archive as a byte stream. The built-in {@link builtinUnzip} inflates the entry in memory; a streaming
 * implementation (for example on `fflate`'s `Unzip`) can replace it for monthly archives of GBs.
 */
export interface Unzip {
  /** Opens the single `.csv` entry of the archive at `zipPath`. */
  open(zipPath: string): ByteSource;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARKER = 0xffffffff;

function zipError(path: string, detail: string, cause?: unknown): ReplayError {
  return new ReplayError({ reason: 'zip', path, detail, cause });
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

/**
 * Lists a zip archive's entries from its central directory (end-of-central-directory record searched
 * from the end, past any comment). Zip64 archives (over 4 GB or 65,535 entries) are refused.
 */
export function readZipEntries(path: string): ZipEntry[] {
  const fd = openSync(path, 'r');
  try {
    return entriesOf(fd, path);
  } finally {
    closeSync(fd);
  }
}

function entriesOf(fd: number, path: string): ZipEntry[] {
  const size = fstatSync(fd).size;
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tail = readAt(fd, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    // The comment may itself contain the signature: the record is where the comment length fits.
    if (
      tail.readUInt32LE(i) === EOCD_SIGNATURE &&
      tail.readUInt16LE(i + 20) === tail.length - i - EOCD_SIZE
    ) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw zipError(path, 'not a zip archive (no end-of-central-directory record; truncated?)');
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === ZIP64_MARKER || directoryOffset === ZIP64_MARKER) {
    throw zipError(path, 'zip64 archives are not supported; extract the CSV or use a streaming Unzip');
  }
  if (directoryOffset + directorySize > size) throw zipError(path, 'central directory beyond end of file');
  const directory = readAt(fd, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let pos = 0;
  for (let i = 0; i < count; i++) {
    if (pos + 46 > directory.length || directory.readUInt32LE(pos) !== CENTRAL_SIGNATURE) {
      throw zipError(path, `bad central directory entry ${i}`);
    }
    const nameLength = directory.readUInt16LE(pos + 28);
    const extraLength = directory.readUInt16LE(pos + 30);
    const commentLength = directory.readUInt16LE(pos + 32);
    const entry: ZipEntry = {
      flags: directory.readUInt16LE(pos + 8),
      method: directory.readUInt16LE(pos + 10),
      crc32: directory.readUInt32LE(pos + 16),
      compressedSize: directory.readUInt32LE(pos + 20),
      uncompressedSize: directory.readUInt32LE(pos + 24),
      localHeaderOffset: directory.readUInt32LE(pos + 42),
      directoryOffset,
      name: directory.toString('utf8', pos + 46, pos + 46 + nameLength),
    };
    if (entry.compressedSize === ZIP64_MARKER || entry.uncompressedSize === ZIP64_MARKER) {
      throw zipError(path, `zip64 entry ${entry.name} is not supported`);
    }
    entries.push(entry);
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The single `.csv` entry of a data.binance.vision archive (they ship exactly one). */
export function singleCsvEntry(path: string, entries: readonly ZipEntry[]): ZipEntry {
  const csvs = entries.filter((e) => e.name.toLowerCase().endsWith('.csv'));
  if (csvs.length !== 1) throw zipError(path, `expected one .csv entry, found ${csvs.length}`);
  return csvs[0]!;
}

/** The uncompressed bytes of one entry, checked against its size and CRC-32. */
export function readZipEntry(path: string, entry: ZipEntry): Buffer {
  const data = inflateEntry(path, entry, entry.compressedSize);
  if (data.length !== entry.uncompressedSize || crc32(data) !== entry.crc32) {
    throw zipError(path, `${entry.name} fails its size or CRC-32 check`);
  }
  return data;
}

/**
 * The first bytes of one entry, inflating at most `maxCompressed` bytes of it: a quick look into an
 * archive too large to inflate. An entry that small is read whole and checked as by {@link readZipEntry}.
 */
export function readZipEntryHead(path: string, entry: ZipEntry, maxCompressed: number): Buffer {
  if (entry.compressedSize <= maxCompressed) return readZipEntry(path, entry);
  return inflateEntry(path, entry, maxCompressed);
}

/** Reads the first `length` compressed bytes of an entry (all of them, or a prefix) and inflates them. */
function inflateEntry(path: string, entry: ZipEntry, length: number): Buffer {
  if ((entry.flags & 1) !== 0) throw zipError(path, `${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw zipError(path, `${entry.name} uses compression method ${entry.method} (only stored and deflate)`);
  }
  const fd = openSync(path, 'r');
  let compressed: Buffer;
  try {
    compressed = readAt(fd, dataStart(fd, path, entry), length);
  } finally {
    closeSync(fd);
  }
  if (compressed.length !== length) throw zipError(path, `${entry.name} is truncated`);
  if (entry.method === 0) return compressed;
  try {
    return inflateRawSync(compressed, {
      // A prefix stops mid-stream: return what it holds rather than fail for want of the end.
      ...(length < entry.compressedSize ? { finishFlush: constants.Z_SYNC_FLUSH } : {}),
      // Never more than the declared size, so a zip bomb fails here instead of filling memory.
      maxOutputLength: Math.max(1, entry.uncompressedSize),
    });
  } catch (cause) {
    const tooLarge = (cause as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
    const detail = tooLarge ? 'inflates beyond its declared size' : 'does not inflate (corrupt archive)';
    throw zipError(path, `${entry.name} ${detail}`, cause);
  }
}

/** Where an entry's data starts, past its local header; a short or overlapping entry is refused. */
function dataStart(fd: number, path: string, entry: ZipEntry): number {
  const header = readAt(fd, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) {
    throw zipError(path, `bad local header for ${entry.name}`);
  }
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  // The data must end where the directory starts: a download cut short fails here, before inflating.
  if (start + entry.compressedSize > entry.directoryOffset)
    throw zipError(path, `${entry.name} is truncated`);
  return start;
}

/**
 * The built-in {@link Unzip}: a minimal reader (central directory + `zlib.inflateRawSync`) that
 * inflates the archive's single CSV in memory (a daily BTCUSDT aggTrades file is ~80 MB inflated).
 */
export const builtinUnzip: Unzip = {
  open(zipPath: string): ByteSource {
    return bufferSource(readZipEntry(zipPath, singleCsvEntry(zipPath, readZipEntries(zipPath))));
  },
};
