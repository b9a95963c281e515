/**
 * Signed request round trips per second, with p50/p99 latency, on loopback against the local
 * exchange, for the Basis SDK, ccxt `binanceusdm`, the `binance` package's `USDMClient`, and a raw
 * undici request signed by hand (the floor). Issue "SDK part 1", item 10.
 *
 *   npm run build                                  # the scripts import the packages' dist folders
 *   node bench/sdkRoundTrip.mjs                    # open-orders + order, 1 and 8 in flight, 2 rounds
 *   node bench/sdkRoundTrip.mjs --ops open-orders,account,order --concurrency 1,8 --rounds 3
 *   node bench/sdkRoundTrip.mjs --ops order --clients basis --concurrency 8 --profile
 *   node bench/cpuprofileTop.mjs bench/results/sdkRoundTrip-profiles/<name>.cpuprofile 25
 *
 * Every measurement starts two fresh child processes: the server (`exchangeHttpServer.mjs basis`:
 * `createExchange({ rateLimits: { enabled: false } })` on 127.0.0.1:0) and the client
 * (`sdkRoundTripClient.mjs`: one library, one operation, one concurrency). The orchestrator only
 * reads their CPU time. Clients run in a rotated order per round (interleaved), medians over rounds.
 *
 * Options: `--ops` (open-orders, account, order), `--clients` (raw, basis, basis-novalidate, ccxt,
 * binance), `--concurrency` (comma list), `--duration` and `--warmup` (s), `--rounds`, `--profile`
 * (`node --cpu-prof` in each client child, into bench/results/sdkRoundTrip-profiles/), `--json`.
 * Exit code 1 if any request failed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { askCpuMs, jsonLines } from './childLines.mjs';
import { argumentChecks, childrenKilledOnExit, fmt, medians, ms, pct } from './scriptHelpers.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SERVER_SCRIPT = join(HERE, 'exchangeHttpServer.mjs');
const CLIENT_SCRIPT = join(HERE, 'sdkRoundTripClient.mjs');
const PROFILE_DIR = join(HERE, 'results', 'sdkRoundTrip-profiles');
const OPS = ['open-orders', 'account', 'order'];
const CLIENTS = ['raw', 'basis', 'basis-novalidate', 'ccxt', 'binance'];
const PEERS = ['ccxt', 'binance'];
// basis-novalidate only differs from basis on orders.
const CLIENTS_OF = (op) => (op === 'order' ? CLIENTS : CLIENTS.filter((c) => c !== 'basis-novalidate'));
const TARGET_FLOOR_SHARE = 0.85; // within 15% of the raw floor's throughput
const TARGET_PEER_RATIO = 2; // at least 2x the faster peer's throughput
const { positiveInt, list } = argumentChecks('sdkRoundTrip');

const { values: args } = parseArgs({
  options: {
    ops: { type: 'string', default: 'open-orders,order' },
    clients: { type: 'string', default: CLIENTS.join(',') },
    concurrency: { type: 'string', default: '1,8' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '2' },
    profile: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const ops = list('ops', args.ops, OPS);
const clients = list('clients', args.clients, CLIENTS);
const concurrencies = args.concurrency.split(',').map((text) => positiveInt('concurrency', text));
const duration = positiveInt('duration', args.duration);
const warmup = positiveInt('warmup', args.warmup);
const rounds = positiveInt('rounds', args.rounds);

// Children are killed on every exit path; an overall deadline bounds the whole run.
const children = childrenKilledOnExit();
const perMeasurementS = warmup + duration + 20; // + server start, client setup (ccxt import + markets)
const measurementCount =
  rounds *
  concurrencies.length *
  ops.reduce((n, op) => n + CLIENTS_OF(op).filter((c) => clients.includes(c)).length, 0);
const deadline = setTimeout(
  () => {
    process.stderr.write('sdkRoundTrip: overall deadline passed, stopping\n');
    process.exit(1); // the exit kills the children
  },
  measurementCount * perMeasurementS * 1000,
);
deadline.unref();

const results = [];
for (let round = 1; round <= rounds; round++) {
  for (const concurrency of concurrencies) {
    for (const op of ops) {
      const order = CLIENTS_OF(op).filter((c) => clients.includes(c));
      // Interleave: rotate the order each round so no client always runs first or last.
      const shift = (round - 1) % order.length;
      for (const client of [...order.slice(shift), ...order.slice(0, shift)]) {
        const result = await measure({ client, op, concurrency, round });
        results.push(result);
        if (!args.json) printOne(result);
      }
    }
  }
}
const summary = summarise(results);
if (args.json) {
  process.stdout.write(`${JSON.stringify({ setup: setup(), results, summary }, null, 2)}\n`);
} else {
  printSummary(summary);
}
clearTimeout(deadline);
process.exitCode = results.some((r) => r.errors > 0) ? 1 : 0;

/** One measurement: a fresh server, a fresh client process, server CPU over the measured window. */
async function measure({ client, op, concurrency, round }) {
  const server = startChild('server', [SERVER_SCRIPT, 'basis']);
  try {
    const info = await server.next('listening');
    const nodeArgs = [];
    if (args.profile) {
      mkdirSync(PROFILE_DIR, { recursive: true });
      nodeArgs.push(
        '--cpu-prof',
        `--cpu-prof-dir=${PROFILE_DIR}`,
        `--cpu-prof-name=${client}-${op}-c${concurrency}-round${round}.cpuprofile`,
      );
    }
    const config = { client, op, concurrency, warmupS: warmup, durationS: duration, ...info };
    const child = startChild('client', [...nodeArgs, CLIENT_SCRIPT, JSON.stringify(config)]);
    try {
      await child.next('ready');
      await child.next('measure');
      const cpu0 = await server.cpuMs();
      const run = await child.next('result');
      const serverCpuMs = (await server.cpuMs()) - cpu0;
      await child.exited;
      return {
        client,
        op,
        concurrency,
        round,
        ...run,
        serverCpuUsPerRequest: (serverCpuMs * 1000) / run.requests,
        serverCpuShare: serverCpuMs / (run.seconds * 1000),
      };
    } finally {
      child.kill();
    }
  } finally {
    await server.stop();
  }
}

