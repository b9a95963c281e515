/**
 * The exchange's WebSocket benchmark (issue "Local exchange part 2", item 6), two parts:
 *
 * 1. Fan-out: market-stream frames per second delivered to 1, 100 and 1,000 clients on loopback, all
 *    subscribed (one combined `/stream` connection each, one SUBSCRIBE once all are connected) to the
 *    same streams: every default symbol's `@aggTrade`, `@bookTicker` and `@depth@100ms` from the
 *    synthetic market, at two settings (`--markets`): `default` (the exchange's own cadence, ~70
 *    frames/s per client) and `busy` (steps and ticks every 10 ms, ~500 frames/s per client). Named
 *    alternative, same run: **the floor**, a bare `ws` WebSocketServer replaying the exact frames one
 *    Basis client received (recorded at the start of each market's runs, with their timing) to the
 *    same number of clients. Each server runs in its own child process (`wsFanoutServer.mjs`), started
 *    fresh per measurement; the clients run in another child process (`wsFanoutClients.mjs`), so the
 *    server's CPU time (read from /proc) is its own. Reported: frames/s delivered (total, per client),
 *    delivery lag (`now - E` on 8 clients), each side's CPU, and the server's CPU per delivered frame
 *    above its idle cost (measured for 2 s before the clients connect).
 * 2. Fill → ORDER_TRADE_UPDATE latency: with `marketData: 'none'` (an empty, quiet book), a maker
 *    account rests a LIMIT order, a taker account crosses it with a LIMIT IOC over REST; the time from
 *    writing the crossing request to receiving the maker's and the taker's ORDER_TRADE_UPDATE (TRADE)
 *    on their user streams. Named alternative, same run: the REST round trip of that crossing order.
 *
 *   npm run build                              # the scripts import the built packages (dist)
 *   node bench/wsFanout.mjs                    # both parts (~4 min)
 *   node bench/wsFanout.mjs --part fanout --markets busy --clients 1,100,1000 --duration 5 --warmup 2 --rounds 3
 *   node bench/wsFanout.mjs --part latency --fills 2000
 *
 * Bounded: every phase has a count and a deadline, an overall deadline kills everything, children are
 * killed on every exit path, and the process exits by itself. Only 127.0.0.1.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hmacSha256Hex } from '@basis/core';
import WebSocket from 'ws';
import { askCpuMs, jsonLines, stopForMemory } from './childLines.mjs';
import { argumentChecks, childrenKilledOnExit, fmt, ms, pct, percentile, sleep } from './scriptHelpers.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SERVER_SCRIPT = join(HERE, 'wsFanoutServer.mjs');
const CLIENTS_SCRIPT = join(HERE, 'wsFanoutClients.mjs');
const SYMBOLS = ['btcusdt', 'ethusdt', 'bnbusdt', 'solusdt', 'xrpusdt', 'dogeusdt', 'linkusdt', 'btcusdc'];
const STREAM_KINDS = ['aggTrade', 'bookTicker', 'depth@100ms'];
const { fail, positiveInt } = argumentChecks('wsFanout');

const { values: args } = parseArgs({
  options: {
    part: { type: 'string', default: 'all' },
    clients: { type: 'string', default: '1,100,1000' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '1' },
    symbols: { type: 'string', default: String(SYMBOLS.length) },
    markets: { type: 'string', default: 'default,busy' },
    'trace-s': { type: 'string', default: '10' },
    fills: { type: 'string', default: '2000' },
    'warmup-fills': { type: 'string', default: '200' },
    json: { type: 'boolean', default: false },
  },
});
const parts = args.part === 'all' ? ['fanout', 'latency'] : [args.part];
if (!parts.every((p) => p === 'fanout' || p === 'latency')) fail('--part must be all, fanout or latency');
const clientCounts = args.clients.split(',').map((text) => positiveInt('clients', text));
const duration = positiveInt('duration', args.duration);
const warmup = Number(args.warmup);
const rounds = positiveInt('rounds', args.rounds);
const symbolCount = positiveInt('symbols', args.symbols);
// The synthetic market's settings: `default` is the exchange's own (a step every 250 ms, a tick every
// 50 ms), `busy` runs both every 10 ms (bookTicker frames are coalesced per tick, so the tick bounds
// their rate).
const MARKETS = { default: { stepMs: 250, tickMs: 50 }, busy: { stepMs: 10, tickMs: 10 } };
const markets = args.markets.split(',');
if (!markets.every((m) => m in MARKETS))
  fail(`--markets: a comma list of ${Object.keys(MARKETS).join(', ')}`);
const traceS = positiveInt('trace-s', args['trace-s']);
const fills = positiveInt('fills', args.fills);
const warmupFills = Number(args['warmup-fills']);
if (!Number.isFinite(warmup) || warmup < 0 || warmup > 60) fail('--warmup must be 0..60 seconds');
if (duration > 120 || traceS > 120) fail('--duration and --trace-s: at most 120 s');
if (clientCounts.some((c) => c > 5000)) fail('at most 5000 clients');
if (symbolCount > SYMBOLS.length) fail(`at most ${SYMBOLS.length} symbols`);
if (fills > 100_000 || !Number.isInteger(warmupFills) || warmupFills < 0) fail('--fills at most 100000');

const FILL_TIMEOUT_MS = 5_000;
const CLOCK_TICKS =
  process.platform === 'linux' ? Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) : 100;
const BASELINE_S = 2;
const LATENCY_DEADLINE_MS = 30_000 + (fills + warmupFills) * 50; // ≥ 20 fills/s or stop
const perFanoutS = warmup + duration + BASELINE_S + 2 * 60 + 20; // + connect and subscribe deadlines // + start, connect, close and slack
const deadlineMs =
  ((parts.includes('fanout')
    ? markets.length * (rounds * clientCounts.length * 2 + 1) * perFanoutS + 30
    : 0) +
    (parts.includes('latency') ? LATENCY_DEADLINE_MS / 1000 + 30 : 0)) *
  1000;

const children = childrenKilledOnExit();
const workDir = mkdtempSync(join(tmpdir(), 'basis-wsfanout-'));
process.on('exit', () => rmSync(workDir, { recursive: true, force: true }));
const deadline = setTimeout(() => {
  process.stderr.write(`wsFanout: over the ${Math.round(deadlineMs / 1000)} s deadline, stopping\n`);
  process.exit(3);
}, deadlineMs);
deadline.unref();

const streams = SYMBOLS.slice(0, symbolCount).flatMap((s) => STREAM_KINDS.map((k) => `${s}@${k}`));
const output = { setup: setup(), fanout: undefined, latency: undefined };
let failed = false;

if (parts.includes('fanout')) output.fanout = await fanoutPart();
if (parts.includes('latency')) output.latency = await latencyPart();

if (args.json) process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
process.exit(failed ? 1 : 0);

// ---------------------------------------------------------------------------------------------------
// Part 1: fan-out

async function fanoutPart() {
  const all = [];
  for (const market of markets) all.push(await fanoutMarket(market, MARKETS[market]));
  return all;
}

/** One market setting: the trace, then every client count against Basis and the floor. */
async function fanoutMarket(market, { stepMs, tickMs }) {
  // The trace: one client on a fresh exchange, `traceS` seconds; the floor replays it.
  const traceFile = join(workDir, `trace-${market}.ndjson`);
  const capture = await measureFanout(
    'basis',
    1,
    0,
    { stepMs, tickMs, traceFile },
    { warmupS: 1, durationS: traceS },
  );
  const offered = capture.perSecond;
  say(
    `\nmarket ${market} (synthetic stepMs ${stepMs}, tickMs ${tickMs}); trace: ${capture.traceFrames} frames in ` +
      `${fmt(traceS + 1, 0)} s from 1 Basis client; offered ${fmt(offered, 0)} frames/s per client ` +
      `(${symbolCount} symbols × ${STREAM_KINDS.join(', ')}), ${fmt(capture.bytes / capture.frames, 0)} B/frame\n`,
  );
  const results = [];
  for (let round = 1; round <= rounds; round++) {
    for (const n of clientCounts) {
      for (const target of ['basis', 'floor']) {
        const result = await measureFanout(
          target,
          n,
          round,
          { stepMs, tickMs, traceFile },
          { warmupS: warmup, durationS: duration },
        );
        results.push(result);
        printFanout(result, offered);
        if (result.subscribed < n) failed = true;
      }
    }
  }
  const summary = [];
  for (const n of clientCounts) {
    const pick = (target) => {
      const runs = results.filter((r) => r.target === target && r.clients === n);
      return {
        perSecond: median(runs.map((r) => r.perSecond)),
        perClientP50: median(runs.map((r) => r.perClient.p50)),
        mibPerSecond: median(runs.map((r) => r.bytes / r.seconds / 1048576)),
        lagP50: median(runs.map((r) => r.lagMs.p50)),
        lagP99: median(runs.map((r) => r.lagMs.p99)),
        serverCpu: median(runs.map((r) => r.serverCpu)),
        serverIdleCpu: median(runs.map((r) => r.serverIdleCpu)),
        serverCpuUsPerFrame: median(runs.map((r) => r.serverCpuUsPerFrame)),
        fanoutCpuUsPerFrame: median(runs.map((r) => r.fanoutCpuUsPerFrame)),
        clientCpu: median(runs.map((r) => r.clientCpu)),
        closedEarly: runs.reduce((sum, r) => sum + r.closedEarly, 0),
        serverRssMb: median(runs.map((r) => r.serverRssMb)),
      };
    };
    const basis = pick('basis');
    const floor = pick('floor');
    summary.push({
      clients: n,
      offeredPerSecond: offered * n,
      basis,
      floor,
      deliveredRatio: basis.perSecond / floor.perSecond,
      bytesRatio: basis.mibPerSecond / floor.mibPerSecond,
      cpuPerFrameRatio: basis.serverCpuUsPerFrame / floor.serverCpuUsPerFrame,
      fanoutCpuPerFrameRatio: basis.fanoutCpuUsPerFrame / floor.fanoutCpuUsPerFrame,
    });
  }
  if (!args.json) printFanoutSummary(market, summary, offered);
  return { market, stepMs, tickMs, offeredPerClient: offered, capture, results, summary };
}

