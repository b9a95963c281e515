// The SDK as a user installs it: only the files `npm pack` ships for @basis/sdk and @basis/core, and
// their one dependency (ws), in a folder of their own with no undici anywhere above it. A child
// process imports it by package name there and trades against a local exchange over loopback, then
// through a proxy. This is what proves the package needs nothing it does not declare (the
// workspace's node_modules hold undici, so no test run inside the workspace could tell).
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startProxy } from './testing/servers.js';

const run = promisify(execFile);
const PACKAGES = fileURLToPath(new URL('../../', import.meta.url));

/** What `npm pack` would put in the tarball of `packages/<name>` (its `files`, README, package.json). */
async function packedFiles(name: string): Promise<string[]> {
  const { stdout } = await run(
    'npm',
    ['pack', '--dry-run', '--json', '--ignore-scripts', '--offline', '--no-update-notifier'],
    {
      cwd: join(PACKAGES, name),
      timeout: 60_000,
    },
  );
  const [manifest] = JSON.parse(stdout) as [{ files: { path: string }[] }];
  return manifest.files.map((file) => file.path);
}

let exchange: Exchange;
let restUrl: string;
let closeEndpoints: () => Promise<void>;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'basis-packaged-'));
  for (const name of ['core', 'sdk']) {
    const files = await packedFiles(name);
    const bundle = join(PACKAGES, name, 'dist/index.bundle.js');
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` first.`);
    for (const file of files) {
      const target = join(folder, 'node_modules/@basis', name, file);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(join(PACKAGES, name, file), target);
    }
  }
  // ws as npm would install it next to them (the workspace's copy; the test reaches no registry).
  const ws = dirname(createRequire(join(PACKAGES, 'sdk/package.json')).resolve('ws/package.json'));
  symlinkSync(ws, join(folder, 'node_modules/ws'), 'dir');

  exchange = createExchange({ seed: 3, synthetic: { backfillMinutes: 1 }, log: () => {} });
  const endpoints = await exchange.listen({ host: '127.0.0.1', port: 0 });
  restUrl = endpoints.restUrl;
  closeEndpoints = endpoints.close;
}, 120_000);

afterAll(async () => {
  await closeEndpoints?.();
  await exchange?.close();
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

describe('the packaged SDK', () => {
  test('default: installed with only its declared dependencies, it places, reads and cancels an order', async () => {
    const account = exchange.defaultAccount!;
    const proxy = await startProxy();
    const script = `
      import { ClientConfigError, createClient, usdmActions } from '@basis/sdk';
      const out = {};
      out.undiciInstalled = await import('undici').then(() => true, () => false);
      const client = createClient({
        env: 'local',
        baseUrl: process.env.REST_URL,
        credentials: { apiKey: process.env.API_KEY, apiSecret: process.env.API_SECRET },
      }).extend(usdmActions);
      out.serverTime = typeof (await client.getServerTime()).serverTime;
      const order = await client.newOrder({
        symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.002', price: '50000.0',
      });
      out.placed = order.order.status;
      const open = await client.getOpenOrders({ symbol: 'BTCUSDT' });
      out.open = open.map((o) => o.clientOrderId).includes(order.clientOrderId);
      const canceled = await client.cancelOrder({ symbol: 'BTCUSDT', origClientOrderId: order.clientOrderId });
      out.canceled = canceled.status;
      await client.close();
      const proxied = createClient({
        env: 'local',
        baseUrl: process.env.REST_URL,
        http: { proxy: process.env.PROXY_URL },
      }).extend(usdmActions);
      out.viaProxy = typeof (await proxied.getServerTime()).serverTime;
      await proxied.close();
      try {
        createClient({ env: 'local', baseUrl: process.env.REST_URL, http: { proxy: 'socks5://trader:hunter2@127.0.0.1:9' } });
        out.proxyError = 'no error';
      } catch (error) {
        out.proxyError = error instanceof ClientConfigError ? error.message : String(error);
      }
      console.log(JSON.stringify(out));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: folder,
      timeout: 60_000,
      env: {
        ...process.env,
        REST_URL: restUrl,
        PROXY_URL: proxy.url,
        API_KEY: account.apiKey,
        API_SECRET: account.apiSecret,
      },
    });
    const out = JSON.parse(stdout.trim()) as Record<string, unknown>;
    expect(out).toEqual({
      undiciInstalled: false,
      serverTime: 'number',
      placed: 'NEW',
      open: true,
      canceled: 'CANCELED',
      viaProxy: 'number',
      proxyError: expect.stringContaining('must be http: or https:'),
    });
    expect(out.proxyError).not.toContain('hunter2');
    expect(proxy.tunnels()).toBeGreaterThanOrEqual(1);
    await proxy.close();
  }, 90_000);
});