/** Spawns a child that speaks JSON lines on stdout; `next()` is its next line, in order. */
function startChild(name, argv) {
  const child = spawn(process.execPath, argv, { stdio: ['pipe', 'pipe', 'inherit'] });
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then(() => children.delete(child));
  const next = jsonLines(child, `the ${name} child`);
  return {
    next,
    exited,
    cpuMs: () => askCpuMs(child, next),
    // The server reports its memory and exits when its stdin ends.
    stop: async () => {
      if (child.exitCode === null) {
        child.stdin.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Medians over rounds per (op, concurrency, client); ratios vs the floor and the faster peer. */
function summarise(all) {
  const rows = [];
  for (const op of ops) {
    for (const concurrency of concurrencies) {
      const byClient = {};
      for (const client of CLIENTS_OF(op).filter((c) => clients.includes(c))) {
        const runs = all.filter((r) => r.op === op && r.concurrency === concurrency && r.client === client);
        if (runs.length === 0) continue;
        byClient[client] = {
          ...medians(runs, ['perSecond', 'p50', 'p99', 'clientCpuUsPerRequest', 'serverCpuUsPerRequest']),
          errors: runs.reduce((sum, r) => sum + r.errors, 0),
        };
      }
      const floor = byClient.raw;
      const peers = PEERS.filter((p) => byClient[p] !== undefined);
      const fasterPeer = peers.sort((a, b) => byClient[b].perSecond - byClient[a].perSecond)[0];
      for (const [client, m] of Object.entries(byClient)) {
        rows.push({
          op,
          concurrency,
          client,
          ...m,
          vsFloor: floor === undefined ? undefined : m.perSecond / floor.perSecond,
          fasterPeer,
          vsFasterPeer: fasterPeer === undefined ? undefined : m.perSecond / byClient[fasterPeer].perSecond,
          ...(client.startsWith('basis')
            ? {
                meetsFloor:
                  floor === undefined ? undefined : m.perSecond / floor.perSecond >= TARGET_FLOOR_SHARE,
                meetsPeer:
                  fasterPeer === undefined
                    ? undefined
                    : m.perSecond / byClient[fasterPeer].perSecond >= TARGET_PEER_RATIO,
              }
            : {}),
        });
      }
    }
  }
  return rows;
}

function setup() {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    ops,
    clients,
    concurrencies,
    durationS: duration,
    warmupS: warmup,
    rounds,
  };
}

function printOne(r) {
  const error = r.firstError === undefined ? '' : `  first error: ${r.firstError.slice(0, 200)}`;
  process.stdout.write(
    `round ${r.round}  ${r.op.padEnd(11)} c=${String(r.concurrency).padEnd(3)} ${r.client.padEnd(16)} ` +
      `${fmt(r.perSecond, 0).padStart(6)} req/s  p50 ${ms(r.p50)}  p90 ${ms(r.p90)}  p99 ${ms(r.p99)}  ` +
      `max ${ms(r.max)}  errors ${r.errors}  cpu/req: client ${fmt(r.clientCpuUsPerRequest, 0)} µs ` +
      `(${pct(r.clientCpuShare)} of a core), server ${fmt(r.serverCpuUsPerRequest, 0)} µs (${pct(r.serverCpuShare)})${error}\n`,
  );
}

function printSummary(rows) {
  const s = setup();
  process.stdout.write(
    `\n${s.node} ${s.platform}; closed loop, ${duration} s per measurement after ${warmup} s warm-up, ` +
      `${rounds} round(s) interleaved, medians over rounds\n`,
  );
  let group = '';
  for (const row of rows) {
    const key = `${row.op} c=${row.concurrency}`;
    if (key !== group) {
      group = key;
      process.stdout.write(`\n${key}\n`);
    }
    const ratios =
      `${row.vsFloor === undefined ? '' : `${fmt(row.vsFloor, 2)}x floor`}` +
      `${row.vsFasterPeer === undefined ? '' : `, ${fmt(row.vsFasterPeer, 2)}x ${row.fasterPeer}`}`;
    const verdict =
      row.meetsFloor === undefined
        ? ''
        : `  targets: within 15% of floor ${row.meetsFloor ? 'met' : 'NOT met'}, ` +
          `>= 2x faster peer ${row.meetsPeer ? 'met' : 'NOT met'}`;
    process.stdout.write(
      `  ${row.client.padEnd(16)} ${fmt(row.perSecond, 0).padStart(6)} req/s  p50 ${ms(row.p50)}  ` +
        `p99 ${ms(row.p99)}  client ${fmt(row.clientCpuUsPerRequest, 0).padStart(4)} µs CPU/req  ` +
        `server ${fmt(row.serverCpuUsPerRequest, 0).padStart(4)} µs CPU/req  ${ratios}  errors ${row.errors}${verdict}\n`,
    );
  }
  if (args.profile) process.stdout.write(`\nCPU profiles of the clients: ${PROFILE_DIR}\n`);
}
