// Backtest throughput (issue "Bot runtime", item 8): historical aggTrades per second through the
// full engine (the exchange in-process replaying them as prints against its market maker, mark
// price, funding, the kernel, risk, portfolio and a trivial strategy), against the floor of reading
// and parsing the same files with no engine (node:readline, split, Number) in the same run.
//
//   npm run build && node bench/backtestReplay.mjs [--rows 1000000] [--json]
//
// The data is generated once (seeded random walk, 10 trades/s, one file per UTC day, with header
// rows as data.binance.vision writes them) under bench/results/replay-data (git-ignored).
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { runBacktest } from '@basis/bot';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, json: { type: 'boolean', default: false } },
});
const ROWS = Number(values.rows);
const START = Date.UTC(2024, 2, 1);
const SPACING_MS = 100;
const DAY = 86_400_000;
const root = join(import.meta.dirname, 'results', `replay-data-${ROWS}`);
const dir = join(root, 'data/futures/um/daily/aggTrades/BTCUSDT');

function generate() {
  if (existsSync(join(root, 'done'))) return;
  mkdirSync(dir, { recursive: true });
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  let tick = 600_000; // 60000.0 in 0.1 ticks
  let lines = [];
  let day = Math.floor(START / DAY);
  const flush = () => {
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    const header = 'agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n';
    writeFileSync(join(dir, `BTCUSDT-aggTrades-${date}.csv`), header + lines.join(''));
    lines = [];
  };
  for (let i = 0; i < ROWS; i++) {
    const time = START + i * SPACING_MS;
    if (Math.floor(time / DAY) !== day) {
      flush();
      day = Math.floor(time / DAY);
    }
    tick += Math.round((random() - 0.5) * 6);
    const qty = (1 + Math.floor(random() * 200)) / 1000;
    const price = `${Math.floor(tick / 10)}.${tick % 10}`;
    lines.push(`${i + 1},${price},${qty.toFixed(3)},${i + 1},${i + 1},${time},${random() < 0.5}\n`);
  }
  flush();
  writeFileSync(join(root, 'done'), '');
}

async function floor() {
  const started = performance.now();
  let rows = 0;
  let checksum = 0;
  const { readdirSync } = await import('node:fs');
  for (const file of readdirSync(dir).sort()) {
    const lines = createInterface({
      input: createReadStream(join(dir, file)),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (line.startsWith('agg')) continue;
      const fields = line.split(',');
      checksum += Number(fields[1]) + Number(fields[2]) + Number(fields[5]);
      rows++;
    }
  }
  return { rows, wallMs: performance.now() - started, checksum };
}

async function engine() {
  let trades = 0;
  const strategy = { name: 'count-trades', symbols: ['BTCUSDT'], onTrade: () => void trades++ };
  const result = await runBacktest({
    strategy,
    symbols: ['BTCUSDT'],
    from: START,
    durationMs: ROWS * SPACING_MS,
    exchange: { replay: { dir: root } },
  });
  return { rows: ROWS, trades, events: result.events, wallMs: result.wallMs };
}

generate();
const base = await floor();
const full = await engine();
const rate = (rows, ms) => Math.round((rows / ms) * 1000);
const out = {
  node: process.version,
  rows: ROWS,
  floorRowsPerSecond: rate(base.rows, base.wallMs),
  engineRowsPerSecond: rate(full.rows, full.wallMs),
  engineEvents: full.events,
  strategyTrades: full.trades,
  ratio: rate(full.rows, full.wallMs) / rate(base.rows, base.wallMs),
};
if (values.json) console.log(JSON.stringify(out));
else {
  console.log(
    `floor (readline + split + Number, no engine): ${out.floorRowsPerSecond.toLocaleString()} aggTrades/s`,
  );
  console.log(
    `full engine (exchange replay, kernel, risk, portfolio, strategy): ${out.engineRowsPerSecond.toLocaleString()} aggTrades/s (${out.engineEvents} kernel events, ${out.strategyTrades} trades seen)`,
  );
  console.log(`ratio: ${out.ratio.toFixed(3)}x the floor; target 1,000,000 aggTrades/s`);
}
