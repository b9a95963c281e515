/**
 * Signed round trips on loopback against a local exchange (same process, keep-alive):
 * the SDK's HTTP transport (undici 7 `Pool`) against Node's built-in `fetch`, the named alternative.
 * Also the whole client pipeline over that transport and over the in-process transport, to show
 * what the pipeline and the sockets cost. See docs/adr/0004-sdk-http-transport.md.
 *
 *   npx vitest bench --run packages/sdk/src/transports/http.bench.ts
 */
import { createSigner, hmacSha256Hex } from '@basis/core';
import { createExchange } from '@basis/exchange';
import { afterAll, bench, describe } from 'vitest';
import { createClient } from '../clients/createClient.js';
import { createRateGovernor } from '../rateLimit/governor.js';
import type { RequestCall } from '../request/types.js';
import { http } from './http.js';
import { inProcess } from './inProcess.js';

const exchange = createExchange({
  seed: 1,
  synthetic: { backfillMinutes: 5 },
  rateLimits: { enabled: false },
});
const { restUrl } = await exchange.listen();
const credentials = exchange.defaultAccount!;
const signer = createSigner(credentials);
const PATH = '/fapi/v2/balance';

const signedQuery = () => {
  const query = `recvWindow=5000&timestamp=${Date.now()}`;
  return `${query}&signature=${hmacSha256Hex(credentials.apiSecret, query)}`;
};

const transport = http({ baseUrl: restUrl });
const viaTransport = async () => {
  const response = await transport.request({
    method: 'GET',
    path: PATH,
    query: signedQuery(),
    body: '',
    headers: { 'x-mbx-apikey': signer.apiKey },
    timeoutMs: 10_000,
  });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
};

const viaFetch = async () => {
  const response = await fetch(`${restUrl}${PATH}?${signedQuery()}`, {
    headers: { 'x-mbx-apikey': signer.apiKey },
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
};

const call: RequestCall = { method: 'GET', path: PATH, security: 'USER_DATA', weight: 5, kind: 'read' };
// The exchange's limits are off; so are the clients' (a real budget would make them wait a minute).
const unlimited = () => createRateGovernor({ limits: { requestWeightPerMinute: Number.MAX_SAFE_INTEGER } });
const httpClient = createClient({
  env: 'local',
  baseUrl: restUrl,
  credentials,
  timeSync: false,
  governor: unlimited(),
});
const inProcessClient = createClient({
  env: 'local',
  transport: inProcess({ handler: exchange }),
  credentials,
  timeSync: false,
  governor: unlimited(),
});

const concurrently = (fn: () => Promise<void>, n: number) => async () => {
  await Promise.all(Array.from({ length: n }, fn));
};

afterAll(async () => {
  await transport.close();
  await httpClient.close();
  await exchange.close();
});

const options = { time: 2000, warmupTime: 500 };

describe('signed GET /fapi/v2/balance, one at a time', () => {
  bench('node:fetch (built-in undici 6, keep-alive)', viaFetch, options);
  bench('basis http transport (undici Pool)', viaTransport, options);
  bench('basis client pipeline over http', () => httpClient.request(call).then(() => undefined), options);
  bench(
    'basis client pipeline in process (no sockets)',
    () => inProcessClient.request(call).then(() => undefined),
    options,
  );
});

describe('signed GET /fapi/v2/balance, 16 in flight', () => {
  bench('basis http transport (undici Pool)', concurrently(viaTransport, 16), options);
  bench('node:fetch (built-in undici 6, keep-alive)', concurrently(viaFetch, 16), options);
});
