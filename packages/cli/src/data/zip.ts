import { closeSync, openSync, readSync } from 'node:fs';
import { readZipEntries, readZipEntryHead, singleCsvEntry } from '@basis/exchange';

// A quick look at the first rows of data.binance.vision files without reading them whole. Zip
// archives go through the exchange's reader, the one the replay uses.

/** Compressed bytes inflated to read the first rows of a large archive. */
const HEAD_COMPRESSED = 64 * 1024;
/** Bytes of text returned. */
const HEAD_TEXT = 16 * 1024;

/**
 * The name and first bytes (as text) of the single CSV in a zip archive. The whole entry is inflated
 * and its CRC-32 checked only when it is small; otherwise the sizes are checked against the file
 * (a truncated download fails) and the first 64 KB are inflated.
 *
 * @throws ReplayError (reason `zip`) when the file is not a readable zip with one CSV.
 */
export function peekZip(path: string): { entry: string; head: string } {
  const entry = singleCsvEntry(path, readZipEntries(path));
  const head = readZipEntryHead(path, entry, HEAD_COMPRESSED).subarray(0, HEAD_TEXT);
  return { entry: entry.name, head: head.toString('latin1') };
}

/** The first bytes of a CSV file, as text. */
export function peekCsv(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_TEXT);
    let done = 0;
    while (done < HEAD_TEXT) {
      const n = readSync(fd, buffer, done, HEAD_TEXT - done, done);
      if (n === 0) break;
      done += n;
    }
    return buffer.subarray(0, done).toString('latin1');
  } finally {
    closeSync(fd);
  }
}
