/**
 * The client side of `sdkRoundTrip.mjs`: one client library, one operation, one concurrency, run in
 * its own process (fresh per measurement, so no library's modules, JIT state or heap meet another's).
 *
 *   node bench/sdkRoundTripClient.mjs '<json config>'
 *
 * Config: `{ client, op, concurrency, warmupS, durationS, url, apiKey, apiSecret }` with
 * `client` one of raw | basis | basis-novalidate | ccxt | binance and `op` one of open-orders |
 * account | order. Prints JSON lines: `{ phase: 'ready' }` once the client is set up (markets loaded),
 * `{ phase: 'measure' }` when the warm-up ends, then the result. Exits when done; the parent kills it
 * on its own deadline.
 */
import { createHmac } from 'node:crypto';
import { report } from './childLines.mjs';
import { percentile } from './scriptHelpers.mjs';

const config = JSON.parse(process.argv[2] ?? '{}');
const { client: kind, op, concurrency, warmupS, durationS, url, apiKey, apiSecret } = config;

const SYMBOL = 'BTCUSDT';
const CCXT_SYMBOL = 'BTC/USDT:USDT';
// A resting BUY far below the synthetic market (~96,000): it never fills, the book stays flat.
const QUANTITY = '0.003';
const PRICE = '60000.0';
// Latencies kept per measurement; far beyond what 5-10 s of loopback round trips can produce.
const MAX_SAMPLES = 2_000_000;

/**
 * undici from npm (this folder's dev dependency), the floor's client: the SDK itself installs none and
 * drives the undici Node ships for `fetch`, so the floor is the newer, separately installed one.
 */
async function floorUndici() {
  const undici = await import('undici');
  return undici.default ?? undici;
}

/**
 * Each maker returns `{ calls: [fn, ...], close }`: one iteration runs the calls in order, each one
 * HTTP round trip, timed separately. Calls share per-worker state through `state`.
 */