/** One server (fresh), one client fleet; the server's CPU time over the clients' measured window. */
async function measureFanout(target, n, round, { stepMs, tickMs, traceFile }, { warmupS, durationS }) {
  const capturing = round === 0;
  const server = await startChild(
    SERVER_SCRIPT,
    target === 'floor'
      ? ['floor', JSON.stringify({ trace: traceFile })]
      : ['basis', JSON.stringify({ stepMs, tickMs })],
    `${target} server`,
  );
  try {
    const info = await server.next('listening');
    // The server's own cost without clients (the synthetic market, the floor's replay timer), over
    // `BASELINE_S` after a 1 s settle: subtracted to get the fan-out's CPU per delivered frame.
    await sleep(1000);
    const idle0 = await server.cpuMs();
    await sleep(BASELINE_S * 1000);
    const idleShare = ((await server.cpuMs()) - idle0) / (BASELINE_S * 1000);
    const fleet = await startChild(
      CLIENTS_SCRIPT,
      [
        JSON.stringify({
          url: `${info.wsUrl}/stream`,
          streams,
          clients: n,
          warmupS,
          durationS,
          sampleClients: 8,
          ...(capturing ? { trace: traceFile } : {}),
        }),
      ],
      'clients',
    );
    try {
      const connected = await fleet.next('connecting');
      await fleet.next('warming up');
      const cpu0 = await server.cpuMs();
      const done = await fleet.next('measuring');
      const serverCpuMs = (await server.cpuMs()) - cpu0;
      await fleet.exited();
      const memory = await server.stop();
      return {
        target,
        clients: n,
        round,
        connectMs: connected.connectMs,
        subscribeMs: connected.subscribeMs,
        ...done,
        serverCpu: serverCpuMs / (done.seconds * 1000),
        serverIdleCpu: idleShare,
        serverCpuUsPerFrame: (serverCpuMs * 1000) / done.frames,
        fanoutCpuUsPerFrame: ((serverCpuMs - idleShare * done.seconds * 1000) * 1000) / done.frames,
        serverRssMb: memory.rssMb,
      };
    } finally {
      fleet.kill();
    }
  } finally {
    server.kill();
  }
}

