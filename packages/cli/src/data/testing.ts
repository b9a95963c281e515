import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

// Fixtures for the `basis data` tests: zip archives and checksum files as data.binance.vision ships them.

/** A minimal zip writer: local headers, deflated data, central directory, end record. */
export function makeZip(entries: readonly { name: string; data: string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.from(entry.data, 'latin1');
    const body = deflateRawSync(raw);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A `.CHECKSUM` file's text for `data` named `fileName`. */
export function checksumFor(data: Buffer, fileName: string): string {
  return `${createHash('sha256').update(data).digest('hex')}  ${fileName}\n`;
}

/**
 * `count` aggTrades rows of a day, one a second from midnight UTC, with the header row; `quantity`
 * in contracts (`'3'`) for a COIN-M file.
 */
export function aggTradesCsv(date: string, count = 5, price = 60000, quantity = '0.010'): string {
  const start = Date.parse(`${date}T00:00:00Z`);
  const rows = ['agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker'];
  for (let i = 0; i < count; i++)
    rows.push(
      `${1000 + i},${(price + i / 10).toFixed(1)},${quantity},${2000 + i},${2000 + i},${start + i * 1000},${i % 2 === 0}`,
    );
  return `${rows.join('\n')}\n`;
}

/** `count` 1m klines of a day, without a header row (as older files are). */
export function klinesCsv(date: string, count = 5, price = 60000): string {
  const start = Date.parse(`${date}T00:00:00Z`);
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const open = start + i * 60_000;
    rows.push(
      `${open},${price},${price + 10},${price - 10},${price + 5},1.5,${open + 59_999},90000,12,0.7,42000,0`,
    );
  }
  return `${rows.join('\n')}\n`;
}
