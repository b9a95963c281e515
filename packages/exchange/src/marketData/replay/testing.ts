import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach } from 'vitest';

// Fixtures for the replay tests (header rows, a temporary data folder, zip archives as
// data.binance.vision ships them). Not used by the exchange itself.

/** Header rows of data.binance.vision's files (post-2022 files have them, older ones do not). */
export const AGG_HEADER =
  'agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker';
export const TRADE_HEADER = 'id,price,qty,quote_qty,time,is_buyer_maker';
export const COINM_TRADE_HEADER = 'id,price,qty,base_qty,time,is_buyer_maker';
export const KLINE_HEADER =
  'open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore';

/** A data folder made fresh for each test of the file and removed after it. */
export interface DataFolder {
  /** The folder of the running test. */
  readonly dir: string;
  /** Writes `lines` (newline-terminated) to `path` under the folder, creating its parents. */
  write(path: string, lines: readonly string[]): void;
}

/** Registers the per-test {@link DataFolder} hooks; call at a test file's top level. */
export function useDataFolder(prefix: string): DataFolder {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    write(path, lines) {
      const full = join(dir, path);
      mkdirSync(join(full, '..'), { recursive: true });
      writeFileSync(full, `${lines.join('\n')}\n`);
    },
  };
}

/**
 * A minimal zip writer for tests: local headers, data, central directory, end record. Entries are
 * deflated unless `stored`.
 */
export function makeZip(
  entries: readonly { name: string; data: string; stored?: boolean }[],
  comment = '',
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.from(entry.data, 'latin1');
    const body = entry.stored ? raw : deflateRawSync(raw);
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.stored ? 0 : 8;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
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
  const commentBytes = Buffer.from(comment, 'latin1');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(commentBytes.length, 20);
  return Buffer.concat([...locals, directory, end, commentBytes]);
}

/**
 * The prints' reader thread run from the TypeScript sources (the workspace's source runner strips the
 * types in the thread), for tests of `thread: 'worker'`: the sources are not built JavaScript.
 */
export const SOURCE_PRINT_WORKER = {
  hooks: [new URL('../../testing/sourceRunner.mjs', import.meta.url)],
} as const;
