import type { DataType } from './layout.js';

/** What each column must look like, per data type (data.binance.vision's futures/um files). */
type Cell = 'int' | 'dec' | 'bool' | 'any' | 'datetime' | 'text';

const LAYOUTS: Readonly<Record<DataType, readonly Cell[]>> = {
  aggTrades: ['int', 'dec', 'dec', 'int', 'int', 'int', 'bool'],
  trades: ['int', 'dec', 'dec', 'dec', 'int', 'bool'],
  klines: ['int', 'dec', 'dec', 'dec', 'dec', 'dec', 'int', 'dec', 'int', 'dec', 'dec', 'any'],
  markPriceKlines: ['int', 'dec', 'dec', 'dec', 'dec', 'dec', 'int', 'dec', 'int', 'dec', 'dec', 'any'],
  indexPriceKlines: ['int', 'dec', 'dec', 'dec', 'dec', 'dec', 'int', 'dec', 'int', 'dec', 'dec', 'any'],
  premiumIndexKlines: ['int', 'dec', 'dec', 'dec', 'dec', 'dec', 'int', 'dec', 'int', 'dec', 'dec', 'any'],
  bookTicker: ['int', 'dec', 'dec', 'dec', 'dec', 'int', 'int'],
  bookDepth: ['datetime', 'dec', 'dec', 'dec'],
  metrics: ['datetime', 'text', 'dec', 'dec', 'any', 'any', 'any', 'any'],
  fundingRate: ['int', 'int', 'dec'],
};

const CELL: Readonly<Record<Cell, RegExp>> = {
  int: /^-?\d+$/,
  dec: /^-?\d+(\.\d+)?(e-?\d+)?$/i,
  bool: /^(true|false|True|False)$/,
  any: /^.*$/,
  datetime: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
  text: /^\S+$/,
};

/** The first data row's check: its time (ms) when it has one, or why it does not parse. */
export type RowCheck =
  | { readonly ok: true; readonly header: boolean; readonly time: number | undefined }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks the first data row of a file's text (a header row, which futures files gained in 2022, is
 * skipped): the column count and each column's shape for the data type.
 */
export function checkFirstRow(dataType: DataType, text: string): RowCheck {
  const lines = text.split(/\r?\n/, 3);
  const first = lines[0]?.trim() ?? '';
  if (first === '') return { ok: false, reason: 'the file is empty' };
  const layout = LAYOUTS[dataType];
  const header = !/^-?\d/.test(first);
  const row = header ? (lines[1]?.trim() ?? '') : first;
  if (row === '' && header) return { ok: false, reason: 'only a header row, no data' };
  if (lines.length < 2 && text.length >= 16 * 1024)
    return { ok: false, reason: 'the first row is longer than 16 KB' };
  const fields = row.split(',');
  if (fields.length !== layout.length)
    return {
      ok: false,
      reason: `the first row has ${fields.length} columns; ${dataType} rows have ${layout.length} (is it a ${dataType} file?)`,
    };
  for (let i = 0; i < layout.length; i++) {
    const cell = layout[i]!;
    if (!CELL[cell].test(fields[i]!))
      return {
        ok: false,
        reason: `column ${i + 1} of the first row is '${fields[i]}', not ${describe(cell)}`,
      };
  }
  const timeColumn =
    dataType === 'aggTrades' ? 5 : dataType === 'trades' ? 4 : layout[0] === 'int' ? 0 : undefined;
  const time = timeColumn === undefined ? undefined : Number(fields[timeColumn]);
  return { ok: true, header, time };
}

function describe(cell: Cell): string {
  switch (cell) {
    case 'int':
      return 'an integer';
    case 'dec':
      return 'a decimal';
    case 'bool':
      return 'true/false';
    case 'datetime':
      return 'a YYYY-MM-DD HH:MM:SS time';
    default:
      return 'a value';
  }
}
