import { Decimal } from '@basis/core';
import type { KlineInterval } from '../klineIntervals.js';
import { normalizeTradeId, type TradeId } from '../tradeId.js';

/** The kline kinds of data.binance.vision, all in the 12-column kline layout. */
export const KLINE_DATA_TYPES = [
  'klines',
  'markPriceKlines',
  'indexPriceKlines',
  'premiumIndexKlines',
] as const;

/** One of {@link KLINE_DATA_TYPES}. */
export type KlineDataType = (typeof KLINE_DATA_TYPES)[number];

/** The data types the replay reads. */
export const REPLAY_DATA_TYPES = ['aggTrades', 'trades', ...KLINE_DATA_TYPES] as const;

/** One of {@link REPLAY_DATA_TYPES}. */
export type ReplayDataType = (typeof REPLAY_DATA_TYPES)[number];

/**
 * One row of an `aggTrades` file: `agg_trade_id,price,quantity,first_trade_id,last_trade_id,
 * transact_time,is_buyer_maker`. Prices and quantities stay Binance's exact decimal strings.
 */
export interface ReplayAggTrade {
  readonly kind: 'aggTrade';
  readonly symbol: string;
  /** When the event happens in the replay: the trade time (ms). */
  readonly time: number;
  readonly aggId: TradeId;
  readonly price: string;
  readonly qty: string;
  readonly firstTradeId: TradeId;
  readonly lastTradeId: TradeId;
  readonly isBuyerMaker: boolean;
}

/** One row of a `trades` file: `id,price,qty,quote_qty,time,is_buyer_maker` (COIN-M: `base_qty`). */
export interface ReplayTrade {
  readonly kind: 'trade';
  readonly symbol: string;
  /** The trade time (ms). */
  readonly time: number;
  readonly id: TradeId;
  readonly price: string;
  readonly qty: string;
  /** `quote_qty` (USD-M); COIN-M files carry `base_qty` in this column. */
  readonly quoteQty: string;
  readonly isBuyerMaker: boolean;
}

/**
 * One row of a kline file (`klines`, `markPriceKlines`, `indexPriceKlines`, `premiumIndexKlines`):
 * `open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,
 * taker_buy_quote_volume,ignore`.
 */
export interface ReplayKline {
  readonly kind: 'kline';
  readonly dataType: KlineDataType;
  readonly symbol: string;
  readonly interval: KlineInterval;
  /** When the candle becomes known: its close time, so a replay never looks ahead. */
  readonly time: number;
  readonly openTime: number;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volume: string;
  readonly closeTime: number;
  readonly quoteVolume: string;
  readonly count: number;
  readonly takerBuyVolume: string;
  readonly takerBuyQuoteVolume: string;
}

/** Any replayed event. */
export type ReplayEvent = ReplayAggTrade | ReplayTrade | ReplayKline;

/** Column counts per data type. */
export const REPLAY_COLUMNS: Readonly<Record<ReplayDataType, number>> = {
  aggTrades: 7,
  trades: 6,
  klines: 12,
  markPriceKlines: 12,
  indexPriceKlines: 12,
  premiumIndexKlines: 12,
};

const COMMA = 44;
const ZERO = 48;
const NINE = 57;
const MINUS = 45;
const DOT = 46;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const NOT_PRINTABLE_ASCII = /[^ -~]/;
const TRUE = [0x74, 0x72, 0x75, 0x65] as const; // 'true'
const FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65] as const; // 'false'
/** Above this a timestamp is in microseconds: 1e14 ms is the year 5138, 1e14 µs is 1973. */
const MICROSECOND_THRESHOLD = 1e14;

/** Decodes byte ranges of the current chunk; `LineChunker` is one. */
export interface TextSource {
  text(start: number, end: number): string;
}

/**
 * The fields of one CSV line, as byte ranges of the chunk buffer (no string is made until asked for).
 * Reused for every line of a file.
 */
export class CsvFields {
  buffer: Buffer = Buffer.alloc(0);
  count = 0;
  readonly #starts = new Int32Array(32);
  readonly #ends = new Int32Array(32);
  #texts: TextSource | undefined;

  /**
   * Splits bytes `[start, end)` at commas (Binance's files never quote fields). `texts`, when given,
   * decodes fields (a `LineChunker` decodes its chunk once instead of once per field).
   */
  split(buffer: Buffer, start: number, end: number, texts?: TextSource): void {
    this.buffer = buffer;
    this.#texts = texts;
    const starts = this.#starts;
    const ends = this.#ends;
    let n = 0;
    let fieldStart = start;
    for (let i = start; i < end; i++) {
      if (buffer[i] === COMMA) {
        if (n < 31) {
          starts[n] = fieldStart;
          ends[n] = i;
        }
        n++;
        fieldStart = i + 1;
      }
    }
    if (n < 32) {
      starts[n] = fieldStart;
      ends[n] = end;
    }
    this.count = n + 1;
  }

