// Backtest throughput (issue "Bot runtime", item 8): historical aggTrades per second through the
// full engine (the exchange in-process replaying them as prints against its market maker, mark
// price, funding, the kernel, risk, portfolio and a trivial strategy), against the floor of reading
// and parsing the same files with no engine (node:readline, split, Number) in the same run.
//
//   npm run build && node bench/backtestReplay.mjs [--rows 1000000] [--per-second 16] [--step 250]
//     [--thread auto|main|worker] [--gc cli|v8] [--json]
//
// `--gc cli` (the default) tunes the process as `basis backtest` does (`preferSerialScavenges`: serial
// young-generation collections on a machine of two cores or fewer); `--gc v8` keeps V8's defaults, as
// a script calling runBacktest on its own gets them.
//
// The data is generated once (seeded random walk, 16 trades/s unless --per-second says otherwise:
// BTCUSDT's rate, ~1.35M aggTrades a day in 2026 per reference/exchange-emulation.md §4.2; one file
// per UTC day, with header rows as data.binance.vision writes them) under
// bench/results/replay-data-* (git-ignored). Besides wall-clock rates it reports the engine's CPU time
// per row (process.cpuUsage, all threads), which other load on a shared machine moves less.
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { preferSerialScavenges, runBacktest } from '@basis/bot';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    // BTCUSDT's density (see the header); earlier sessions measured at 10.
    'per-second': { type: 'string', default: '16' },
    // The backtest's loop step in ms (runBacktest's stepMs): the strategy's reaction latency.
    step: { type: 'string', default: '250' },
    // Where the engine parses the files: a reader thread (auto picks it for files this size) or not.
    thread: { type: 'string', default: 'auto' },
    gc: { type: 'string', default: 'cli' },
    json: { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
const PER_SECOND = Number(values['per-second']);
const STEP_MS = Number(values.step);
const THREAD = values.thread;
if (
  !(Number.isInteger(ROWS) && ROWS > 0) ||
  !(Number.isInteger(PER_SECOND) && PER_SECOND > 0 && PER_SECOND <= 1000) ||
  !(Number.isInteger(STEP_MS) && STEP_MS > 0) ||
  !['auto', 'main', 'worker'].includes(THREAD) ||
  !['cli', 'v8'].includes(values.gc)
) {
  throw new RangeError(
    '--rows must be a positive integer, --per-second an integer from 1 to 1000, --step whole milliseconds, --thread auto, main or worker and --gc cli or v8',
  );
}
// Before anything runs, as the CLI does it before the backtest.
const SERIAL_SCAVENGES = values.gc === 'cli' && preferSerialScavenges();
const START = Date.UTC(2024, 2, 1);
const SPACING_MS = 1000 / PER_SECOND;
const DAY = 86_400_000;
// The 10/s data keeps its original folder name, so earlier runs' files are reused.
const root = join(
  import.meta.dirname,
  'results',
  PER_SECOND === 10 ? `replay-data-${ROWS}` : `replay-data-${ROWS}-${PER_SECOND}ps`,
);
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
    // Whole milliseconds, as the files hold them (exact for rates that divide 1000).
    const time = START + Math.floor(i * SPACING_MS);
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

// The replay's own print reader with no engine (a byte-level CSV parser into columns of ticks and
// steps, faster than readline), on the main thread or a reader thread: what the engine reads with.
// Imported from the built package's internals.
async function readerFloor(thread) {
  const { discoverReplayFiles } = await import('../packages/exchange/dist/marketData/replay/discover.js');
  const { PrintSource, emptyPrint } = await import(
    '../packages/exchange/dist/marketData/replay/printSource.js'
  );
  const started = performance.now();
  const files = discoverReplayFiles(root, { dataTypes: ['aggTrades'] });
  const source = new PrintSource(files, () => ({ tickSize: '0.10', stepSize: '0.001' }), { thread });
  const print = emptyPrint();
  let rows = 0;
  let checksum = 0;
  for (; rows < ROWS && source.take(print); rows++) checksum += print.time + print.tick;
  source.close();
  await source.ended();
  return { rows, wallMs: performance.now() - started, checksum };
}

// The main thread's own CPU time in µs (Linux: /proc/self/task/<pid>/stat, 10 ms ticks), apart from the
// reader thread's and V8's helper threads'; undefined elsewhere.
function mainThreadCpuMicros() {
  const path = `/proc/self/task/${process.pid}/stat`;
  if (!existsSync(path)) return undefined;
  const fields = readFileSync(path, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function engine() {
  let trades = 0;
  const strategy = { name: 'count-trades', symbols: ['BTCUSDT'], onTrade: () => void trades++ };
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpuMicros();
  const result = await runBacktest({
    strategy,
    symbols: ['BTCUSDT'],
    from: START,
    durationMs: ROWS * SPACING_MS,
    stepMs: STEP_MS,
    exchange: { replay: { dir: root, thread: THREAD } },
  });
  const cpu = process.cpuUsage(cpuBefore);
  const mainAfter = mainThreadCpuMicros();
  return {
    mainCpuMs: mainBefore === undefined ? undefined : (mainAfter - mainBefore) / 1000,
    rows: ROWS,
    trades,
    events: result.events,
    wallMs: result.wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

generate();
const base = await floor();
const reader = await readerFloor('main');
const readerThread = await readerFloor('worker');
const full = await engine();
const rate = (rows, ms) => Math.round((rows / ms) * 1000);
const out = {
  node: process.version,
  rows: ROWS,
  perSecond: PER_SECOND,
  stepMs: STEP_MS,
  thread: THREAD,
  serialScavenges: SERIAL_SCAVENGES,
  floorRowsPerSecond: rate(base.rows, base.wallMs),
  readerRowsPerSecond: rate(reader.rows, reader.wallMs),
  readerThreadRowsPerSecond: rate(readerThread.rows, readerThread.wallMs),
  engineRowsPerSecond: rate(full.rows, full.wallMs),
  engineCpuMicrosPerRow: Number(((full.cpuMs * 1000) / full.rows).toFixed(3)),
  engineMainThreadCpuMicrosPerRow:
    full.mainCpuMs === undefined ? undefined : Number(((full.mainCpuMs * 1000) / full.rows).toFixed(2)),
  engineEvents: full.events,
  strategyTrades: full.trades,
  ratio: rate(full.rows, full.wallMs) / rate(base.rows, base.wallMs),
  readerRatio: rate(full.rows, full.wallMs) / rate(reader.rows, reader.wallMs),
};
if (values.json) console.log(JSON.stringify(out));
else {
  console.log(
    `floor (readline + split + Number, no engine): ${out.floorRowsPerSecond.toLocaleString()} aggTrades/s`,
  );
  console.log(
    `the replay's own reader (byte-level CSV into columns, no engine): ${out.readerRowsPerSecond.toLocaleString()} aggTrades/s on the main thread, ${out.readerThreadRowsPerSecond.toLocaleString()} from a reader thread`,
  );
  console.log(
    `full engine (exchange replay, kernel, risk, portfolio, strategy): ${out.engineRowsPerSecond.toLocaleString()} aggTrades/s, ${out.engineCpuMicrosPerRow} µs CPU per row${out.engineMainThreadCpuMicrosPerRow === undefined ? '' : `, ${out.engineMainThreadCpuMicrosPerRow} on the main thread`} (${out.engineEvents} kernel events, ${out.strategyTrades} trades seen; ${PER_SECOND} per second of market time, ${STEP_MS} ms steps, reader thread: ${THREAD}, ${SERIAL_SCAVENGES ? 'serial scavenges as `basis backtest` on this machine' : "V8's parallel scavenges"})`,
  );
  console.log(
    `ratio: ${out.ratio.toFixed(3)}x the readline floor, ${out.readerRatio.toFixed(3)}x the replay's reader; target 1,000,000 aggTrades/s`,
  );
}
