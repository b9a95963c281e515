/**
 * The server side of `exchangeHttp.mjs`, run in its own process so the server and the load generator
 * never share an event loop.
 *
 *   node bench/exchangeHttpServer.mjs basis   # the local exchange (built dist), rate limits off
 *   node bench/exchangeHttpServer.mjs floor   # a bare node:http server answering a fixed order body
 *
 * Prints one JSON line `{ url, apiKey, apiSecret }` once it listens on 127.0.0.1, `{ cpuMs }` for
 * each `cpu` line it reads, and `{ rssMb, heapUsedMb }` just before it exits. It exits when its stdin ends, so it never outlives
 * the parent; exiting normally lets `node --cpu-prof` write its profile.
 */
import { createServer } from 'node:http';
import { createExchange } from '@basis/exchange';
import { answerParent, report } from './childLines.mjs';

// An order ACK shaped like the exchange's (532 bytes; the exchange's own answers here are ~500): the
// floor answers it as is.
const ORDER_ACK = JSON.stringify({
  orderId: 4052917123,
  symbol: 'BTCUSDT',
  status: 'NEW',
  clientOrderId: 'bx0000000000000000000000000000000000',
  price: '60000.00',
  avgPrice: '0.00',
  origQty: '0.003',
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
});

const kind = process.argv[2];
let stop;

if (kind === 'basis') {
  // Realistic: the synthetic market runs (default), Binance's filters and margin checks apply; only the
  // rate limits are off, and the account is funded far beyond what the run can use.
  const exchange = createExchange({
    rateLimits: { enabled: false },
    defaultAccount: { balances: { USDT: '1000000000', USDC: '1000000000' } },
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const endpoints = await exchange.listen({ host: '127.0.0.1', port: 0 });
  const account = exchange.defaultAccount;
  if (account === undefined) throw new Error('the exchange created no default account');
  report({ url: endpoints.restUrl, apiKey: account.apiKey, apiSecret: account.apiSecret });
  stop = () => exchange.close();
} else if (kind === 'floor') {
  const server = createServer((req, res) => {
    // Drain the (empty) request like any server would, then answer the fixed body.
    req.resume();
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(ORDER_ACK),
    });
    res.end(ORDER_ACK);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  report({ url: `http://127.0.0.1:${server.address().port}`, apiKey: 'floor', apiSecret: 'floor' });
  stop = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
} else {
  process.stderr.write('usage: node bench/exchangeHttpServer.mjs basis|floor\n');
  process.exit(2);
}

// `cpu` lines, then the end of stdin: the memory report and a clean exit.
answerParent(stop);