const makers = {
  /** The floor: an undici Pool as the SDK configures its Agent, signing by hand with node:crypto, JSON.parse. */
  async raw() {
    const undici = await floorUndici();
    const pool = new undici.Pool(url, { connections: 16, pipelining: 1 });
    const headers = { 'x-mbx-apikey': apiKey };
    const formHeaders = { ...headers, 'content-type': 'application/x-www-form-urlencoded' };
    const sign = (params) => {
      const query = `${params}&recvWindow=5000&timestamp=${Date.now()}`;
      return `${query}&signature=${createHmac('sha256', apiSecret).update(query).digest('hex')}`;
    };
    const send = async (method, path, query, body) => {
      const response = await pool.request({
        method,
        path: query === '' ? path : `${path}?${query}`,
        headers: body === null ? headers : formHeaders,
        body,
      });
      const data = JSON.parse(await response.body.text());
      if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${JSON.stringify(data)}`);
      return data;
    };
    let next = 0;
    const prefix = `raw-${process.pid.toString(36)}-`;
    const calls = {
      'open-orders': [() => send('GET', '/fapi/v1/openOrders', sign(`symbol=${SYMBOL}`), null)],
      account: [() => send('GET', '/fapi/v3/account', sign(''), null)],
      // The same parameters the SDK sends (positionSide=BOTH included), in a form body as it does.
      order: [
        async (state) => {
          const params =
            `symbol=${SYMBOL}&side=BUY&positionSide=BOTH&type=LIMIT&timeInForce=GTC&quantity=${QUANTITY}` +
            `&price=${PRICE}&newClientOrderId=${prefix}${(next++).toString(36)}`;
          state.orderId = (await send('POST', '/fapi/v1/order', '', sign(params))).orderId;
        },
        (state) => send('DELETE', '/fapi/v1/order', sign(`symbol=${SYMBOL}&orderId=${state.orderId}`), null),
      ],
    };
    return { calls: calls[op], close: () => pool.close() };
  },

  basis: () => basisClient(true),
  'basis-novalidate': () => basisClient(false),

  async ccxt() {
    const ccxt = (await import('ccxt')).default;
    // client-recipes.md §2.1: every REST url to the local server, no sapi calls, no rate limiter.
    const exchange = new ccxt.binanceusdm({
      apiKey,
      secret: apiSecret,
      enableRateLimit: false,
      options: {
        fetchCurrencies: false,
        fetchMargins: false,
        fetchMarkets: { types: ['linear'] },
        defaultType: 'swap',
        adjustForTimeDifference: false,
        fetchOpenOrders: { warnWithoutSymbol: false },
        warnOnFetchOpenOrdersWithoutSymbol: false,
      },
    });
    exchange.urls.api = rewriteUrls(exchange.urls.api, url, url.replace(/^http/, 'ws'));
    await exchange.loadMarkets();
    const calls = {
      'open-orders': [() => exchange.fetchOpenOrders(CCXT_SYMBOL)],
      account: [() => exchange.fetchBalance()],
      order: [
        async (state) => {
          state.orderId = (
            await exchange.createOrder(CCXT_SYMBOL, 'limit', 'buy', Number(QUANTITY), Number(PRICE))
          ).id;
        },
        (state) => exchange.cancelOrder(state.orderId, CCXT_SYMBOL),
      ],
    };
    return { calls: calls[op], close: () => exchange.close?.() };
  },

  async binance() {
    const { USDMClient } = await import('binance');
    // client-recipes.md §2.2: baseUrl wins over every other host option; time sync is off by default.
    const rest = new USDMClient({ api_key: apiKey, api_secret: apiSecret, baseUrl: url, keepAlive: true });
    const calls = {
      'open-orders': [() => rest.getAllOpenOrders({ symbol: SYMBOL })],
      account: [() => rest.getAccountInformationV3()],
      order: [
        async (state) => {
          const placed = await rest.submitNewOrder({
            symbol: SYMBOL,
            side: 'BUY',
            type: 'LIMIT',
            timeInForce: 'GTC',
            quantity: Number(QUANTITY),
            price: Number(PRICE),
          });
          state.orderId = placed.orderId;
        },
        (state) => rest.cancelOrder({ symbol: SYMBOL, orderId: state.orderId }),
      ],
    };
    return { calls: calls[op], close: () => {} };
  },
};

/** The SDK as a user writes it; the governor's budgets raised so it never waits (its bookkeeping still runs). */
async function basisClient(validate) {
  const { createClient, createRateGovernor, usdmActions } = await import('@basis/sdk');
  const governor = createRateGovernor({
    limits: { requestWeightPerMinute: 1e12, ordersPer10Seconds: 1e12, ordersPerMinute: 1e12 },
  });
  const client = createClient({
    env: 'local',
    baseUrl: url,
    credentials: { apiKey, apiSecret },
    governor,
  }).extend(usdmActions);
  const calls = {
    'open-orders': [() => client.getOpenOrders({ symbol: SYMBOL })],
    account: [() => client.getAccountV3()],
    order: [
      async (state) => {
        const placed = await client.newOrder({
          symbol: SYMBOL,
          side: 'BUY',
          type: 'LIMIT',
          timeInForce: 'GTC',
          quantity: QUANTITY,
          price: PRICE,
          ...(validate ? {} : { validate: false }),
        });
        state.orderId = placed.order.orderId;
      },
      (state) => client.cancelOrder({ symbol: SYMBOL, orderId: state.orderId }),
    ],
  };
  return { calls: calls[op], close: () => client.close() };
}

/** client-recipes.md §2.1: rewrites every https://host/path (wss://) in ccxt's url tree to the local base. */
function rewriteUrls(tree, httpBase, wsBase) {
  if (typeof tree === 'string') {
    const m = tree.match(/^(https?|wss?):\/\/[^/]+(\/.*)?$/);
    return m ? (m[1].startsWith('ws') ? wsBase : httpBase) + (m[2] || '') : tree;
  }
  if (tree && typeof tree === 'object') {
    const out = Array.isArray(tree) ? [] : {};
    for (const [k, v] of Object.entries(tree)) out[k] = rewriteUrls(v, httpBase, wsBase);
    return out;
  }
  return tree;
}

const maker = makers[kind];
if (maker === undefined || !['open-orders', 'account', 'order'].includes(op)) {
  process.stderr.write(`sdkRoundTripClient: unknown client '${kind}' or op '${op}'\n`);
  process.exit(2);
}
const { calls, close } = await maker();
report({ phase: 'ready' });

const latencies = new Float64Array(MAX_SAMPLES);
let recorded = 0;
let requests = 0;
let errors = 0;
let firstError;
let measuring = false;
const started = performance.now();
const warmEnd = started + warmupS * 1000;
const end = warmEnd + durationS * 1000;
let measureStart = warmEnd;
let cpuStart;

// Closed loop: `concurrency` workers, each one iteration (all its calls) at a time, until the deadline.
async function worker() {
  const state = {};
  while (performance.now() < end) {
    for (const call of calls) {
      const t0 = performance.now();
      try {
        await call(state);
      } catch (error) {
        errors++;
        firstError ??= `${error?.name ?? 'Error'}: ${String(error?.message ?? error).slice(0, 300)}`;
        // A failed placement leaves nothing to cancel: start the next iteration.
        break;
      }
      const t1 = performance.now();
      if (measuring && t1 <= end) {
        requests++;
        if (recorded < MAX_SAMPLES) latencies[recorded++] = t1 - t0;
      }
    }
  }
}

const warmTimer = setTimeout(() => {
  measuring = true;
  measureStart = performance.now();
  cpuStart = process.cpuUsage();
  report({ phase: 'measure' });
}, warmupS * 1000);
await Promise.all(Array.from({ length: concurrency }, worker));
clearTimeout(warmTimer);
const cpu = process.cpuUsage(cpuStart);
const measuredMs = Math.min(performance.now(), end) - measureStart;
await close();

const sample = latencies.subarray(0, recorded).sort();
report({
  requests,
  seconds: measuredMs / 1000,
  perSecond: requests / (measuredMs / 1000),
  p50: percentile(sample, 0.5),
  p90: percentile(sample, 0.9),
  p99: percentile(sample, 0.99),
  max: sample.length === 0 ? Number.NaN : sample[sample.length - 1],
  errors,
  ...(firstError === undefined ? {} : { firstError }),
  clientCpuUsPerRequest: (cpu.user + cpu.system) / requests,
  clientCpuShare: (cpu.user + cpu.system) / 1000 / measuredMs,
});
process.exit(0);
