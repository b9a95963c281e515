/**
 * The client side of `wsFanout.mjs`: N `ws` clients in one process (apart from the server's), all on
 * the same URL, counting what they receive.
 *
 *   node bench/wsFanoutClients.mjs '{"url":"ws://127.0.0.1:PORT/stream","streams":["btcusdt@aggTrade"],
 *     "clients":100,"warmupS":2,"durationS":5,"sampleClients":8,"trace":"/tmp/…/trace.ndjson"}'
 *
 * Connects the clients (50 handshakes at a time), then each sends one SUBSCRIBE for `streams` and
 * waits for its `{"result":null,…}`, then waits `warmupS`, then counts every client's frames
 * and bytes for `durationS`. The first `sampleClients` clients also read each frame's `"E"` (event
 * time, ms) and record the delivery lag `Date.now() - E`; every other client only counts (a frame is
 * never parsed), so the clients' own cost stays as low as `ws` allows. With `trace`, client 0 writes
 * every frame it receives, with its arrival time, as JSON lines (the floor replays them).
 *
 * Prints JSON lines: `{ phase: 'connected' }`, `{ phase: 'window' }` when the measured window starts,
 * and `{ phase: 'done', … }` with the counts; then closes every client and exits. Bounded: each phase
 * has a deadline, and the process exits by itself.
 */
import { writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import { report } from './childLines.mjs';
import { percentile, sleep } from './scriptHelpers.mjs';

const options = JSON.parse(process.argv[2]);
const { url, clients: n, warmupS, durationS } = options;
const sampleClients = Math.min(n, options.sampleClients ?? 8);
const CONNECT_BATCH = 50;
const CONNECT_DEADLINE_MS = 60_000;
const E_PATTERN = /"E":(\d+)/;

const sockets = [];
const counts = new Float64Array(n);
const bytes = new Float64Array(n);
let closedEarly = 0;
let connectErrors = 0;
let measuring = false;
let stopping = false;
const lags = [];
const MAX_LAGS = 2_000_000;
const trace = options.trace === undefined ? undefined : [];
const traceStart = performance.now();

const hardDeadline = setTimeout(
  () => {
    process.stderr.write('wsFanoutClients: over the deadline, exiting\n');
    process.exit(3);
  },
  CONNECT_DEADLINE_MS + (warmupS + durationS) * 1000 + 30_000,
);
hardDeadline.unref();

function connect(index) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 30_000 });
    sockets[index] = ws;
    const sample = index < sampleClients;
    const record = index === 0 && trace !== undefined;
    ws.on('message', (data) => {
      counts[index] += 1;
      bytes[index] += data.length;
      if (record) trace.push({ t: performance.now() - traceStart, s: data.toString('utf8') });
      if (sample && measuring && lags.length < MAX_LAGS) {
        const match = E_PATTERN.exec(data.toString('latin1'));
        if (match !== null) lags.push(Date.now() - Number(match[1]));
      }
    });
    ws.once('open', () => resolve(true));
    ws.on('error', () => {
      connectErrors += ws.readyState === WebSocket.CONNECTING ? 1 : 0;
      resolve(false);
    });
    ws.on('close', () => {
      if (!stopping) closedEarly += 1;
      resolve(false);
    });
  });
}

const connectStart = performance.now();
let opened = 0;
for (let i = 0; i < n; i += CONNECT_BATCH) {
  const batch = [];
  for (let j = i; j < Math.min(n, i + CONNECT_BATCH); j++) batch.push(connect(j));
  opened += (await Promise.all(batch)).filter(Boolean).length;
  if (performance.now() - connectStart > CONNECT_DEADLINE_MS) break;
}
const connectMs = performance.now() - connectStart;
// Then every client subscribes (one SUBSCRIBE each, as Binance's clients do) and waits for its reply:
// the handshakes happen on a quiet server, and every client starts from the same moment.
const subscribeStart = performance.now();
const request = JSON.stringify({ method: 'SUBSCRIBE', params: options.streams, id: 1 });
const replies = await Promise.all(
  sockets.map(
    (ws) =>
      new Promise((resolve) => {
        if (ws.readyState !== WebSocket.OPEN) {
          resolve(false);
          return;
        }
        const timer = setTimeout(() => resolve(false), CONNECT_DEADLINE_MS);
        const onMessage = (data) => {
          if (!data.toString('latin1').startsWith('{"result"')) return;
          clearTimeout(timer);
          ws.off('message', onMessage);
          resolve(true);
        };
        ws.on('message', onMessage);
        ws.send(request);
      }),
  ),
);
const subscribed = replies.filter(Boolean).length;
report({
  phase: 'connected',
  opened,
  subscribed,
  connectMs,
  subscribeMs: performance.now() - subscribeStart,
});

await sleep(warmupS * 1000);
const count0 = Float64Array.from(counts);
const bytes0 = Float64Array.from(bytes);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
measuring = true;
report({ phase: 'window' });
await sleep(durationS * 1000);
measuring = false;
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const perClient = [];
let totalFrames = 0;
let totalBytes = 0;
for (let i = 0; i < n; i++) {
  const frames = counts[i] - count0[i];
  perClient.push(frames / seconds);
  totalFrames += frames;
  totalBytes += bytes[i] - bytes0[i];
}
perClient.sort((a, b) => a - b);
lags.sort((a, b) => a - b);
const closedInWindow = closedEarly;

stopping = true;
if (trace !== undefined) {
  writeFileSync(options.trace, trace.map((frame) => JSON.stringify(frame)).join('\n'));
}
report({
  phase: 'done',
  clients: n,
  opened,
  subscribed,
  connectErrors,
  closedEarly: closedInWindow,
  seconds,
  frames: totalFrames,
  bytes: totalBytes,
  perSecond: totalFrames / seconds,
  perClient: {
    min: perClient[0],
    p50: perClient[Math.floor((perClient.length - 1) / 2)],
    max: perClient[perClient.length - 1],
  },
  lagMs: {
    samples: lags.length,
    p50: percentile(lags, 0.5),
    p99: percentile(lags, 0.99),
    max: lags.length === 0 ? Number.NaN : lags[lags.length - 1],
  },
  clientCpu: (cpu.user + cpu.system) / 1000 / (seconds * 1000),
  traceFrames: trace?.length,
});

// Close politely, then cut whatever is left after 2 s.
for (const ws of sockets) if (ws !== undefined && ws.readyState === WebSocket.OPEN) ws.close(1000);
const left = sockets.filter((ws) => ws !== undefined && ws.readyState !== WebSocket.CLOSED);
await Promise.race([
  Promise.all(left.map((ws) => new Promise((resolve) => ws.once('close', resolve)))),
  sleep(2000),
]);
for (const ws of sockets) ws?.terminate();
process.exit(0);
