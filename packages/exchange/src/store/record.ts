import * as zlib from 'node:zlib';

// One journal line is `<seq>\t<crc32>\t<json>\n`: the sequence number in decimal (1, 2, ..., no
// leading zeros), the CRC-32 of the UTF-8 bytes of `<seq>\t<json>` as 8 lowercase hex digits, and the
// encoded entry, which has no newline. A crash mid-write leaves a last line without its `\n` (torn);
// any other damage fails the checksum or the format. zlib.crc32 exists from Node 20.15 / 22.2 and
// the engines field (>= 20.19) guarantees it, so there is no hand-written fallback to keep in step.

/** The CRC-32 (IEEE, as zlib and gzip compute it) of the UTF-8 bytes of `<seq>\t<json>`. */
export function recordChecksum(seqText: string, json: string): number {
  return zlib.crc32(json, zlib.crc32(`${seqText}\t`));
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}

/**
 * Encodes one journal record as a complete line, `<seq>\t<crc32 hex>\t<json>\n`. Pure; the caller
 * guarantees that `seq` is a positive safe integer and that `json` has no `\n` (the store checks both).
 *
 * @example
 * encodeRecord(1, '{"a":1}') // '1\t<8 hex digits>\t{"a":1}\n'
 */
export function encodeRecord(seq: number, json: string): string {
  const seqText = String(seq);
  return `${seqText}\t${hex8(recordChecksum(seqText, json))}\t${json}\n`;
}

/** A line that holds a valid record. */
export type DecodedRecord = {
  readonly ok: true;
  /** The record's sequence number. */
  readonly seq: number;
  /** The encoded entry, checksum verified, not yet decoded. */
  readonly json: string;
};

/** A line that does not hold a valid record, and why. */
export type RecordDefect = {
  readonly ok: false;
  /** `format`: not `<seq>\t<crc>\t<json>`; `checksum`: well formed, but the CRC does not match. */
  readonly defect: 'format' | 'checksum';
};

const SEQ_PATTERN = /^[1-9][0-9]{0,15}$/;
const CRC_PATTERN = /^[0-9a-f]{8}$/;

/**
 * Decodes one journal line (without its trailing `\n`) written by {@link encodeRecord}. Pure; never
 * throws. The entry text is returned as is: decoding it is the caller's business.
 *
 * @example
 * decodeRecord(encodeRecord(7, '{}').slice(0, -1)) // { ok: true, seq: 7, json: '{}' }
 */
export function decodeRecord(line: string): DecodedRecord | RecordDefect {
  const first = line.indexOf('\t');
  const second = first < 0 ? -1 : line.indexOf('\t', first + 1);
  if (second < 0) return { ok: false, defect: 'format' };
  const seqText = line.slice(0, first);
  const crcText = line.slice(first + 1, second);
  if (!SEQ_PATTERN.test(seqText) || !CRC_PATTERN.test(crcText)) return { ok: false, defect: 'format' };
  const seq = Number(seqText);
  if (!Number.isSafeInteger(seq)) return { ok: false, defect: 'format' };
  const json = line.slice(second + 1);
  if (hex8(recordChecksum(seqText, json)) !== crcText) return { ok: false, defect: 'checksum' };
  return { ok: true, seq, json };
}
