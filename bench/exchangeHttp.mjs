/**
 * The exchange's HTTP order benchmark: signed order requests per second over loopback, with latency
 * percentiles, against a bare `node:http` server answering a fixed order body (the floor).
 *
 *   npm run build                        # the script imports the built packages (dist)
 *   node bench/exchangeHttp.mjs          # 8 and 32 connections, 10 s per target, both mixes
 *   node bench/exchangeHttp.mjs --connections 4,16,64 --duration 20 --rounds 3 --mix ioc --profile
 *
 * Each server runs in its own child process (`exchangeHttpServer.mjs`), started fresh for every
 * measurement; autocannon drives it from this process over keep-alive connections, pipelining 1
 * (closed loop: each connection sends its next request when the answer to the last one is in). Every
 * request is built just before it is sent: a fresh `timestamp`, a unique `newClientOrderId`, an
 * HMAC-SHA256 signature (the signing is outside the timed span). Latency is the time from writing a
 * request to reading its whole response, recorded per response at sub-millisecond resolution
 * (autocannon's own histogram keeps whole milliseconds).
 *
 * Mixes (BTCUSDT, BUY 0.003 at 60000.0, far below the synthetic market near 96000, so nothing fills):
 * - `ioc`: every request is a new LIMIT IOC order; it finds nothing to match and expires at once, so
 *   the book, the margin and the open-order count stay flat however long the run. Every request is an
 *   order placement.
 * - `place-cancel`: per connection, a LIMIT GTC order that rests, then `DELETE /fapi/v1/order` of it
 *   by `origClientOrderId`; half the requests are placements, half cancels.
 * The floor receives the ioc mix's requests (signed the same way) and reads none of it.
 *
 * Besides throughput and latency, each run reports the CPU each side used (share of one core): a
 * client near 100% means the load generator is the limit (this is the case for the floor on a
 * 2-core machine), and the server's CPU time per request is the figure least moved by other load.
 *
 * Bounded: `--warmup` + `--duration` seconds per measurement, an overall deadline, children killed
 * on every exit path. Everything listens on and connects to 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hmacSha256Hex } from '@basis/core';
import autocannon from 'autocannon';
import { askCpuMs, jsonLines, stopForMemory } from './childLines.mjs';
import { argumentChecks, childrenKilledOnExit, fmt, medians, ms, pct, percentile } from './scriptHelpers.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SERVER_SCRIPT = join(HERE, 'exchangeHttpServer.mjs');
const PROFILE_DIR = join(HERE, 'results', 'exchangeHttp-profiles');
const MIXES = ['ioc', 'place-cancel'];
const ORDER_PARAMS = 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.003&price=60000.0';
// Issue 3's targets.
const TARGET_PLACEMENTS_PER_S = 10_000;
const TARGET_P99_MS = 5;
const { fail, positiveInt } = argumentChecks('exchangeHttp');

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '8,32' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '1' },
    mix: { type: 'string', default: 'all' },
    profile: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const connectionCounts = args.connections.split(',').map((text) => positiveInt('connections', text));
const duration = positiveInt('duration', args.duration);
const warmup = Number(args.warmup);
const rounds = positiveInt('rounds', args.rounds);
const mixes = args.mix === 'all' ? MIXES : [args.mix];
if (!mixes.every((mix) => MIXES.includes(mix))) fail(`--mix must be one of all, ${MIXES.join(', ')}`);
if (!Number.isFinite(warmup) || warmup < 0 || warmup > 60) fail('--warmup must be 0..60 seconds');
if (duration > 300 || connectionCounts.some((c) => c > 1024)) fail('at most 300 s and 1024 connections');

// Per round and connection count: the floor, then each mix against a fresh exchange.
const targets = ['floor', ...mixes];
const perMeasurementS = warmup + duration + 10; // + start, stop and slack
const deadlineMs = (rounds * connectionCounts.length * targets.length * perMeasurementS + 30) * 1000;

const children = childrenKilledOnExit();
const deadline = setTimeout(() => {
  process.stderr.write(`exchangeHttp: over the ${deadlineMs / 1000} s deadline, stopping\n`);
  process.exit(3); // the exit kills the children
}, deadlineMs);

const results = [];
for (let round = 1; round <= rounds; round++) {
  for (const connections of connectionCounts) {
    for (const target of targets) {
      const result = await measure(target, connections, round);
      results.push(result);
      if (!args.json) printOne(result);
    }
  }
}
clearTimeout(deadline);

const summary = summarise(results);
if (args.json) {
  process.stdout.write(`${JSON.stringify({ setup: setup(), results, summary }, null, 2)}\n`);
} else {
  printSummary(summary);
}
const failed = results.some((r) => r.non2xx > 0 || r.errors > 0);
process.exit(failed ? 1 : 0);

/** Starts the target's server, warms it up, measures it, stops it. */
async function measure(target, connections, round) {
  const kind = target === 'floor' ? 'floor' : 'basis';
  const profileName = args.profile ? `${target}-c${connections}-round${round}` : undefined;
  const server = await startServer(kind, profileName);
  try {
    const requests = target === 'place-cancel' ? placeCancelRequests(server) : iocRequests(server);
    if (warmup > 0) await load(server.url, requests, connections, warmup);
    const serverCpu0 = await server.cpuMs();
    const clientCpu0 = process.cpuUsage();
    const run = await load(server.url, requests, connections, duration);
    const clientCpu = process.cpuUsage(clientCpu0);
    const serverCpuMs = (await server.cpuMs()) - serverCpu0;
    const memory = await server.stop();
    const runMs = run.seconds * 1000;
    return {
      target,
      connections,
      round,
      ...run,
      serverCpu: serverCpuMs / runMs,
      clientCpu: (clientCpu.user + clientCpu.system) / 1000 / runMs,
      serverCpuUsPerRequest: (serverCpuMs * 1000) / run.responses,
      serverRssMb: memory.rssMb,
      serverHeapUsedMb: memory.heapUsedMb,
    };
  } finally {
    server.kill();
  }
}

