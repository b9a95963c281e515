import { join } from 'node:path';
import { productOfSymbol } from '@basis/bot';
import { KLINE_INTERVALS, type KlineInterval } from '@basis/core';

/** Data types of data.binance.vision's `futures/um` and `futures/cm` archives that `basis data` handles. */
export const DATA_TYPES = [
  'aggTrades',
  'trades',
  'klines',
  'markPriceKlines',
  'indexPriceKlines',
  'premiumIndexKlines',
  'bookTicker',
  'bookDepth',
  'metrics',
  'fundingRate',
] as const;
export type DataType = (typeof DATA_TYPES)[number];

/** Data types whose files are named by interval and live one folder deeper, under it. */
export const KLINE_TYPES = ['klines', 'markPriceKlines', 'indexPriceKlines', 'premiumIndexKlines'] as const;
export type KlineType = (typeof KLINE_TYPES)[number];

/** A kline interval as data.binance.vision spells it in file names: Binance's `1M` (month) is `1mo`. */
export type FileInterval = Exclude<KlineInterval, '1M'> | '1mo';

/** Interval names in file names: core's kline intervals, shortest first, with `1M` spelled `1mo`. */
export const INTERVALS: readonly FileInterval[] = KLINE_INTERVALS.map((interval) =>
  interval === '1M' ? '1mo' : interval,
);

export const isKlineType = (type: string): type is KlineType =>
  (KLINE_TYPES as readonly string[]).includes(type);
export const isDataType = (type: string): type is DataType =>
  (DATA_TYPES as readonly string[]).includes(type);
export const isInterval = (value: string): boolean => (INTERVALS as readonly string[]).includes(value);

/** What a Binance file name says: `BTCUSDT-aggTrades-2024-06-15.zip`, `BTCUSDT-1m-2024-06.csv`. */
export interface ArchiveName {
  readonly fileName: string;
  readonly symbol: string;
  readonly dataType: DataType;
  /** The kline interval as in the name (`1m`, `1mo`); `undefined` for other types. */
  readonly interval: string | undefined;
  readonly period: 'daily' | 'monthly';
  readonly date: string;
  readonly format: 'zip' | 'csv';
}

const FILE_NAME = /^([A-Z0-9_]+)-([A-Za-z0-9]+)-(\d{4}-\d{2}(?:-\d{2})?)\.(csv|zip)$/;

/**
 * Reads a file name in Binance's scheme. Kline files carry only the interval, so their type comes
 * from `klineType` (a folder name or the --type flag), `klines` by default.
 *
 * @returns the parts, or the reason the name is not one.
 */
export function parseArchiveName(
  fileName: string,
  klineType: KlineType = 'klines',
): ArchiveName | { reason: string } {
  const match = FILE_NAME.exec(fileName);
  if (match === null)
    return {
      reason:
        'not a Binance archive name (SYMBOL-TYPE-YYYY-MM-DD.zip or SYMBOL-INTERVAL-YYYY-MM-DD.zip, also .csv and monthly YYYY-MM)',
    };
  const [, symbol, kind, date, format] = match as unknown as [string, string, string, string, 'zip' | 'csv'];
  const period = date.length === 10 ? 'daily' : 'monthly';
  if (!validDate(date)) return { reason: `${date} is not a calendar date` };
  if (isInterval(kind))
    return { fileName, symbol, dataType: klineType, interval: kind, period, date, format };
  if (isDataType(kind) && !isKlineType(kind))
    return { fileName, symbol, dataType: kind, interval: undefined, period, date, format };
  return {
    reason: `unknown data type or interval '${kind}' (types: ${DATA_TYPES.filter((t) => !isKlineType(t)).join(', ')}; intervals: ${INTERVALS.join(' ')})`,
  };
}

function validDate(date: string): boolean {
  const full = date.length === 7 ? `${date}-01` : date;
  const time = Date.parse(`${full}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === full;
}

/**
 * The archive's path in the data.binance.vision layout, `/`-separated, as in its URL: under
 * `futures/cm` for a COIN-M symbol (`BTCUSD_PERP`, `BTCUSD_240628`), else `futures/um`.
 */
export function archivePath(name: Omit<ArchiveName, 'format'> & { readonly format?: 'zip' | 'csv' }): string {
  return [
    'data',
    'futures',
    productOfSymbol(name.symbol) === 'coinm' ? 'cm' : 'um',
    name.period,
    name.dataType,
    name.symbol,
    ...(name.interval === undefined ? [] : [name.interval]),
    name.fileName,
  ].join('/');
}

/** Where the archive goes under a local data folder. */
export function localPath(dir: string, name: ArchiveName): string {
  return join(dir, ...archivePath(name).split('/'));
}

/** The file name of a daily archive: `BTCUSDT-aggTrades-2024-06-15.zip`, `BTCUSDT-1m-2024-06-15.zip`. */
export function dailyFileName(
  symbol: string,
  dataType: DataType,
  interval: string | undefined,
  date: string,
): string {
  return `${symbol}-${isKlineType(dataType) ? interval : dataType}-${date}.zip`;
}

/** The data folder used when --dir is absent. */
export const DEFAULT_DATA_DIR = './data/binance';
