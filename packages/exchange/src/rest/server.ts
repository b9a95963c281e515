import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { stringifyJson } from '@basis/core';
import { apiError } from '../api/apiError.js';
import type { RestHandler, RestResponse } from './handler.js';

/** How {@link startRestServer} listens. */
export interface RestServerOptions {
  /** Answers each request (see `createRestHandler`). */
  readonly handler: Pick<RestHandler, 'handle'>;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default 0: a free port, reported in the result. */
  readonly port?: number;
  /** Largest request body, bytes; a larger one is HTTP 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /**
   * Idle time before the server closes a keep-alive connection, ms. Default 65000: longer than the
   * idle timeouts of common clients (undici 4 s, Node's agent 5 s, proxies and load balancers 60 s),
   * so the client closes first and never writes into a socket the server is closing.
   */
  readonly keepAliveTimeoutMs?: number;
  /** How long `close()` lets requests in progress finish before destroying their sockets, ms. Default 1000. */
  readonly closeGraceMs?: number;
  /** WebSocket upgrades (market streams, user data, WS API) are handed here. Without it they are refused. */
  readonly onUpgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

/** A listening REST server. */
export interface RestServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /**
   * Stops listening, closes idle keep-alive connections at once and every other connection (upgraded
   * ones included) after `closeGraceMs`; resolves when all are gone. Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 65_000;
const DEFAULT_CLOSE_GRACE_MS = 1000;
const UNKNOWN_ERROR_BODY = stringifyJson(apiError(-1000).toBody());

/**
 * Serves a REST handler over `node:http` with keep-alive. Each request's body is read into a string
 * (UTF-8), the client IP is the socket's peer address (IPv4-mapped IPv6 written as IPv4), and the
 * handler's answer is written with a `content-length`.
 *
 * A body over `maxBodyBytes` (by its `content-length`, or while it streams) is answered HTTP 413
 * `{"code":-1101,"msg":"Too many parameters sent for this endpoint."}` and the connection is closed;
 * that answer comes from the server alone and counts no weight.
 */
export async function startRestServer(options: RestServerOptions): Promise<RestServer> {
  const { handler } = options;
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const closeGraceMs = options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
  const sockets = new Set<Socket>();

  const respond = (req: IncomingMessage, res: ServerResponse, rawBody: string): void => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    let response: RestResponse;
    try {
      response = handler.handle({
        method: req.method ?? 'GET',
        path: q === -1 ? url : url.slice(0, q),
        rawQuery: q === -1 ? '' : url.slice(q + 1),
        rawBody,
        // Node joins repeated headers into one string; only `set-cookie` is an array, never read here.
        headers: req.headers as Readonly<Record<string, string | undefined>>,
        clientIp: clientIpOf(req.socket),
      });
    } catch {
      // `createRestHandler` never throws, but a composed handler might: answer, do not crash.
      response = { status: 500, headers: {}, body: UNKNOWN_ERROR_BODY };
    }
    if (response.delayMs === undefined && response.dropConnection !== true) write(res, response);
    else hold(res, response);
  };

  const server = createServer((req, res) => {
    const length = req.headers['content-length'];
    if (req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) {
      // No body: answer now; Node discards the (empty) request stream itself.
      respond(req, res, '');
      return;
    }
    if (length !== undefined && Number(length) > maxBodyBytes) {
      tooLarge(res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        refused = true;
        chunks.length = 0;
        tooLarge(res);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const body =
        chunks.length === 0
          ? ''
          : chunks.length === 1
            ? chunks[0]!.toString('utf8')
            : Buffer.concat(chunks, size).toString('utf8');
      respond(req, res, body);
    });
  });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS;
  // Node needs the header timeout above the keep-alive timeout, or a reused socket can be cut mid-request.
  server.headersTimeout = server.keepAliveTimeout + 1000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  if (options.onUpgrade !== undefined) server.on('upgrade', options.onUpgrade);

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, closeGraceMs);
      timer.unref();
      server.close((error) => {
        clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error);
      });
      server.closeIdleConnections();
    });
    return closing;
  };

  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, server, close };
}

function write(res: ServerResponse, response: RestResponse): void {
  res.writeHead(response.status, {
    'content-type': 'application/json',
    ...response.headers,
    'content-length': String(Buffer.byteLength(response.body)),
  });
  res.end(response.body);
}

/** The longest a fault-injected answer is held (`faults/`: `slow`, `timeout`), ms. */
const MAX_HOLD_MS = 120_000;

/**
 * Fault injection (`faults/`): writes the answer after `delayMs`, or with `dropConnection` closes the
 * connection then without answering. A timer, so the event loop keeps serving other requests; a
 * client that gives up first (or a server `close()`) closes the socket and cancels it.
 */
function hold(res: ServerResponse, response: RestResponse): void {
  const delayMs = Math.min(Math.max(0, response.delayMs ?? 0), MAX_HOLD_MS);
  const timer = setTimeout(() => {
    res.off('close', cancel);
    if (response.dropConnection === true) res.socket?.destroy();
    else write(res, response);
  }, delayMs);
  const cancel = (): void => clearTimeout(timer);
  res.once('close', cancel);
}

function tooLarge(res: ServerResponse): void {
  const body = stringifyJson(apiError(-1101, [], { template: 1 }).toBody());
  res.writeHead(413, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  });
  res.end(body);
}

function clientIpOf(socket: Socket): string {
  const address = socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
