import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { inspect, promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocketServer } from 'ws';
import { createClient } from '../clients/createClient.js';
import { usdmActions } from '../clients/decorators/usdm.js';
import { NetworkError } from '../errors/transport.js';
import { createStreams } from '../streams/createStreams.js';
import { startProxy, startStallingServer } from '../testing/servers.js';
import { startTradingExchange } from '../testing/tradingExchange.js';
import { TIME_REQUEST } from '../testing/wireRequests.js';
import { createUserDataStream } from '../userData/userDataStream.js';
import { createWsApiClient } from '../wsApi/createWsApiClient.js';
import { http } from './http.js';
import { openTunnel, ProxyTunnelError, parseProxy, redactProxyUrl } from './proxyTunnel.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Serves each package's `dist` files from its TypeScript sources: the child runs the code under test. */
const SOURCE_RUNNER = fileURLToPath(
  new URL('../../../exchange/src/testing/sourceRunner.mjs', import.meta.url),
);
// A self-signed certificate for localhost and 127.0.0.1, for these tests only (valid until 2126).
const CERT = fileURLToPath(new URL('../testing/tls/localhost.cert.pem', import.meta.url));
const KEY = fileURLToPath(new URL('../testing/tls/localhost.key.pem', import.meta.url));

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** `user:pass` with characters a URL must escape, as a trader's proxy password may have. */
const CREDENTIALS = 'tr@der:p:ss w0rd';
const credentialsInUrl = (port: string) =>
  `http://${encodeURIComponent('tr@der')}:${encodeURIComponent('p:ss w0rd')}@127.0.0.1:${port}`;

