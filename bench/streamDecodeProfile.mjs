/**
 * Profile harness for `streamDecode.bench.ts`: the built SDK's streams path (`packages/sdk/dist`)
 * fed the same frames (`streamFrames.mjs`) through an in-memory socket, alternating with the bare
 * `JSON.parse` floor, for a CPU profile of the per-frame hot path.
 *
 *   npm run build
 *   node bench/streamDecodeProfile.mjs [--frames mixed|bookTicker|aggTrade|depth] [--seconds 5] [--mode both|basis|floor]
 *   node --cpu-prof --cpu-prof-dir=bench/results/streamDecode-profiles bench/streamDecodeProfile.mjs --mode basis
 *   node bench/cpuprofileTop.mjs bench/results/streamDecode-profiles/<file>.cpuprofile 25
 *
 * The SDK imports `ws` on its first connect; a module hook (below) answers that import from
 * `packages/sdk/dist` with the in-memory socket, so no network and no `ws` code is involved.
 */
import { register } from 'node:module';
import { parseArgs } from 'node:util';
import { aggTrades, bookTickers, depthDiffs, mixedFrames } from './streamFrames.mjs';

const { values: args } = parseArgs({
  options: {
    frames: { type: 'string', default: 'mixed' },
    seconds: { type: 'string', default: '5' },
    mode: { type: 'string', default: 'both' },
  },
});

class MemorySocket {
  static all = [];
  readyState = 0;
  listeners = new Map();
  constructor(url) {
    this.url = url;
    MemorySocket.all.push(this);
    setImmediate(() => {
      this.readyState = 1;
      this.emit('open');
    });
  }
  on(event, listener) {
    const list = this.listeners.get(event);
    if (list === undefined) this.listeners.set(event, [listener]);
    else list.push(listener);
    return this;
  }
  emit(event, ...rest) {
    for (const listener of this.listeners.get(event) ?? []) listener(...rest);
  }
  removeAllListeners() {
    this.listeners.clear();
    return this;
  }
  send(text) {
    const request = JSON.parse(text);
    if (request.id === undefined) return;
    const reply = Buffer.from(JSON.stringify({ result: null, id: request.id }));
    setImmediate(() => this.emit('message', reply, false));
  }
  ping() {}
  close(code = 1000, reason = '') {
    if (this.readyState === 3) return;
    this.readyState = 3;
    setImmediate(() => this.emit('close', code, Buffer.from(reason)));
  }
  terminate() {
    this.close(1006, '');
  }
}
globalThis.__streamDecodeSocket = MemorySocket;

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'ws' && context.parentURL?.includes('/packages/sdk/dist/'))
    return { url: 'data:text/javascript,const W = globalThis.__streamDecodeSocket; export { W as WebSocket }; export default W;', shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const { createStreams } = await import('../packages/sdk/dist/index.js');

const tickers = bookTickers();
const trades = aggTrades();
const depth = depthDiffs();
const sets = {
  bookTicker: tickers,
  aggTrade: trades,
  depth: depth.frames,
  mixed: mixedFrames(tickers, trades, depth.frames),
};
const frames = sets[args.frames];
if (frames === undefined) throw new Error(`--frames ${args.frames}: one of ${Object.keys(sets).join(', ')}`);

let count = 0;
let last;
const handler = (event) => {
  count += 1;
  last = event;
};

const streams = createStreams({ urls: { stream: 'wss://fstream.binance.com' } });
const keepers = [
  streams.subscribe('ethusdt@bookTicker', () => {}),
  streams.subscribe('ethusdt@aggTrade', () => {}),
];
const measured = [...new Set(frames.map((f) => f.stream))];
const subscriptions = new Map(measured.map((name) => [name, streams.subscribe(name, handler)]));
await Promise.all([...keepers, ...subscriptions.values()].map((s) => s.ready));
const socketFor = (stream) => {
  const route = stream.endsWith('@aggTrade') ? '/market/' : '/public/';
  const socket = MemorySocket.all.find((s) => s.url.includes(route) && s.readyState === 1);
  return socket.listeners.get('message')[0];
};
const deliver = frames.map((f) => socketFor(f.stream));
const data = frames.map((f) => f.bytes);

function basisOnce() {
  for (const name of measured) {
    subscriptions.get(name).unsubscribe();
    subscriptions.set(name, streams.subscribe(name, handler));
  }
  const before = count;
  for (let i = 0; i < data.length; i++) deliver[i](data[i]);
  if (count - before !== data.length) throw new Error(`delivered ${count - before} of ${data.length}`);
}
function floorOnce() {
  for (let i = 0; i < data.length; i++) handler(JSON.parse(data[i].toString('utf8')).data);
}

const seconds = Number(args.seconds);
const runs = { basis: basisOnce, floor: floorOnce };
const modes = args.mode === 'both' ? ['basis', 'floor'] : [args.mode];
const totals = Object.fromEntries(modes.map((m) => [m, { ms: 0, frames: 0 }]));
// Warm-up, then 250 ms slices alternating between the modes.
const warmEnd = performance.now() + 1000;
while (performance.now() < warmEnd) for (const m of modes) runs[m]();
const end = performance.now() + seconds * 1000;
while (performance.now() < end) {
  for (const m of modes) {
    const sliceEnd = performance.now() + 250;
    const start = performance.now();
    let n = 0;
    while (performance.now() < sliceEnd) {
      runs[m]();
      n += data.length;
    }
    totals[m].ms += performance.now() - start;
    totals[m].frames += n;
  }
}
const rate = (m) => totals[m].frames / (totals[m].ms / 1000);
for (const m of modes)
  console.log(
    `${m.padEnd(6)} ${Math.round(rate(m)).toLocaleString('en-US').padStart(10)} frames/s  ${((totals[m].ms * 1000) / totals[m].frames).toFixed(2)} µs/frame  (${totals[m].frames} frames)`,
  );
if (modes.length === 2) console.log(`basis / floor = ${(rate('basis') / rate('floor')).toFixed(2)}`);
console.log(
  `frames: ${args.frames} (${frames.length} per pass), Node ${process.version}; last event type ${last?.e}`,
);
await Promise.race([streams.close(), new Promise((resolve) => setTimeout(resolve, 2000))]);
// The module hook's thread keeps the loop alive; `--cpu-prof` still writes its profile on exit.
process.exit(0);