/** The ioc mix (and the floor's requests): a new LIMIT IOC order per request. */
function iocRequests(credentials) {
  const ids = idSource();
  return [
    {
      method: 'POST',
      setupRequest: (req) =>
        signed(req, 'POST', credentials, `${ORDER_PARAMS}&timeInForce=IOC&newClientOrderId=${ids()}`),
    },
  ];
}

/** The place-cancel mix: a resting LIMIT GTC order, then its cancel, per connection. */
function placeCancelRequests(credentials) {
  const ids = idSource();
  return [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        context.id = ids();
        return signed(
          req,
          'POST',
          credentials,
          `${ORDER_PARAMS}&timeInForce=GTC&newClientOrderId=${context.id}`,
        );
      },
    },
    {
      method: 'DELETE',
      setupRequest: (req, context) =>
        signed(req, 'DELETE', credentials, `symbol=BTCUSDT&origClientOrderId=${context.id}`),
    },
  ];
}

/** Unique client order ids (`[.A-Z:/a-z0-9_-]{1,36}`, as Binance requires). */
function idSource() {
  const prefix = `bx${process.pid.toString(36)}${Date.now().toString(36)}`;
  let next = 0;
  return () => `${prefix}${(next++).toString(36)}`;
}

/** The request as Binance's clients send it: parameters in the query, `timestamp`, signature last. */
function signed(req, method, credentials, params) {
  const query = `${params}&timestamp=${Date.now()}`;
  const signature = hmacSha256Hex(credentials.apiSecret, query);
  return {
    ...req,
    method,
    path: `/fapi/v1/order?${query}&signature=${signature}`,
    headers: { 'x-mbx-apikey': credentials.apiKey },
  };
}

