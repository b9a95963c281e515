import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MockAgent } from 'undici';
import { describe, expect, test } from 'vitest';
import { ClientConfigError } from '../errors/config.js';
import { TIME_REQUEST } from '../testing/wireRequests.js';
import { builtinDispatcher, type HttpDispatcher } from './dispatcher.js';
import { http } from './http.js';

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');
const run = promisify(execFile);
const AGENT = { connections: 4, pipelining: 1 };
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Serves each package's `dist` files from its TypeScript sources: the child runs the code under test. */
const SOURCE_RUNNER = fileURLToPath(
  new URL('../../../exchange/src/testing/sourceRunner.mjs', import.meta.url),
);
const SDK_DIST_DISPATCHER = new URL('../../dist/transports/dispatcher.js', import.meta.url).href;
const SDK_DIST_HTTP = new URL('../../dist/transports/http.js', import.meta.url).href;

const time = TIME_REQUEST;

/** A stand-in for a dispatcher class of the application's (a proxy, a mock). */
class ApplicationDispatcher implements HttpDispatcher {
  closed = false;
  dispatch(): boolean {
    return true;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('builtinDispatcher', () => {
  test("default: an Agent of Node's own undici (the one behind fetch), in a process without undici loaded", async () => {
    // A fresh process: here the test's own `import 'undici'` has already set the global dispatcher.
    const script = `
      import { createServer } from 'node:http';
      const { builtinDispatcher } = await import(${JSON.stringify(SDK_DIST_DISPATCHER)});
      const { http } = await import(${JSON.stringify(SDK_DIST_HTTP)});
      const server = createServer((_request, response) => response.end('{"ok":true}'));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const transport = http({ baseUrl: 'http://127.0.0.1:' + server.address().port });
      const response = await transport.request(${JSON.stringify(time)});
      await transport.close();
      server.close();
      const nodeUndici = process.moduleLoadList.includes('NativeModule internal/deps/undici/undici');
      const { dispatcher, owned } = builtinDispatcher({ connections: 1, pipelining: 1 });
      const npm = await import('undici');
      console.log(JSON.stringify({
        status: response.status,
        nodeUndici,
        owned,
        npmAgent: dispatcher instanceof npm.Agent,
        builtinAgent: dispatcher.constructor === globalThis[Symbol.for('undici.globalDispatcher.1')].constructor,
      }));
      await dispatcher.close();
    `;
    const { stdout } = await run(
      process.execPath,
      ['--import', SOURCE_RUNNER, '--input-type=module', '-e', script],
      {
        cwd: ROOT,
        timeout: 30_000,
      },
    );
    expect(JSON.parse(stdout.trim())).toEqual({
      status: 200,
      nodeUndici: true,
      owned: true,
      npmAgent: false,
      builtinAgent: true,
    });
  });

  test("behavior: an application's own global dispatcher is followed, as fetch follows it, and not owned", () => {
    const application = new ApplicationDispatcher();
    const scope = { Headers: class {}, [GLOBAL_DISPATCHER]: application };
    const { dispatcher, owned } = builtinDispatcher(AGENT, scope);
    expect(dispatcher).toBe(application);
    expect(owned).toBe(false);
  });

  test("errors: a proxy over an application's global dispatcher that is no Agent is a config error", () => {
    const scope = { Headers: class {}, [GLOBAL_DISPATCHER]: new ApplicationDispatcher() };
    expect(() => builtinDispatcher({ ...AGENT, connect: (() => {}) as never }, scope)).toThrow(
      /ApplicationDispatcher, not undici's Agent/,
    );
  });

  test('errors: a runtime without fetch or without a global dispatcher is a config error that names the way out', () => {
    const withoutFetch = { [GLOBAL_DISPATCHER]: new ApplicationDispatcher() };
    const withoutDispatcher = { Headers: class {} };
    for (const scope of [withoutFetch, withoutDispatcher]) {
      const error = (() => {
        try {
          builtinDispatcher(AGENT, scope);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ClientConfigError);
      expect((error as ClientConfigError).message).toContain('`dispatcher`');
    }
  });
});

describe('http with a dispatcher of the application', () => {
  test('behavior: requests go through it, and close() leaves it open for its owner', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock
      .get('http://127.0.0.1:9')
      .intercept({ path: '/fapi/v1/time', method: 'GET' })
      .reply(200, '{"serverTime":1}', { headers: { 'x-mbx-used-weight-1m': '3' } })
      .times(2);
    const transport = http({ baseUrl: 'http://127.0.0.1:9', dispatcher: mock });
    try {
      const response = await transport.request(time);
      expect(response.status).toBe(200);
      expect(new TextDecoder().decode(response.body as Uint8Array)).toBe('{"serverTime":1}');
      expect(response.headers['x-mbx-used-weight-1m']).toBe('3');
    } finally {
      await transport.close();
    }
    // Still the owner's: a second transport on it gets the second answer.
    const again = http({ baseUrl: 'http://127.0.0.1:9', dispatcher: mock });
    expect((await again.request(time)).status).toBe(200);
    await again.close();
    mock.assertNoPendingInterceptors();
    await mock.close();
  });

  test("behavior: the SDK's own Agent is closed with the transport: its keep-alive sockets end", async () => {
    const server = createServer((_request, response) => response.end('{}'));
    const open = new Set<Socket>();
    server.on('connection', (socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const transport = http({ baseUrl: `http://127.0.0.1:${port}` });
    try {
      expect((await transport.request(time)).status).toBe(200);
      expect(open.size).toBe(1); // kept alive
      await transport.close();
      for (let i = 0; i < 100 && open.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(open.size).toBe(0);
      await expect(transport.request(time)).rejects.toThrow(/closed/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
