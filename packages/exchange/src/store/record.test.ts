import * as zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { decodeRecord, encodeRecord, recordChecksum } from './record.js';

describe('encodeRecord / decodeRecord', () => {
  test('default', () => {
    const line = encodeRecord(1, '{"type":"order","price":"65000.10"}');
    expect(line).toMatchInlineSnapshot(`
      "1	683b8cec	{"type":"order","price":"65000.10"}
      "
    `);
    expect(decodeRecord(line.slice(0, -1))).toEqual({
      ok: true,
      seq: 1,
      json: '{"type":"order","price":"65000.10"}',
    });
  });

  test('behavior: the checksum covers the UTF-8 bytes of "<seq>\\t<json>"', () => {
    const json = '{"note":"τ→∞ 🚀","tab":"a\tb"}';
    expect(recordChecksum('42', json)).toBe(zlib.crc32(Buffer.from(`42\t${json}`, 'utf8')));
    expect(decodeRecord(encodeRecord(42, json).slice(0, -1))).toEqual({ ok: true, seq: 42, json });
  });

  test('behavior: any changed character fails the checksum', () => {
    const line = encodeRecord(7, '{"qty":"0.010"}').slice(0, -1);
    expect(decodeRecord(line.replace('0.010', '0.011'))).toEqual({ ok: false, defect: 'checksum' });
    expect(decodeRecord(line.replace(/^7/, '8'))).toEqual({ ok: false, defect: 'checksum' });
  });

  test('behavior: malformed lines are format defects', () => {
    const crc = encodeRecord(7, '{}').split('\t')[1]!;
    for (const line of [
      '',
      '7',
      `7\t${crc}`,
      `07\t${crc}\t{}`,
      `-7\t${crc}\t{}`,
      `7\t${crc.toUpperCase()}x\t{}`,
    ]) {
      expect(decodeRecord(line), line).toEqual({ ok: false, defect: 'format' });
    }
    expect(decodeRecord(`99999999999999999\t${crc}\t{}`)).toEqual({ ok: false, defect: 'format' });
  });
});
