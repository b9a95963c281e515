/**
 * The server side of `wsFanout.mjs`, run in its own process so the server's cost is measured apart from
 * the clients' and the orchestrator's.
 *
 *   node bench/wsFanoutServer.mjs basis '{"stepMs":10,"tickMs":10}'   # the local exchange, synthetic market
 *   node bench/wsFanoutServer.mjs quiet '{}'                          # the local exchange, marketData 'none'
 *   node bench/wsFanoutServer.mjs floor '{"trace":"/tmp/…/trace.ndjson"}'  # a bare `ws` server replaying a trace
 *
 * Prints one JSON line `{ restUrl, wsUrl, apiKey, apiSecret }` once it listens on 127.0.0.1, `{ cpuMs }`
 * for each `cpu` line it reads, `{ sent }` for each `stats` line (floor: frames handed to `ws`), and
 * `{ rssMb, heapUsedMb }` just before it exits. It exits when its stdin ends, so it never outlives the
 * parent.
 *
 * The floor: a `ws` WebSocketServer (same `ws` package and options as the exchange: no
 * permessage-deflate, no client tracking) on a bare `node:http` server. It accepts any path; once a
 * client sends a `SUBSCRIBE` (answered `{"result":null,"id":…}`) it replays the trace's frames (the exact bytes one Basis client received, with their timing) to every connected
 * client, looping over the trace. Each frame is encoded once and the same Buffer is handed to every
 * client's `send`, as the exchange does; its `"E"` (event time) is rewritten to the frame's due time in
 * the replay (same length), so the clients measure the same delivery lag, a late replay included. Like the exchange, it drops a client holding
 * more than 4 MiB unsent.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createExchange } from '@basis/exchange';
import { WebSocketServer } from 'ws';
import { answerParent, report } from './childLines.mjs';

const MAX_BUFFERED_BYTES = 4 * 1024 * 1024; // the exchange's default `maxBufferedBytes`

const kind = process.argv[2];
const options = JSON.parse(process.argv[3] ?? '{}');
let stop;
let sent = 0;
let dropped = 0;

if (kind === 'basis' || kind === 'quiet') {
  const exchange = createExchange({
    rateLimits: { enabled: false },
    defaultAccount: { balances: { USDT: '1000000000', USDC: '1000000000' } },
    ...(kind === 'quiet'
      ? { marketData: 'none' }
      : {
          synthetic: { stepMs: options.stepMs ?? 250 },
          ...(options.tickMs === undefined ? {} : { tickMs: options.tickMs }),
        }),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const endpoints = await exchange.listen({ host: '127.0.0.1', port: 0 });
  const account = exchange.defaultAccount;
  if (account === undefined) throw new Error('the exchange created no default account');
  report({
    restUrl: endpoints.restUrl,
    wsUrl: endpoints.wsUrl,
    apiKey: account.apiKey,
    apiSecret: account.apiSecret,
  });
  stop = () => exchange.close();
} else if (kind === 'floor') {
  const frames = readFileSync(options.trace, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
  if (frames.length < 2) throw new Error('the trace has fewer than 2 frames');
  // Offsets from the first frame; one loop lasts as long as the trace plus one mean gap.
  const first = frames[0].t;
  for (const frame of frames) frame.t -= first;
  const traceMs = frames[frames.length - 1].t * (1 + 1 / (frames.length - 1));
  const server = createServer((_req, res) => {
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: false });
  const clients = new Set();
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => {
      // A client gets the frames once it subscribes (any `SUBSCRIBE` frame), as on the exchange.
      ws.on('message', (data) => {
        const text = data.toString('utf8');
        if (!text.includes('"SUBSCRIBE"')) return;
        clients.add(ws);
        const id = /"id":(\d+)/.exec(text)?.[1] ?? 'null';
        ws.send(`{"result":null,"id":${id}}`);
      });
      ws.on('error', () => {});
      ws.on('close', () => clients.delete(ws));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  report({ restUrl: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}`, apiKey: '', apiSecret: '' });

  // Replays the trace at its own pace, from the start, looping; a 1 ms timer sends every frame due.
  const start = performance.now();
  const wallStart = Date.now();
  let next = 0;
  let loopStart = 0;
  let timer;
  const pump = () => {
    const elapsed = performance.now() - start;
    while (loopStart + frames[next].t <= elapsed) {
      broadcast(frames[next].s, wallStart + loopStart + frames[next].t);
      next += 1;
      if (next === frames.length) {
        next = 0;
        loopStart += traceMs;
      }
    }
    timer = setTimeout(pump, 1);
  };
  const broadcast = (text, due) => {
    if (clients.size === 0) return;
    // The event time becomes the frame's due time in this replay (as the exchange stamps an event when
    // it happens, not when it is sent), so a replay running late shows as lag; same length (13 digits).
    const data = Buffer.from(text.replace(/"E":\d{13}/, `"E":${Math.round(due)}`), 'utf8');
    for (const ws of clients) {
      if (ws.readyState !== 1) continue;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        dropped += 1;
        ws.terminate();
        continue;
      }
      ws.send(data, { binary: false });
      sent += 1;
    }
  };
  timer = setTimeout(pump, 1);
  stop = () =>
    new Promise((resolve) => {
      clearTimeout(timer);
      for (const ws of clients) ws.terminate();
      wss.close();
      server.close(() => resolve());
      server.closeAllConnections();
    });
} else {
  process.stderr.write('usage: node bench/wsFanoutServer.mjs basis|quiet|floor [options JSON]\n');
  process.exit(2);
}

// `cpu` and `stats` (the floor's send counts) lines, then the end of stdin: the memory report and a
// clean exit.
answerParent(stop, { stats: () => ({ sent, dropped }) });
