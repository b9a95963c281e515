import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants, crc32, inflateRawSync } from 'node:zlib';

// A quick look inside data.binance.vision zip archives: the directory, and the first bytes of the one
// CSV inside (inflated partially), without reading the whole archive.

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Compressed bytes inflated to read the first rows. */
const HEAD_COMPRESSED = 64 * 1024;
/** Bytes of text returned. */
const HEAD_TEXT = 16 * 1024;

/** An archive that is not what data.binance.vision ships: the reason, in a few words. */
export class ArchiveProblem extends Error {
  override readonly name = 'ArchiveProblem';
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(Math.max(0, length));
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

/**
 * The name and first bytes (as text) of the single CSV in a zip archive. The whole entry is inflated
 * and its CRC-32 checked only when it is small; otherwise the sizes are checked against the file
 * (a truncated download fails) and the first 64 KB are inflated.
 *
 * @throws ArchiveProblem when the file is not a readable zip with one CSV.
 */
export function peekZip(path: string): { entry: string; head: string } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
      if (
        tail.readUInt32LE(i) === EOCD_SIGNATURE &&
        tail.readUInt16LE(i + 20) === tail.length - i - EOCD_SIZE
      ) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0)
      throw new ArchiveProblem('not a zip archive (no end-of-central-directory record; truncated?)');
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset + directorySize > size)
      throw new ArchiveProblem('zip directory beyond the end of the file');
    const directory = readAt(fd, directoryOffset, directorySize);
    const csvs: {
      name: string;
      method: number;
      crc: number;
      compressed: number;
      size: number;
      offset: number;
      flags: number;
    }[] = [];
    let pos = 0;
    for (let i = 0; i < count && i < 1000; i++) {
      if (pos + 46 > directory.length || directory.readUInt32LE(pos) !== CENTRAL_SIGNATURE)
        throw new ArchiveProblem(`bad zip directory entry ${i}`);
      const nameLength = directory.readUInt16LE(pos + 28);
      const name = directory.toString('utf8', pos + 46, pos + 46 + nameLength);
      if (name.toLowerCase().endsWith('.csv'))
        csvs.push({
          name,
          flags: directory.readUInt16LE(pos + 8),
          method: directory.readUInt16LE(pos + 10),
          crc: directory.readUInt32LE(pos + 16),
          compressed: directory.readUInt32LE(pos + 20),
          size: directory.readUInt32LE(pos + 24),
          offset: directory.readUInt32LE(pos + 42),
        });
      pos += 46 + nameLength + directory.readUInt16LE(pos + 30) + directory.readUInt16LE(pos + 32);
    }
    if (csvs.length !== 1) throw new ArchiveProblem(`expected one .csv inside, found ${csvs.length}`);
    const entry = csvs[0]!;
    if ((entry.flags & 1) !== 0) throw new ArchiveProblem(`${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new ArchiveProblem(
        `${entry.name} uses compression method ${entry.method} (only stored and deflate)`,
      );
    const header = readAt(fd, entry.offset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE)
      throw new ArchiveProblem(`bad local header for ${entry.name}`);
    const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressed > directoryOffset) throw new ArchiveProblem(`${entry.name} is truncated`);
    const whole = entry.compressed <= HEAD_COMPRESSED;
    const compressed = readAt(fd, start, whole ? entry.compressed : HEAD_COMPRESSED);
    let data: Buffer;
    try {
      data =
        entry.method === 0
          ? compressed
          : whole
            ? inflateRawSync(compressed)
            : inflateRawSync(compressed, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      throw new ArchiveProblem(`${entry.name} does not inflate (corrupt archive)`);
    }
    if (whole && (data.length !== entry.size || crc32(data) !== entry.crc))
      throw new ArchiveProblem(`${entry.name} fails its size or CRC-32 check`);
    return { entry: entry.name, head: data.subarray(0, HEAD_TEXT).toString('latin1') };
  } finally {
    closeSync(fd);
  }
}

/** The first bytes of a CSV file, as text. */
export function peekCsv(path: string): string {
  const fd = openSync(path, 'r');
  try {
    return readAt(fd, 0, HEAD_TEXT).toString('latin1');
  } finally {
    closeSync(fd);
  }
}