/** One autocannon run; latencies recorded per response in ms (float). */
function load(url, requests, connections, seconds) {
  return new Promise((resolve, reject) => {
    // Room for 100k responses/s; beyond it latencies are recorded no further (the counts stay exact).
    const latencies = new Float64Array(Math.max(1_000_000, seconds * 100_000));
    let recorded = 0;
    const statuses = {};
    let firstRefusal;
    // The first refusal's body says why (a bad signature, a filter): keep one for the report.
    for (const request of requests) {
      request.onResponse = (status, body) => {
        if ((status < 200 || status > 299) && firstRefusal === undefined) firstRefusal = `${status} ${body}`;
      };
    }
    const instance = autocannon(
      { url, connections, pipelining: 1, duration: seconds, timeout: 10, requests },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const sample = latencies.subarray(0, recorded).sort();
        let responses = 0;
        let non2xx = 0;
        for (const [status, count] of Object.entries(statuses)) {
          responses += count;
          if (!status.startsWith('2')) non2xx += count;
        }
        resolve({
          seconds: result.duration,
          responses,
          perSecond: responses / result.duration,
          p50: percentile(sample, 0.5),
          p90: percentile(sample, 0.9),
          p99: percentile(sample, 0.99),
          p999: percentile(sample, 0.999),
          max: sample.length === 0 ? Number.NaN : sample[sample.length - 1],
          non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statuses,
          ...(firstRefusal === undefined ? {} : { firstRefusal }),
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (recorded < latencies.length) latencies[recorded++] = responseTime;
    });
  });
}

/** Spawns a server child and waits for its `{ url, apiKey, apiSecret }` line. */
async function startServer(kind, profileName) {
  const nodeArgs = [];
  if (profileName !== undefined) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${profileName}.cpuprofile`);
  }
  const child = spawn(process.execPath, [...nodeArgs, SERVER_SCRIPT, kind], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));

  const nextLine = jsonLines(child, `the ${kind} server`);

  const info = await nextLine('listening');
  return {
    ...info,
    cpuMs: () => askCpuMs(child, nextLine),
    stop: () => stopForMemory(child, nextLine),
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

function placementsOf(target, perSecond) {
  return target === 'place-cancel' ? perSecond / 2 : perSecond;
}

/** Medians over rounds per (connections, target), the ratios to the floor, and the targets' verdicts. */
function summarise(all) {
  const rows = [];
  for (const connections of connectionCounts) {
    const byTarget = {};
    for (const target of targets) {
      const runs = all.filter((r) => r.target === target && r.connections === connections);
      byTarget[target] = {
        ...medians(runs, ['perSecond', 'p50', 'p99', 'p999', 'serverCpuUsPerRequest']),
        non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
      };
    }
    const floor = byTarget.floor;
    for (const target of mixes) {
      const basis = byTarget[target];
      const placementsPerSecond = placementsOf(target, basis.perSecond);
      rows.push({
        connections,
        target,
        basis,
        floor,
        placementsPerSecond,
        throughputRatio: basis.perSecond / floor.perSecond,
        p99Ratio: basis.p99 / floor.p99,
        cpuPerRequestRatio: basis.serverCpuUsPerRequest / floor.serverCpuUsPerRequest,
        meetsThroughput: placementsPerSecond >= TARGET_PLACEMENTS_PER_S,
        meetsP99: basis.p99 < TARGET_P99_MS,
      });
    }
  }
  return rows;
}

function setup() {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    connections: connectionCounts,
    pipelining: 1,
    durationS: duration,
    warmupS: warmup,
    rounds,
  };
}

function printOne(r) {
  const name = r.target === 'floor' ? 'floor (bare node:http)' : `basis ${r.target}`;
  const refusal = r.firstRefusal === undefined ? '' : `  first refusal: ${r.firstRefusal.slice(0, 160)}`;
  process.stdout.write(
    `round ${r.round}  c=${String(r.connections).padEnd(3)} ${name.padEnd(22)} ` +
      `${fmt(r.perSecond, 0).padStart(6)} req/s  p50 ${ms(r.p50)}  p90 ${ms(r.p90)}  p99 ${ms(r.p99)}  ` +
      `p99.9 ${ms(r.p999)}  max ${ms(r.max)}  non-2xx ${r.non2xx}  errors ${r.errors}  ` +
      `cpu: server ${pct(r.serverCpu)} (${fmt(r.serverCpuUsPerRequest, 0)} µs/req), client ${pct(r.clientCpu)}  ` +
      `server rss ${r.serverRssMb} MB${refusal}\n`,
  );
}

function printSummary(rows) {
  const s = setup();
  process.stdout.write(
    `\n${s.node} ${s.platform}; pipelining 1, ${duration} s per measurement after ${warmup} s warm-up, ` +
      `${rounds} round(s), medians over rounds\n`,
  );
  for (const row of rows) {
    const { basis, floor } = row;
    process.stdout.write(
      `c=${row.connections} basis ${row.target}: ${fmt(basis.perSecond, 0)} req/s ` +
        `(${fmt(row.placementsPerSecond, 0)} placements/s), p50 ${ms(basis.p50)}, p99 ${ms(basis.p99)}, ` +
        `p99.9 ${ms(basis.p999)}, server ${fmt(basis.serverCpuUsPerRequest, 0)} µs CPU/req, non-2xx ${basis.non2xx}\n` +
        `      floor: ${fmt(floor.perSecond, 0)} req/s, p99 ${ms(floor.p99)}, ` +
        `server ${fmt(floor.serverCpuUsPerRequest, 0)} µs CPU/req\n` +
        `      basis / floor: throughput ${fmt(row.throughputRatio, 2)}x, p99 ${fmt(row.p99Ratio, 2)}x, ` +
        `server CPU per request ${fmt(row.cpuPerRequestRatio, 2)}x\n` +
        `      targets: >= ${fmt(TARGET_PLACEMENTS_PER_S, 0)} placements/s ${row.meetsThroughput ? 'met' : 'NOT met'}, ` +
        `p99 < ${TARGET_P99_MS} ms ${row.meetsP99 ? 'met' : 'NOT met'}\n`,
    );
  }
  if (args.profile) process.stdout.write(`CPU profiles of the servers: ${PROFILE_DIR}\n`);
}
