import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { createVerifier, hmacSha256Hex, restSigningPayload, stripSignature } from '@basis/core';
import { afterAll, bench, describe } from 'vitest';
import { defineEndpoint } from '../api/endpoint.js';
import { Venue } from '../venue/venue.js';
import { createRestHandler, type RestRequest } from './handler.js';
import { DEFAULT_RATE_LIMITS } from './rateLimit.js';
import { startRestServer } from './server.js';

// What the exchange answers to a new order (ACK), about 420 bytes.
const ORDER_ACK = {
  orderId: 4052917123,
  symbol: 'BTCUSDT',
  status: 'NEW',
  clientOrderId: 'x-cvBPrNm9a1b2c3d4e5f6a7b8c9d0e1f2',
  price: '65000.10',
  avgPrice: '0.00',
  origQty: '0.010',
  executedQty: '0.000',
  cumQty: '0.000',
  cumQuote: '0.00000',
  timeInForce: 'GTC',
  type: 'LIMIT',
  reduceOnly: false,
  closePosition: false,
  side: 'BUY',
  positionSide: 'BOTH',
  stopPrice: '0.00',
  workingType: 'CONTRACT_PRICE',
  priceProtect: false,
  origType: 'LIMIT',
  priceMatch: 'NONE',
  selfTradePreventionMode: 'EXPIRE_MAKER',
  goodTillDate: 0,
  updateTime: 1_767_614_400_000,
};

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const venue = new Venue({ startTime: T0, seed: 1, marketData: 'none' });
const account = venue.createAccount({ balances: { USDT: '10000' } });
const key = venue.addApiKey(account, { type: 'HMAC' });
if (key.type !== 'HMAC') throw new Error('expected an HMAC key');

// A trivial signed endpoint: the cost measured is the transport's, not the matching engine's.
const handler = createRestHandler({
  venue,
  routes: {
    'POST /fapi/v1/order': defineEndpoint({
      name: 'newOrder',
      security: 'TRADE',
      weight: 0,
      orders: { tenSeconds: 1, minute: 1 },
      command: true,
      handle: () => ORDER_ACK,
    }),
  },
  now: () => T0,
  // Counted (the limiter's cost is included) but never refusing.
  rateLimits: { ...DEFAULT_RATE_LIMITS, enabled: false },
  onCommand: () => {},
});

// The `binance` package's shape: everything in the query, signature last.
const query =
  'symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.010&price=65000.10' +
  `&newClientOrderId=x-cvBPrNm9a1b2c3d4e5f6a7b8c9d0e1f2&recvWindow=5000&timestamp=${T0}`;
const signedQuery = `${query}&signature=${hmacSha256Hex(key.secret, query)}`;
const signedRequest: RestRequest = {
  method: 'POST',
  path: '/fapi/v1/order',
  rawQuery: signedQuery,
  rawBody: '',
  headers: {
    'x-mbx-apikey': key.apiKey,
    'content-type': 'application/x-www-form-urlencoded',
    'user-agent': 'axios/1.18.1',
    host: '127.0.0.1',
  },
  clientIp: '127.0.0.1',
};
const verifier = createVerifier({ type: 'HMAC', secret: key.secret });

describe('one signed order request, in process', () => {
  bench('rest: handle() of a signed POST /fapi/v1/order (HMAC)', () => {
    const response = handler.handle(signedRequest);
    if (response.status !== 200) throw new Error(response.body);
  });

  bench('floor: JSON.stringify of the same response body', () => {
    JSON.stringify(ORDER_ACK);
  });

  bench('part: HMAC verification of the same request (stripSignature + verify)', () => {
    const stripped = stripSignature(signedQuery);
    if (!verifier.verify(restSigningPayload(stripped.unsigned, ''), stripped.signature ?? ''))
      throw new Error('bad');
  });
});

// Over loopback: 256 signed orders per iteration, 32 in flight on keep-alive connections, sent from
// a worker thread (so the client does not share the server's thread), against a bare node:http
// server that answers the same body without reading anything (the floor).
const BATCH = 256;
const IN_FLIGHT = 32;
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require('node:http');
const agent = new Agent({ keepAlive: true, maxSockets: workerData.inFlight });
const post = (url) => new Promise((resolve, reject) => {
  const req = request(url, { method: 'POST', agent, headers: workerData.headers }, (res) => {
    res.resume();
    res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error('HTTP ' + res.statusCode))));
  });
  req.on('error', reject);
  req.end();
});
parentPort.on('message', async (url) => {
  let next = 0;
  const worker = async () => { while (next < workerData.batch) { next++; await post(url); } };
  try {
    await Promise.all(Array.from({ length: workerData.inFlight }, worker));
    parentPort.postMessage('ok');
  } catch (error) {
    parentPort.postMessage(String(error));
  }
});
`;
const client = new Worker(CLIENT, {
  eval: true,
  workerData: {
    batch: BATCH,
    inFlight: IN_FLIGHT,
    headers: { 'x-mbx-apikey': key.apiKey, 'content-type': 'application/x-www-form-urlencoded' },
  },
});
const ackBody = JSON.stringify(ORDER_ACK);
// Started at load: hooks inside a bench group are not run by vitest bench.
const restServer = await startRestServer({ handler });
const bareServer = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ackBody) });
  res.end(ackBody);
});
await new Promise<void>((resolve) => bareServer.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`;
afterAll(async () => {
  await client.terminate();
  await restServer.close();
  await new Promise<void>((resolve) => {
    bareServer.close(() => resolve());
    bareServer.closeAllConnections();
  });
});

function batch(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once('message', (result: string) => (result === 'ok' ? resolve() : reject(new Error(result))));
    client.postMessage(url);
  });
}

describe(`${BATCH} signed orders over loopback, ${IN_FLIGHT} in flight`, () => {
  bench('rest: startRestServer + handler', async () => {
    await batch(`${restServer.url}/fapi/v1/order?${signedQuery}`);
  });

  bench('floor: bare node:http server, same body', async () => {
    await batch(`${bareUrl}/fapi/v1/order?${signedQuery}`);
  });
});