  /** Field `i` as text (Latin-1: the files are ASCII). */
  text(i: number): string {
    const texts = this.#texts;
    const start = this.#starts[i]!;
    const end = this.#ends[i]!;
    return texts === undefined ? this.buffer.toString('latin1', start, end) : texts.text(start, end);
  }

  /** Field `i` in whole `step` units, as {@link bytesToSteps} (`undefined` off the grid or not plain). */
  steps(i: number, stepUnits: number, stepScale: number): number | undefined {
    return bytesToSteps(this.buffer, this.#starts[i]!, this.#ends[i]!, stepUnits, stepScale);
  }

  /** Whether field `i` is empty. */
  isEmpty(i: number): boolean {
    return this.#starts[i] === this.#ends[i];
  }

  /**
   * Field `i` as a non-negative integer; `NaN` if it has anything but digits. Exact up to 2^53; a larger
   * value comes back as `Infinity` (ids use {@link CsvFields.id}).
   */
  integer(i: number): number {
    const b = this.buffer;
    const end = this.#ends[i]!;
    let pos = this.#starts[i]!;
    if (pos === end) return Number.NaN;
    let value = 0;
    for (; pos < end; pos++) {
      const c = b[pos]!;
      if (c < ZERO || c > NINE) return Number.NaN;
      value = value * 10 + (c - ZERO);
    }
    return value <= MAX_SAFE ? value : Number.POSITIVE_INFINITY;
  }

  /** Field `i` as an id: a number while safe, a bigint above 2^53; `undefined` if not digits. */
  id(i: number): TradeId | undefined {
    const value = this.integer(i);
    if (value === Number.POSITIVE_INFINITY) return normalizeTradeId(BigInt(this.text(i)));
    return Number.isNaN(value) ? undefined : value;
  }

  /** Field `i` as a time in ms: values above 10^14 are microseconds (spot since 2025) and are floored to ms. */
  time(i: number): number {
    const value = this.integer(i);
    return value > MICROSECOND_THRESHOLD ? Math.floor(value / 1000) : value;
  }

  /** Field `i` as a boolean: `true`/`True`/`TRUE` or `false`…, compared byte by byte; `undefined` otherwise. */
  boolean(i: number): boolean | undefined {
    const start = this.#starts[i]!;
    const length = this.#ends[i]! - start;
    const word = length === 4 ? TRUE : length === 5 ? FALSE : undefined;
    if (word === undefined) return undefined;
    const b = this.buffer;
    for (let k = 0; k < length; k++) if ((b[start + k]! | 0x20) !== word[k]) return undefined;
    return word === TRUE;
  }

  /**
   * Whether field `i` is a decimal number: plain (`66224.90`, `0.003`, `12`, with a leading minus when
   * `signed`) is checked byte by byte; anything else goes through `Decimal.tryParse` (exponent forms).
   */
  isDecimal(i: number, signed = false): boolean {
    const b = this.buffer;
    const end = this.#ends[i]!;
    let pos = this.#starts[i]!;
    if (signed && b[pos] === MINUS) pos++;
    let before = 0;
    let after = -1; // digits after the point; -1 without a point
    for (; pos < end; pos++) {
      const c = b[pos]!;
      if (c >= ZERO && c <= NINE) {
        if (after < 0) before++;
        else after++;
      } else if (c === DOT && after < 0) after = 0;
      else return this.#parsesAsDecimal(i, signed);
    }
    return before > 0 && after !== 0;
  }

  #parsesAsDecimal(i: number, signed: boolean): boolean {
    const value = Decimal.tryParse(this.text(i));
    return value !== undefined && (signed || !value.isNegative());
  }

