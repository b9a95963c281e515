/**
 * Market-data hot paths against named alternatives, on the same pre-generated inputs:
 * - ingesting trades into 1-minute kline buckets (and the trade ring) vs pushing one object per trade
 *   into an array (the naive store every kline would then be computed from);
 * - parsing a data.binance.vision aggTrades CSV vs `readline` + `split(',')`, the floor any
 *   line-by-line reader pays before converting a single field.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, bench, describe } from 'vitest';
import { KlineStore } from './klines.js';
import { LineChunker, openFileSource } from './replay/byteSource.js';
import { CsvFields } from './replay/csvRows.js';
import { discoverReplayFiles } from './replay/discover.js';
import { ReplayFileReader } from './replay/replaySource.js';
import { TradeHistory } from './trades.js';

/** A tiny seeded LCG, so every run and every contender sees the same inputs. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// 100,000 BTCUSDT-like trades, about 4 a second (~7 hours): ticks near 960,000, sizes 1–200 steps.
const N = 100_000;
const random = lcg(20240615);
const times = new Float64Array(N);
const ticks = new Float64Array(N);
const qtys = new Float64Array(N);
const makers = new Uint8Array(N);
let t = 0;
let tick = 960_000;
for (let i = 0; i < N; i++) {
  t += Math.floor(random() * 500);
  tick += Math.round((random() - 0.5) * 6);
  times[i] = t;
  ticks[i] = tick;
  qtys[i] = 1 + Math.floor(random() ** 3 * 200);
  makers[i] = random() < 0.5 ? 1 : 0;
}
const SPAN = t + 60_000;

let round = 0;
// One store for all rounds (each round's times follow the previous round's), as the venue keeps one.
const store = KlineStore.forTrades('0.10', '0.001', { retentionMinutes: 1440 });
const history = new TradeHistory({ capacity: 100_000 });

describe(`ingest ${N} trades`, () => {
  bench('basis: KlineStore.addTrade (1-minute buckets)', () => {
    const base = SPAN * round++;
    for (let i = 0; i < N; i++) store.addTrade(base + times[i]!, ticks[i]!, qtys[i]!, makers[i] === 1, i);
  });
  bench('basis: TradeHistory.recordFill + KlineStore.addTrade (the venue path)', () => {
    const base = SPAN * round++;
    for (let i = 0; i < N; i++) {
      const time = base + times[i]!;
      const id = history.recordFill(ticks[i]!, qtys[i]!, time, makers[i] === 1, i);
      store.addTrade(time, ticks[i]!, qtys[i]!, makers[i] === 1, id);
    }
  });
  bench('naive: array.push({ time, price, qty, isBuyerMaker, id }) per trade', () => {
    const base = SPAN * round++;
    const trades: { time: number; price: number; qty: number; isBuyerMaker: boolean; id: number }[] = [];
    for (let i = 0; i < N; i++) {
      trades.push({
        time: base + times[i]!,
        price: ticks[i]!,
        qty: qtys[i]!,
        isBuyerMaker: makers[i] === 1,
        id: i,
      });
    }
    if (trades.length !== N) throw new Error('lost trades');
  });
});

// An aggTrades file in Binance's format, with its header: 200,000 rows (~13 MB).
const ROWS = 200_000;
const dir = mkdtempSync(join(tmpdir(), 'basis-bench-'));
const path = join(dir, 'BTCUSDT-aggTrades-2024-06-15.csv');
{
  const lines = ['agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker'];
  const r = lcg(7);
  for (let i = 0; i < ROWS; i++) {
    const price = (66_000 + Math.floor(r() * 5_000) / 10).toFixed(2);
    const qty = (1 + Math.floor(r() * 2_000)) / 1000;
    lines.push(
      `${2218433405 + i},${price},${qty},${5067812560 + 2 * i},${5067812561 + 2 * i},${1718409600000 + i * 400},${r() < 0.5}`,
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}
const [file] = discoverReplayFiles(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`parse an aggTrades CSV of ${ROWS} rows`, () => {
  bench('basis: ReplayFileReader (typed events: ids, times, booleans, price strings)', () => {
    const reader = new ReplayFileReader(file!);
    let rows = 0;
    for (let batch = reader.nextBatch(); batch !== undefined; batch = reader.nextBatch())
      rows += batch.length;
    if (rows !== ROWS) throw new Error(`read ${rows} rows`);
  });
  bench('basis: LineChunker + CsvFields.split (fields located, nothing converted)', () => {
    const chunker = new LineChunker(openFileSource(path));
    const fields = new CsvFields();
    let rows = 0;
    while (
      chunker.next((buffer, start, end) => {
        fields.split(buffer, start, end);
        rows++;
      })
    );
    if (rows !== ROWS + 1) throw new Error(`read ${rows} lines`);
  });
  bench('floor: readline + split(",") (strings only, nothing converted)', async () => {
    const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
    let rows = 0;
    for await (const line of lines) if (line.split(',').length === 7) rows++;
    if (rows !== ROWS + 1) throw new Error(`read ${rows} lines`);
  });
});