// ---------------------------------------------------------------------------------------------------
// Part 2: fill → ORDER_TRADE_UPDATE latency

async function latencyPart() {
  const server = await startChild(SERVER_SCRIPT, ['quiet', '{}'], 'quiet server');
  const sockets = [];
  try {
    const info = await server.next('listening');
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const http = (method, path, headers = {}, body = '') =>
      send(agent, `${info.restUrl}${path}`, method, headers, body);
    const admin = async (path, payload) => {
      const answer = await http(
        'POST',
        path,
        { 'content-type': 'application/json' },
        JSON.stringify(payload),
      );
      if (answer.status !== 200) throw new Error(`admin ${path}: ${answer.status} ${answer.body}`);
      return JSON.parse(answer.body);
    };
    const created = await admin('/admin/accounts', { balances: { USDT: '1000000000' } });
    const makerKey = { apiKey: info.apiKey, apiSecret: info.apiSecret };
    const takerKey = created.keys?.[0] ?? created.account?.keys?.[0];
    if (takerKey?.apiKey === undefined)
      throw new Error(`unexpected account answer ${JSON.stringify(created)}`);
    await admin('/admin/prices', { symbol: 'BTCUSDT', indexPrice: '60000' });
    // The mark follows the index on the exchange's next tick: wait for it (PERCENT_PRICE is checked
    // against the mark).
    for (let tries = 0; ; tries++) {
      const answer = await http('GET', '/fapi/v1/premiumIndex?symbol=BTCUSDT');
      if (Math.abs(Number(JSON.parse(answer.body).markPrice) - 60000) < 60) break;
      if (tries === 100) throw new Error(`the mark price did not follow the index: ${answer.body}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // Each account's user stream; every ORDER_TRADE_UPDATE is timed on arrival, then matched by
    // client order id and execution type.
    const waiting = new Map(); // `${clientOrderId}/${executionType}` → resolve(time)
    const openUserStream = async (key) => {
      const answer = await http('POST', '/fapi/v1/listenKey', { 'x-mbx-apikey': key.apiKey });
      if (answer.status !== 200) throw new Error(`listenKey: ${answer.status} ${answer.body}`);
      const { listenKey } = JSON.parse(answer.body);
      const ws = new WebSocket(`${info.wsUrl}/ws/${listenKey}`, { perMessageDeflate: false });
      sockets.push(ws);
      ws.on('message', (data) => {
        const at = performance.now();
        const event = JSON.parse(data.toString('utf8'));
        if (event.e !== 'ORDER_TRADE_UPDATE') return;
        const id = `${event.o.c}/${event.o.x}`;
        const resolve = waiting.get(id);
        if (resolve !== undefined) {
          waiting.delete(id);
          resolve(at);
        }
      });
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
    };
    await openUserStream(makerKey);
    await openUserStream(takerKey);
    const eventFor = (clientOrderId, executionType) =>
      new Promise((resolve) => {
        const id = `${clientOrderId}/${executionType}`;
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve(Number.NaN);
        }, FILL_TIMEOUT_MS);
        waiting.set(id, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });

    const order = (key, params) => {
      const query = `${params}&timestamp=${Date.now()}`;
      const path = `/fapi/v1/order?${query}&signature=${hmacSha256Hex(key.apiSecret, query)}`;
      return http('POST', path, { 'x-mbx-apikey': key.apiKey });
    };

    const prefix = `wf${process.pid.toString(36)}${Date.now().toString(36)}`;
    const total = warmupFills + fills;
    const rest = new Float64Array(fills);
    const maker = new Float64Array(fills);
    const taker = new Float64Array(fills);
    const makerAfterAnswer = new Float64Array(fills);
    let recorded = 0;
    let misses = 0;
    let refusals = 0;
    let firstRefusal;
    const started = performance.now();
    for (let i = 0; i < total && performance.now() - started < LATENCY_DEADLINE_MS; i++) {
      // Alternate sides so both positions stay near flat.
      const makerSide = i % 2 === 0 ? 'SELL' : 'BUY';
      const takerSide = i % 2 === 0 ? 'BUY' : 'SELL';
      const makerId = `${prefix}m${i}`;
      const takerId = `${prefix}t${i}`;
      const common = 'symbol=BTCUSDT&type=LIMIT&quantity=0.002&price=60000.0';
      const resting = eventFor(makerId, 'NEW');
      const placed = await order(
        makerKey,
        `${common}&side=${makerSide}&timeInForce=GTC&newClientOrderId=${makerId}`,
      );
      if (placed.status !== 200) {
        refusals += 1;
        firstRefusal ??= `maker ${placed.status} ${placed.body}`;
        await resting;
        continue;
      }
      await resting; // the user stream is idle before the crossing order goes out
      const makerTrade = eventFor(makerId, 'TRADE');
      const takerTrade = eventFor(takerId, 'TRADE');
      const crossing = await order(
        takerKey,
        `${common}&side=${takerSide}&timeInForce=IOC&newClientOrderId=${takerId}`,
      );
      const [makerAt, takerAt] = await Promise.all([makerTrade, takerTrade]);
      if (crossing.status !== 200) {
        refusals += 1;
        firstRefusal ??= `taker ${crossing.status} ${crossing.body}`;
        continue;
      }
      if (Number.isNaN(makerAt) || Number.isNaN(takerAt)) {
        misses += 1;
        continue;
      }
      if (i < warmupFills) continue;
      rest[recorded] = crossing.doneAt - crossing.sentAt;
      maker[recorded] = makerAt - crossing.sentAt;
      taker[recorded] = takerAt - crossing.sentAt;
      makerAfterAnswer[recorded] = makerAt - crossing.doneAt;
      recorded += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    const stats = (values) => {
      const sorted = values.slice(0, recorded).sort();
      return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] };
    };
    const result = {
      fills: recorded,
      misses,
      refusals,
      ...(firstRefusal === undefined ? {} : { firstRefusal }),
      seconds,
      restRoundTrip: stats(rest),
      makerEvent: stats(maker),
      takerEvent: stats(taker),
      makerEventAfterAnswer: stats(makerAfterAnswer),
      eventBeforeAnswer: maker.slice(0, recorded).filter((v, k) => v < rest[k]).length / recorded,
    };
    if (misses > 0 || refusals > 0 || recorded < fills) failed = true;
    if (!args.json) printLatency(result);
    for (const ws of sockets) ws.close(1000);
    await server.stop();
    return result;
  } finally {
    for (const ws of sockets) ws.terminate();
    server.kill();
  }
}

/** One HTTP request; `sentAt` just before the request is written, `doneAt` at its last byte. */
function send(agent, url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method,
      agent,
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
    });
    req.setTimeout(FILL_TIMEOUT_MS, () => req.destroy(new Error(`${method} ${url}: timed out`)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const doneAt = performance.now();
        resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), sentAt, doneAt });
      });
      res.on('error', reject);
    });
    const sentAt = performance.now();
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------------
// Children

/** Spawns a child that answers in JSON lines; `next(what)` awaits its next line. */
async function startChild(script, childArgs, name) {
  const child = spawn(process.execPath, [script, ...childArgs], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.add(child);
  const exit = new Promise((resolve) => child.once('exit', resolve));
  exit.then(() => children.delete(child));
  const next = jsonLines(child, name);
  return {
    next,
    // CPU time (user + system) so far, ms: from /proc on Linux, so a server whose event loop is busy
    // is read on time; elsewhere the child reports its own `process.cpuUsage()`.
    cpuMs: async () => {
      if (process.platform === 'linux') {
        try {
          const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
          return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
        } catch {
          // fall through
        }
      }
      return askCpuMs(child, next);
    },
    exited: () => exit,
    stop: () => stopForMemory(child, next),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Output

function setup() {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    clients: clientCounts,
    durationS: duration,
    warmupS: warmup,
    rounds,
    symbols: symbolCount,
    streams: STREAM_KINDS,
    markets: Object.fromEntries(markets.map((m) => [m, MARKETS[m]])),
    fills,
    warmupFills,
  };
}

function printFanout(r, offered) {
  say(
    `round ${r.round}  n=${String(r.clients).padEnd(4)} ${(r.target === 'floor' ? 'floor (bare ws)' : 'basis').padEnd(15)} ` +
      `${fmt(r.perSecond, 0).padStart(9)} frames/s  per client p50 ${fmt(r.perClient.p50, 0)} ` +
      `(min ${fmt(r.perClient.min, 0)}, offered ${fmt(offered, 0)})  ${fmt(r.bytes / r.seconds / 1048576, 1)} MiB/s  ` +
      `lag p50 ${r.lagMs.p50} ms p99 ${r.lagMs.p99} ms  cpu: server ${pct(r.serverCpu)} (idle ${pct(r.serverIdleCpu)}; ` +
      `${fmt(r.serverCpuUsPerFrame, 2)} µs/frame, ${fmt(r.fanoutCpuUsPerFrame, 2)} above idle), clients ${pct(r.clientCpu)}  ` +
      `subscribed ${r.subscribed}/${r.clients}, closed early ${r.closedEarly}  connect ${fmt(r.connectMs, 0)} ms, ` +
      `subscribe ${fmt(r.subscribeMs, 0)} ms  server rss ${r.serverRssMb} MB\n`,
  );
}

function printFanoutSummary(market, rows, offered) {
  say(
    `\nfan-out, market ${market}, ${process.version} ${process.platform} ${process.arch}; ${duration} s per measurement after ${warmup} s ` +
      `warm-up, ${rounds} round(s), medians; offered ${fmt(offered, 0)} frames/s per client\n`,
  );
  for (const row of rows) {
    const { basis, floor } = row;
    say(
      `n=${row.clients}: basis ${fmt(basis.perSecond, 0)} frames/s (${fmt(basis.perClientP50, 0)}/client), ` +
        `floor ${fmt(floor.perSecond, 0)} (${fmt(floor.perClientP50, 0)}/client); offered ${fmt(row.offeredPerSecond, 0)}\n` +
        `      basis / floor: delivered ${fmt(row.deliveredRatio, 2)}x (bytes ${fmt(row.bytesRatio, 2)}x: ` +
        `${fmt(basis.mibPerSecond, 1)} vs ${fmt(floor.mibPerSecond, 1)} MiB/s), server CPU per frame above idle ` +
        `${fmt(row.fanoutCpuPerFrameRatio, 2)}x (${fmt(basis.fanoutCpuUsPerFrame, 2)} vs ${fmt(floor.fanoutCpuUsPerFrame, 2)} µs; ` +
        `with idle ${fmt(row.cpuPerFrameRatio, 2)}x), lag p50/p99 ` +
        `${basis.lagP50}/${basis.lagP99} vs ${floor.lagP50}/${floor.lagP99} ms, server CPU ${pct(basis.serverCpu)} vs ` +
        `${pct(floor.serverCpu)}, clients CPU ${pct(basis.clientCpu)} vs ${pct(floor.clientCpu)}, ` +
        `closed early ${basis.closedEarly} vs ${floor.closedEarly}, server RSS ${basis.serverRssMb} vs ${floor.serverRssMb} MB\n`,
    );
  }
}

function printLatency(r) {
  const line = (name, s) => `${name.padEnd(47)} p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  max ${ms(s.max)}\n`;
  say(
    `\nfill → ORDER_TRADE_UPDATE, ${r.fills} fills in ${fmt(r.seconds, 1)} s (misses ${r.misses}, refusals ${r.refusals})\n` +
      line('REST round trip of the crossing order', r.restRoundTrip) +
      line("crossing request → maker's ORDER_TRADE_UPDATE", r.makerEvent) +
      line("crossing request → taker's ORDER_TRADE_UPDATE", r.takerEvent) +
      line("REST answer → maker's event (negative: before)", r.makerEventAfterAnswer) +
      `maker event / REST round trip: p50 ${fmt(r.makerEvent.p50 / r.restRoundTrip.p50, 2)}x, ` +
      `p99 ${fmt(r.makerEvent.p99 / r.restRoundTrip.p99, 2)}x; taker: p50 ` +
      `${fmt(r.takerEvent.p50 / r.restRoundTrip.p50, 2)}x, p99 ${fmt(r.takerEvent.p99 / r.restRoundTrip.p99, 2)}x; ` +
      `maker's event before the REST answer in ${pct(r.eventBeforeAnswer)} of fills\n` +
      (r.firstRefusal === undefined ? '' : `first refusal: ${r.firstRefusal.slice(0, 200)}\n`),
  );
}

function say(text) {
  if (!args.json) process.stdout.write(text);
}

// Unlike the other scripts' median, skips NaN (a run without samples) and is NaN when none is left.
function median(values) {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)];
}
