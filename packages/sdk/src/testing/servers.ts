import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';

const HOST = '127.0.0.1';

function listen(server: Server | ReturnType<typeof createHttpServer>): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('no port'));
      else resolve(address.port);
    });
  });
}

function closeServer(
  server: Server | ReturnType<typeof createHttpServer>,
  sockets: Set<Socket>,
): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A TCP server on 127.0.0.1 that accepts connections and never answers. */
export async function startStallingServer(): Promise<{
  readonly url: string;
  readonly connections: () => number;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    url: `http://${HOST}:${port}`,
    connections: () => connections,
    close: () => closeServer(server, sockets),
  };
}

/** The URL of a port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  const port = await listen(server);
  await closeServer(server, new Set());
  return `http://${HOST}:${port}`;
}

/**
 * A tiny HTTP proxy on 127.0.0.1: `CONNECT host:port` tunnels and absolute-URI forwarding, both to
 * 127.0.0.1 only (`localhost` tunnels there too; anything else is refused with 403). Counts what it carried. With `credentials`
 * (`user:pass`), a `CONNECT` without the matching Basic `Proxy-Authorization` is answered 407.
 */
export async function startProxy(options: { readonly credentials?: string } = {}): Promise<{
  readonly url: string;
  readonly tunnels: () => number;
  readonly forwarded: () => number;
  /** The `Proxy-Authorization` header of each `CONNECT`, in order (`undefined` when absent). */
  readonly authorizations: () => readonly (string | undefined)[];
  /** Tunnels whose first request was a WebSocket upgrade (plain `ws:` only: TLS hides it). */
  readonly upgrades: () => number;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  const authorizations: (string | undefined)[] = [];
  const expected =
    options.credentials === undefined
      ? undefined
      : `Basic ${Buffer.from(options.credentials).toString('base64')}`;
  let tunnels = 0;
  let upgrades = 0;
  const countUpgrade = (bytes: Buffer): void => {
    if (/\r\nupgrade:\s*websocket/i.test(bytes.toString('latin1'))) upgrades += 1;
  };
  let forwarded = 0;
  const server = createHttpServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (target.hostname !== HOST) {
      res.writeHead(403).end();
      return;
    }
    forwarded += 1;
    const upstream = httpRequest(
      {
        host: HOST,
        port: target.port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    authorizations.push(req.headers['proxy-authorization']);
    if (expected !== undefined && req.headers['proxy-authorization'] !== expected) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    if ((host !== HOST && host !== 'localhost') || port === undefined) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    tunnels += 1;
    const upstream = connect(Number(port), HOST, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) countUpgrade(head);
      else client.once('data', countUpgrade);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const port = await listen(server);
  return {
    url: `http://${HOST}:${port}`,
    tunnels: () => tunnels,
    forwarded: () => forwarded,
    authorizations: () => authorizations,
    upgrades: () => upgrades,
    close: () => closeServer(server, sockets),
  };
}

/** Something that answers in-process requests (structurally the exchange's `handle`). */
interface Handler {
  handle(request: {
    method: string;
    path: string;
    rawQuery: string;
    rawBody: string;
    headers: Readonly<Record<string, string | undefined>>;
    clientIp: string;
  }):
    | { status: number; headers: Readonly<Record<string, string>>; body: string }
    | Promise<{ status: number; headers: Readonly<Record<string, string>>; body: string }>;
}

/** Serves a handler over HTTP on 127.0.0.1 (like the exchange's server, without its extras). */
export async function serveHandler(
  handler: Handler,
): Promise<{ readonly url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const answer = await handler.handle({
        method: req.method ?? 'GET',
        path: q < 0 ? url : url.slice(0, q),
        rawQuery: q < 0 ? '' : url.slice(q + 1),
        rawBody: Buffer.concat(chunks).toString('utf8'),
        headers: req.headers as Record<string, string | undefined>,
        clientIp: '127.0.0.1',
      });
      res.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return { url: `http://${HOST}:${port}`, close: () => closeServer(server, sockets) };
}