  /** Whether the line is a header: its first byte is neither a digit nor a minus sign. */
  isHeader(): boolean {
    const c = this.buffer[this.#starts[0]!];
    return c === undefined || !((c >= ZERO && c <= NINE) || c === MINUS);
  }
}

/** Why a row was refused: the name of the first bad column. */
export type RowProblem = { readonly column: string };

/**
 * The first bad column of an `aggTrades` row, `undefined` when the row is well formed. Fields must
 * already be split. The replay's print columns and {@link parseAggTradeRow} check rows with it.
 */
export function aggTradeRowProblem(fields: CsvFields): string | undefined {
  if (fields.count !== 7) return `7 columns (got ${fields.count})`;
  if (Number.isNaN(fields.integer(0))) return 'agg_trade_id';
  if (Number.isNaN(fields.integer(3))) return 'first_trade_id';
  if (Number.isNaN(fields.integer(4))) return 'last_trade_id';
  if (!Number.isSafeInteger(fields.time(5))) return 'transact_time';
  if (fields.boolean(6) === undefined) return 'is_buyer_maker';
  if (!fields.isDecimal(1)) return 'price';
  if (!fields.isDecimal(2)) return 'quantity';
  return undefined;
}

/** Parses one `aggTrades` row, or returns the first bad column. Fields must already be split. */
export function parseAggTradeRow(fields: CsvFields, symbol: string): ReplayAggTrade | RowProblem {
  const problem = aggTradeRowProblem(fields);
  if (problem !== undefined) return { column: problem };
  return {
    kind: 'aggTrade',
    symbol,
    time: fields.time(5),
    aggId: fields.id(0)!,
    price: fields.text(1),
    qty: fields.text(2),
    firstTradeId: fields.id(3)!,
    lastTradeId: fields.id(4)!,
    isBuyerMaker: fields.boolean(6)!,
  };
}

/** The first bad column of a `trades` row, `undefined` when the row is well formed. */
export function tradeRowProblem(fields: CsvFields): string | undefined {
  if (fields.count !== 6) return `6 columns (got ${fields.count})`;
  if (Number.isNaN(fields.integer(0))) return 'id';
  if (!Number.isSafeInteger(fields.time(4))) return 'time';
  if (fields.boolean(5) === undefined) return 'is_buyer_maker';
  if (!fields.isDecimal(1)) return 'price';
  if (!fields.isDecimal(2)) return 'qty';
  if (!fields.isDecimal(3)) return 'quote_qty';
  return undefined;
}

/** Parses one `trades` row, or returns the first bad column. */
export function parseTradeRow(fields: CsvFields, symbol: string): ReplayTrade | RowProblem {
  const problem = tradeRowProblem(fields);
  if (problem !== undefined) return { column: problem };
  return {
    kind: 'trade',
    symbol,
    time: fields.time(4),
    id: fields.id(0)!,
    price: fields.text(1),
    qty: fields.text(2),
    quoteQty: fields.text(3),
    isBuyerMaker: fields.boolean(5)!,
  };
}

const KLINE_COLUMNS = [
  'open_time',
  'open',
  'high',
  'low',
  'close',
  'volume',
  'close_time',
  'quote_volume',
  'count',
  'taker_buy_volume',
  'taker_buy_quote_volume',
  'ignore',
] as const;
const KLINE_DECIMAL_COLUMNS = [1, 2, 3, 4, 5, 7, 9, 10] as const;

/** Parses one kline row (any of the four kline data types), or returns the first bad column. */
export function parseKlineRow(
  fields: CsvFields,
  symbol: string,
  dataType: KlineDataType,
  interval: KlineInterval,
): ReplayKline | RowProblem {
  if (fields.count !== 12) return { column: `12 columns (got ${fields.count})` };
  const openTime = fields.time(0);
  const closeTime = fields.time(6);
  const count = fields.integer(8);
  if (!Number.isSafeInteger(openTime)) return { column: 'open_time' };
  if (!Number.isSafeInteger(closeTime) || closeTime < openTime) return { column: 'close_time' };
  if (!Number.isSafeInteger(count)) return { column: 'count' };
  // Premium index values are signed fractions; every other kline value is a price or a volume.
  const signed = dataType === 'premiumIndexKlines';
  for (const i of KLINE_DECIMAL_COLUMNS)
    if (!fields.isDecimal(i, signed)) return { column: KLINE_COLUMNS[i]! };
  return {
    kind: 'kline',
    dataType,
    symbol,
    interval,
    time: closeTime,
    openTime,
    open: fields.text(1),
    high: fields.text(2),
    low: fields.text(3),
    close: fields.text(4),
    volume: fields.text(5),
    closeTime,
    quoteVolume: fields.text(7),
    count,
    takerBuyVolume: fields.text(9),
    takerBuyQuoteVolume: fields.text(10),
  };
}

/**
 * A decimal string as an integer count of `step` units (`'63123.40'` with step 0.10 is 631234),
 * without allocating a Decimal: for converting replayed prices to ticks and quantities to steps.
 * Returns `undefined` when the text is not a plain non-negative decimal, is not a multiple of the step,
 * or the count is not a safe integer. `stepUnits`/`stepScale` describe the step (0.10 → 10, 2).
 */
export function decimalToSteps(text: string, stepUnits: number, stepScale: number): number | undefined {
  // Printable ASCII only: Latin-1 bytes keep the offsets, and a wider character would lose its high byte.
  if (NOT_PRINTABLE_ASCII.test(text)) return undefined;
  return bytesToSteps(Buffer.from(text, 'latin1'), 0, text.length, stepUnits, stepScale);
}

/** {@link decimalToSteps} of the ASCII bytes `[start, end)` (a field of a chunk, without decoding it). */
function bytesToSteps(
  bytes: Uint8Array,
  start: number,
  end: number,
  stepUnits: number,
  stepScale: number,
): number | undefined {
  let units = 0;
  let fraction = -1;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c === DOT) {
      if (fraction >= 0 || i === start || i === end - 1) return undefined;
      fraction = 0;
      continue;
    }
    if (c < ZERO || c > NINE) return undefined;
    if (fraction >= 0) {
      if (fraction === stepScale) {
        if (c !== ZERO) return undefined; // a digit finer than the step
        continue;
      }
      fraction++;
    }
    units = units * 10 + (c - ZERO);
  }
  if (end <= start) return undefined;
  for (let f = Math.max(0, fraction); f < stepScale; f++) units *= 10;
  if (!(units <= MAX_SAFE)) return undefined;
  const steps = units / stepUnits;
  return Number.isSafeInteger(steps) ? steps : undefined;
}
