import { describe, expect, test } from 'vitest';
// The SDK's test proxy: CONNECT tunnels to 127.0.0.1, counted, with Basic credentials required.
import { startProxy } from '../../../sdk/src/testing/servers.js';
import { run } from '../main.js';
import { captureIo } from '../testing.js';
import { json, useLocalExchange } from './testing.js';

// --proxy and BASIS_PROXY: every command that talks to an exchange reaches it through the proxy,
// REST and WebSockets alike, and never prints the proxy's password.

const { local, basis } = useLocalExchange({ exchange: { rateLimits: { enabled: false }, log: () => {} } });

async function authenticatingProxy() {
  const proxy = await startProxy({ credentials: 'trader:hunter2' });
  return { proxy, url: `http://trader:hunter2@127.0.0.1:${new URL(proxy.url).port}` };
}

describe('basis through a proxy', () => {
  test('default: --proxy carries a REST command; BASIS_PROXY does the same', async () => {
    const { proxy, url } = await authenticatingProxy();
    try {
      const viaFlag = await basis(['account', '--json', '--proxy', url]);
      expect(viaFlag.code, viaFlag.err).toBe(0);
      expect(json<{ env: string }>(viaFlag.out).env).toBe('local');
      const afterFlag = proxy.tunnels();
      expect(afterFlag).toBeGreaterThanOrEqual(1);

      const viaEnv = await basis(['positions', '--json'], { ...local.keys, BASIS_PROXY: url });
      expect(viaEnv.code, viaEnv.err).toBe(0);
      expect(proxy.tunnels()).toBeGreaterThan(afterFlag);
      expect(`${viaFlag.out}${viaFlag.err}${viaEnv.out}${viaEnv.err}`).not.toContain('hunter2');
    } finally {
      await proxy.close();
    }
  });

  test('behavior: basis stream opens its WebSocket through the proxy', async () => {
    const { proxy, url } = await authenticatingProxy();
    try {
      const io = captureIo();
      const args = [
        'stream',
        'markPrice@1s',
        'BTCUSDT',
        '--url',
        local.restUrl,
        '--proxy',
        url,
        '--count',
        '2',
      ];
      expect(await run([...args, '--json'], io), io.err()).toBe(0);
      expect(io.out().trim().split('\n')).toHaveLength(2);
      expect(proxy.upgrades()).toBe(1);
    } finally {
      await proxy.close();
    }
  }, 20_000);

  test('errors: a proxy that is not an http(s) URL is a usage error that hides the password', async () => {
    for (const [args, env] of [
      [['account', '--proxy', 'socks5://trader:hunter2@127.0.0.1:1080'], local.keys],
      [['account'], { ...local.keys, BASIS_PROXY: 'trader:hunter2@127.0.0.1:1080' }],
    ] as const) {
      const result = await basis(args, env);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/(--proxy|BASIS_PROXY) must be an http\(s\) URL/);
      expect(result.err).not.toContain('hunter2');
    }
  });

  test('errors: a paper run has no proxy to use: --proxy is for live runs only', async () => {
    const io = captureIo();
    expect(
      await run(['run', 'market-maker', '--proxy', 'http://127.0.0.1:3128', '--duration', '1s'], io),
    ).toBe(2);
    expect(io.err()).toContain('--proxy');
    expect(io.err()).toContain('for live runs only');
  });
});
