/** One column of a {@link formatTable}: its header, and `right` to align numbers right. */
export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string;
  readonly right?: boolean;
}

/** A compact text table: a header line, then one line per row, columns two spaces apart. */
export function formatTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...cells.map((line) => line[i]!.length)),
  );
  const render = (line: readonly string[]) =>
    line
      .map((cell, i) => (columns[i]!.right === true ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[render(columns.map((c) => c.header)), ...cells.map(render)].join('\n')}\n`;
}

/** A decimal string without trailing zeros (`10000.00000000` → `10000`, `0.0100` → `0.01`). */
export function trimDecimal(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  if (!/^-?\d+\.\d*$/.test(value)) return value;
  const trimmed = value.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

/** An epoch-ms time as `2024-06-15 12:00:00` (UTC), or `` when absent. */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return '';
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** One JSON document: bigints (order ids beyond 2^53) as strings, then a newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`;
}

/** A position as both position tables read it: an account's positions and `positionRisk` rows. */
interface PositionRow {
  readonly symbol: string;
  readonly positionSide: string;
  readonly positionAmt: string;
}

/**
 * The first columns of a position table: symbol, side (a one-way position's from its sign) and size,
 * headed `CONTRACTS` on COIN-M.
 */
export function positionColumns<Row extends PositionRow>(market: 'usdm' | 'coinm'): Column<Row>[] {
  return [
    { header: 'SYMBOL', value: (p) => p.symbol },
    {
      header: 'SIDE',
      value: (p) =>
        p.positionSide === 'BOTH' ? (p.positionAmt.startsWith('-') ? 'SHORT' : 'LONG') : p.positionSide,
    },
    {
      header: market === 'coinm' ? 'CONTRACTS' : 'SIZE',
      value: (p) => trimDecimal(p.positionAmt),
      right: true,
    },
  ];
}
