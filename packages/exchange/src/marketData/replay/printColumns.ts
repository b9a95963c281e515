import { Decimal } from '@basis/core';
import { CsvFileReader, type ReplayOptions, type RowSink } from './csvFileReader.js';
import { aggTradeRowProblem, type CsvFields, tradeRowProblem } from './csvRows.js';
import type { ReplayFile } from './discover.js';
import { UnitGrid } from './unitGrid.js';

/** A symbol's tick and step sizes, as decimal strings (plain data: it crosses to a reader thread). */
export interface PrintGrid {
  readonly tickSize: string;
  readonly stepSize: string;
}

/** One series of prints: one symbol's `aggTrades` (or `trades`) files in date order, and its grid. */
export interface PrintSeries {
  readonly files: readonly ReplayFile[];
  readonly grid: PrintGrid;
}

/** Bytes per row: time, tick and steps as float64, the taker's side as one byte. */
const ROW_BYTES = 25;
const FIRST_CAPACITY = 2048;

/**
 * Prints in columns, what a replay plays of each row: its time (ms), its price in whole ticks (0 when
 * the price is 0), its quantity in whole steps (at least 1), and whether the taker sold
 * (`is_buyer_maker`). The columns are views of one `ArrayBuffer`, so a batch moves between threads by
 * transfer, without a copy or an object per row.
 */
export class PrintColumns {
  readonly buffer: ArrayBuffer;
  readonly capacity: number;
  length = 0;
  readonly time: Float64Array;
  readonly tick: Float64Array;
  readonly steps: Float64Array;
  readonly takerSells: Uint8Array;

  constructor(capacity: number, buffer = new ArrayBuffer(capacity * ROW_BYTES), length = 0) {
    this.buffer = buffer;
    this.capacity = capacity;
    this.length = length;
    this.time = new Float64Array(buffer, 0, capacity);
    this.tick = new Float64Array(buffer, 8 * capacity, capacity);
    this.steps = new Float64Array(buffer, 16 * capacity, capacity);
    this.takerSells = new Uint8Array(buffer, 24 * capacity, capacity);
  }

  /** Appends a row, growing the columns when full (a copy into twice the room). */
  static push(
    columns: PrintColumns,
    time: number,
    tick: number,
    steps: number,
    takerSells: boolean,
  ): PrintColumns {
    let target = columns;
    if (target.length === target.capacity) {
      target = new PrintColumns(columns.capacity * 2);
      target.time.set(columns.time);
      target.tick.set(columns.tick);
      target.steps.set(columns.steps);
      target.takerSells.set(columns.takerSells);
      target.length = columns.length;
    }
    const i = target.length++;
    target.time[i] = time;
    target.tick[i] = tick;
    target.steps[i] = steps;
    target.takerSells[i] = takerSells ? 1 : 0;
    return target;
  }
}

/** Where a print file's columns are: `aggTrades` and `trades` differ in the time and side columns. */
const LAYOUTS = {
  aggTrades: { check: aggTradeRowProblem, time: 5, takerSells: 6 },
  trades: { check: tradeRowProblem, time: 4, takerSells: 5 },
} as const;

/**
 * Reads one {@link PrintSeries} into {@link PrintColumns}, a chunk of a file per batch: rows are
 * checked as the object reader checks them (the same {@link ReplayError}s, file and line), prices
 * become ticks and quantities steps on the series' grid (exact on the grid, rounded half-even off it).
 * Synchronous; the same code runs on the main thread or on a reader thread.
 */
export class PrintSeriesReader {
  readonly #files: readonly ReplayFile[];
  readonly #options: ReplayOptions;
  readonly #ticks: UnitGrid;
  readonly #steps: UnitGrid;
  #fileIndex = 0;
  #reader: CsvFileReader | undefined;
  #sink: RowSink | undefined;
  #lastTime = Number.NEGATIVE_INFINITY;
  #batch = new PrintColumns(FIRST_CAPACITY);

  constructor(series: PrintSeries, options: ReplayOptions = {}) {
    this.#files = series.files;
    this.#options = options;
    this.#ticks = new UnitGrid(Decimal.parse(series.grid.tickSize));
    this.#steps = new UnitGrid(Decimal.parse(series.grid.stepSize));
  }

  /**
   * The prints of the next chunk (possibly none, for a header-only chunk), or `undefined` once every
   * file is read. A batch is the caller's: the reader never writes to it again.
   */
  next(): PrintColumns | undefined {
    // Each round returns or moves to the next file, so it ends.
    for (;;) {
      if (this.#reader === undefined) {
        const file = this.#files[this.#fileIndex++];
        if (file === undefined) return undefined;
        this.#reader = new CsvFileReader(file, this.#options, this.#lastTime);
        this.#sink = this.#sinkFor(file);
      }
      this.#batch = new PrintColumns(Math.max(FIRST_CAPACITY, this.#batch.length));
      const more = this.#reader.readChunk(this.#sink!);
      this.#lastTime = this.#reader.lastTime;
      if (more) return this.#batch;
      this.#reader = undefined;
    }
  }

  /** Closes the open file, if any. */
  close(): void {
    this.#reader?.close();
    this.#reader = undefined;
    this.#fileIndex = this.#files.length;
  }

  #sinkFor(file: ReplayFile): RowSink {
    const layout =
      file.dataType === 'trades' || file.dataType === 'aggTrades' ? LAYOUTS[file.dataType] : undefined;
    if (layout === undefined) throw new TypeError(`${file.path} is no print file (${file.dataType})`);
    const { check, time: timeColumn, takerSells: sideColumn } = layout;
    const ticks = this.#ticks;
    const steps = this.#steps;
    return (fields: CsvFields) => {
      const problem = check(fields);
      if (problem !== undefined) return problem;
      const time = fields.time(timeColumn);
      this.#batch = PrintColumns.push(
        this.#batch,
        time,
        ticks.ofField(fields, 1),
        Math.max(1, steps.ofField(fields, 2)),
        fields.boolean(sideColumn)!,
      );
      return time;
    };
  }
}
