import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isKlineInterval, type KlineInterval } from '../klineIntervals.js';
import { KLINE_DATA_TYPES, type KlineDataType, REPLAY_DATA_TYPES, type ReplayDataType } from './csvRows.js';

/** One historical data file found on disk. */
export interface ReplayFile {
  readonly path: string;
  readonly dataType: ReplayDataType;
  readonly symbol: string;
  /** The kline interval (`1mo` in file names is `1M`); `undefined` for trades. */
  readonly interval: KlineInterval | undefined;
  /** `daily` (`YYYY-MM-DD`) or `monthly` (`YYYY-MM`). */
  readonly period: 'daily' | 'monthly';
  /** The date part of the name. */
  readonly date: string;
  readonly format: 'csv' | 'zip';
  /** `um`/`cm` when the path says so (`futures/um/...`). */
  readonly market: 'um' | 'cm' | undefined;
}

/** Filters of {@link discoverReplayFiles}. */
export interface DiscoverOptions {
  readonly symbols?: readonly string[];
  readonly dataTypes?: readonly ReplayDataType[];
  readonly intervals?: readonly KlineInterval[];
  /** How deep to descend (default 10; the full data.binance.vision layout is 7 levels). */
  readonly maxDepth?: number;
  /** Stop after this many directory entries (default 1,000,000), so a wrong root cannot run away. */
  readonly maxEntries?: number;
}

// SYMBOL-{dataType|interval}-{YYYY-MM-DD|YYYY-MM}.{csv|zip}
const FILE_NAME = /^([A-Z0-9_]+)-([A-Za-z0-9]+)-(\d{4}-\d{2}(?:-\d{2})?)\.(csv|zip)$/;

/**
 * Finds Binance's historical files under `dir`, in the data.binance.vision layout
 * (`<dir>/futures/um/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-06-15.zip`, klines one level deeper
 * under their interval) or flat (all files in one directory). The data type comes from the file name;
 * for klines, whose names only carry the interval, from the nearest directory named `klines`,
 * `markPriceKlines`, `indexPriceKlines` or `premiumIndexKlines` (default `klines`, so flat kline files
 * are trade klines). Only the data types the replay reads are returned.
 *
 * Duplicates are resolved: a `.csv` beside a `.zip` of the same name wins (it is the extracted copy),
 * and daily files of a month that also has a monthly file are dropped. The result is sorted by data
 * type, symbol, interval and date.
 */
export function discoverReplayFiles(dir: string, options: DiscoverOptions = {}): ReplayFile[] {
  const maxDepth = options.maxDepth ?? 10;
  let budget = options.maxEntries ?? 1_000_000;
  const found: ReplayFile[] = [];
  const walk = (path: string, depth: number, ancestors: readonly string[]): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (--budget < 0) return;
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        if (depth < maxDepth) walk(child, depth + 1, [...ancestors, entry.name]);
      } else if (entry.isFile()) {
        const file = describe(child, entry.name, ancestors);
        if (file !== undefined && accepts(file, options)) found.push(file);
      }
    }
  };
  walk(dir, 0, []);
  return dedupe(found);
}

function describe(path: string, name: string, ancestors: readonly string[]): ReplayFile | undefined {
  const match = FILE_NAME.exec(name);
  if (match === null) return undefined;
  const symbol = match[1]!;
  const kind = match[2]!;
  const date = match[3]!;
  const format = match[4] === 'zip' ? 'zip' : 'csv';
  let dataType: ReplayDataType | undefined;
  let interval: KlineInterval | undefined;
  const maybeInterval = kind === '1mo' ? '1M' : kind;
  if ((REPLAY_DATA_TYPES as readonly string[]).includes(kind) && !isKlineInterval(kind)) {
    if ((KLINE_DATA_TYPES as readonly string[]).includes(kind)) return undefined; // klines are named by interval
    dataType = kind as ReplayDataType;
  } else if (isKlineInterval(maybeInterval)) {
    interval = maybeInterval;
    dataType = klineTypeOf(ancestors);
  } else return undefined; // bookTicker, metrics, fundingRate, …: not replayed
  const market = ancestors.includes('um') ? 'um' : ancestors.includes('cm') ? 'cm' : undefined;
  return {
    path,
    dataType,
    symbol,
    interval,
    period: date.length === 10 ? 'daily' : 'monthly',
    date,
    format,
    market,
  };
}

function klineTypeOf(ancestors: readonly string[]): KlineDataType {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const name = ancestors[i]!;
    if ((KLINE_DATA_TYPES as readonly string[]).includes(name)) return name as KlineDataType;
  }
  return 'klines';
}

function accepts(file: ReplayFile, options: DiscoverOptions): boolean {
  if (options.symbols !== undefined && !options.symbols.includes(file.symbol)) return false;
  if (options.dataTypes !== undefined && !options.dataTypes.includes(file.dataType)) return false;
  if (
    options.intervals !== undefined &&
    file.interval !== undefined &&
    !options.intervals.includes(file.interval)
  ) {
    return false;
  }
  return true;
}

/** The identity of a time series: one data type of one symbol (and interval). */
export function streamKey(file: ReplayFile): string {
  return `${file.dataType}|${file.symbol}|${file.interval ?? ''}`;
}

/**
 * `files` grouped into their time series (see {@link streamKey}), the series sorted by key (so ties
 * between series break the same way every time) and each series' files by date.
 */
export function replaySeries(files: readonly ReplayFile[]): ReplayFile[][] {
  const groups = new Map<string, ReplayFile[]>();
  for (const file of files) {
    const key = streamKey(file);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [file]);
    else group.push(file);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => [...group].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
}

function dedupe(files: readonly ReplayFile[]): ReplayFile[] {
  const byName = new Map<string, ReplayFile>();
  for (const file of files) {
    const key = `${streamKey(file)}|${file.date}`;
    const other = byName.get(key);
    if (other === undefined || (other.format === 'zip' && file.format === 'csv')) byName.set(key, file);
  }
  const monthly = new Set<string>();
  for (const file of byName.values())
    if (file.period === 'monthly') monthly.add(`${streamKey(file)}|${file.date}`);
  const kept = [...byName.values()].filter(
    (f) => f.period === 'monthly' || !monthly.has(`${streamKey(f)}|${f.date.slice(0, 7)}`),
  );
  return kept.sort((a, b) => compare(streamKey(a), streamKey(b)) || compare(a.date, b.date));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