describe('proxies', () => {
  test('default: REST, market streams and the WebSocket API all reach the exchange through one authenticating proxy', async () => {
    const fx = await startTradingExchange();
    closers.push(() => fx.close());
    const proxy = await startProxy({ credentials: CREDENTIALS });
    closers.push(() => proxy.close());
    const proxyUrl = credentialsInUrl(new URL(proxy.url).port);

    const transport = http({ baseUrl: fx.endpoints.restUrl, proxy: proxyUrl });
    closers.push(() => transport.close());
    expect((await transport.request(TIME_REQUEST)).status).toBe(200);
    const afterRest = proxy.tunnels();

    const streams = createStreams({ urls: { stream: fx.endpoints.wsUrl } }, { proxy: proxyUrl });
    closers.push(() => streams.close());
    const marks = streams.iterate('btcusdt@markPrice@1s');
    await marks.ready;
    expect((await marks.next()).value).toMatchObject({ e: 'markPriceUpdate', s: 'BTCUSDT' });
    const afterStreams = proxy.tunnels();

    const ws = createWsApiClient({
      client: fx.client,
      credentials: fx.exchange.defaultAccount!,
      url: fx.endpoints.wsApiUrl,
      proxy: proxyUrl,
      fallback: false,
    });
    closers.push(() => ws.close());
    await ws.connect();
    expect((await ws.startUserDataStream()).listenKey).toMatch(/^\w+$/);

    expect(afterRest).toBeGreaterThanOrEqual(1);
    expect(afterStreams).toBeGreaterThan(afterRest);
    expect(proxy.tunnels()).toBeGreaterThan(afterStreams);
    expect(proxy.upgrades()).toBe(2);
    const basic = `Basic ${Buffer.from(CREDENTIALS).toString('base64')}`;
    expect(new Set(proxy.authorizations())).toEqual(new Set([basic]));
  });

  test('behavior: streams, the user-data stream and the WebSocket API made from a client follow its proxy', async () => {
    const fx = await startTradingExchange();
    closers.push(() => fx.close());
    const proxy = await startProxy({ credentials: CREDENTIALS });
    closers.push(() => proxy.close());
    const client = createClient({
      env: 'local',
      baseUrl: fx.endpoints.restUrl,
      credentials: fx.exchange.defaultAccount!,
      http: { proxy: credentialsInUrl(new URL(proxy.url).port) },
    }).extend(usdmActions);
    closers.push(() => client.close());
    // Printing the client or its transport shows no credentials.
    expect(inspect(client, { depth: 4 })).not.toContain(encodeURIComponent('p:ss w0rd'));

    const streams = createStreams(client);
    closers.push(() => streams.close());
    const marks = streams.iterate('btcusdt@markPrice@1s');
    await marks.ready;
    await marks.next();
    expect(proxy.upgrades()).toBe(1);

    const user = createUserDataStream(client);
    closers.push(() => user.stop());
    await user.start();
    expect(proxy.upgrades()).toBe(2);

    const ws = createWsApiClient({ client, credentials: fx.exchange.defaultAccount!, fallback: false });
    closers.push(() => ws.close());
    await ws.connect();
    // Each WebSocket was an upgrade through a tunnel of its own.
    expect(proxy.upgrades()).toBe(3);
  });

  test('errors: credentials the proxy refuses (407) fail before sending, and the password is never printed', async () => {
    const fx = await startTradingExchange();
    closers.push(() => fx.close());
    const proxy = await startProxy({ credentials: 'trader:right' });
    closers.push(() => proxy.close());
    const wrong = `http://trader:hunter2@127.0.0.1:${new URL(proxy.url).port}`;
    const transport = http({ baseUrl: fx.endpoints.restUrl, proxy: wrong });
    closers.push(() => transport.close());
    const error = await transport.request(TIME_REQUEST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ requestSent: false, code: 'ERR_PROXY_TUNNEL' });
    expect((error as NetworkError).cause).toMatchObject({ status: 407 });
    const printed = `${(error as Error).message} ${((error as Error).cause as Error).message}`;
    expect(printed).toContain('127.0.0.1');
    expect(printed).not.toContain('hunter2');
  });

  test('errors: a proxy that accepts the connection and never answers CONNECT times out', async () => {
    const stalling = await startStallingServer();
    closers.push(() => stalling.close());
    const started = Date.now();
    const error = await openTunnel(parseProxy(stalling.url), '127.0.0.1', 9, 150).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ProxyTunnelError);
    expect(error).toMatchObject({ code: 'ERR_PROXY_TUNNEL_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('errors: a proxy that drops the connection mid-CONNECT is a failure before sending, not a maybe-sent reset', async () => {
    const dropping = createNetServer((socket) => socket.once('data', () => socket.destroy()));
    await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => dropping.close(resolve)));
    const { port } = dropping.address() as AddressInfo;
    const transport = http({ baseUrl: 'http://127.0.0.1:9', proxy: `http://127.0.0.1:${port}` });
    closers.push(() => transport.close());
    const error = await transport.request(TIME_REQUEST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ requestSent: false, code: 'ERR_PROXY_TUNNEL' });
  });

  test('behavior: a parsed proxy prints no credentials, and messages hide what stands before an @', () => {
    const target = parseProxy('http://trader:hunter2@127.0.0.1:3128');
    const printed = `${JSON.stringify(target)} ${inspect(target)}`;
    expect(printed).not.toContain('hunter2');
    expect(printed).not.toContain(Buffer.from('trader:hunter2').toString('base64'));
    expect(target.authorization()).toBe(`Basic ${Buffer.from('trader:hunter2').toString('base64')}`);
    expect(target).toMatchObject({ protocol: 'http:', hostname: '127.0.0.1', port: 3128 });
    expect(parseProxy('https://[::1]')).toMatchObject({ hostname: '::1', port: 443 });
    for (const text of [
      'http://trader:hunter2@127.0.0.1:3128',
      'trader:hunter2@127.0.0.1:3128',
      'socks5://trader:hunter2@127.0.0.1:1080',
    ]) {
      expect(redactProxyUrl(text)).not.toContain('hunter2');
      expect(redactProxyUrl(text)).toContain('127.0.0.1');
    }
    expect(redactProxyUrl('http://127.0.0.1:3128')).toBe('http://127.0.0.1:3128');
  });

  test('errors: a proxy URL that is not http(s) is refused at once', () => {
    expect(() => http({ baseUrl: 'http://127.0.0.1:1', proxy: 'socks5://u:hunter2@127.0.0.1:1080' })).toThrow(
      /must be http: or https:/,
    );
  });

  test('behavior: https and wss go through the tunnel with TLS to the origin, its certificate checked', async () => {
    const server = createHttpsServer(
      { cert: readFileSync(CERT), key: readFileSync(KEY) },
      (_request, response) => {
        response.setHeader('content-type', 'application/json');
        response.end('{"serverTime":1}');
      },
    );
    const sockets = new WebSocketServer({ server });
    sockets.on('connection', (socket) => socket.send('{"hello":"over tls"}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise((resolve) => {
          for (const client of sockets.clients) client.terminate();
          sockets.close();
          server.closeAllConnections();
          server.close(resolve);
        }),
    );
    const { port } = server.address() as AddressInfo;
    const proxy = await startProxy();
    closers.push(() => proxy.close());

    const script = `
      const { http } = await import(${JSON.stringify(new URL('../../dist/transports/http.js', import.meta.url).href)});
      const { createConnection } = await import(${JSON.stringify(new URL('../../dist/streams/connection.js', import.meta.url).href)});
      const out = {};
      for (const host of ['localhost', '127.0.0.1']) {
        const transport = http({ baseUrl: 'https://' + host + ':${port}', proxy: process.env.PROXY_URL });
        const response = await transport.request(${JSON.stringify(TIME_REQUEST)});
        out[host] = { status: response.status, body: new TextDecoder().decode(response.body) };
        await transport.close();
      }
      out.message = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no message over wss')), 10000);
        const connection = createConnection({
          url: 'wss://localhost:${port}',
          proxy: process.env.PROXY_URL,
          watchdog: false,
          onMessage: (message) => {
            clearTimeout(timer);
            void connection.close().then(() => resolve(message));
          },
        });
        connection.start();
      });
      console.log(JSON.stringify(out));
    `;
    const { stdout } = await run(
      process.execPath,
      ['--import', SOURCE_RUNNER, '--input-type=module', '-e', script],
      {
        cwd: ROOT,
        timeout: 30_000,
        // The child trusts the test certificate as it would a public CA's: verification stays on.
        env: { ...process.env, NODE_EXTRA_CA_CERTS: CERT, PROXY_URL: proxy.url },
      },
    );
    expect(JSON.parse(stdout.trim())).toEqual({
      localhost: { status: 200, body: '{"serverTime":1}' },
      '127.0.0.1': { status: 200, body: '{"serverTime":1}' },
      message: { hello: 'over tls' },
    });
    expect(proxy.tunnels()).toBeGreaterThanOrEqual(3);
  });

  test('errors: an untrusted certificate behind the tunnel fails the request before sending', async () => {
    // Without NODE_EXTRA_CA_CERTS the self-signed certificate is untrusted: TLS inside the tunnel fails.
    const server = createHttpsServer(
      { cert: readFileSync(CERT), key: readFileSync(KEY) },
      (_request, response) => response.end('{}'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(resolve)));
    const { port } = server.address() as AddressInfo;
    const proxy = await startProxy();
    closers.push(() => proxy.close());
    const transport = http({ baseUrl: `https://localhost:${port}`, proxy: proxy.url });
    closers.push(() => transport.close());
    const error = await transport.request(TIME_REQUEST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ requestSent: false });
    expect(proxy.tunnels()).toBe(1);
  });
});
