import type { ClientRequest, ClientRequestArgs, Agent as HttpAgent, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { redactUrl } from '@basis/core';
import { ClientConfigError } from '../errors/config.js';
import type { Connector } from './dispatcher.js';
import type { Transport } from './transport.js';

/** The proxy of a client's transport (see `Transport.proxy`), for the WebSockets made from it. */
export function proxyOfClient(client: { readonly transport?: Transport } | undefined): string | undefined {
  return client?.transport?.proxy?.();
}

/** How long the proxy has to open a tunnel (TCP to the proxy, `CONNECT`, its answer), ms. */
export const TUNNEL_TIMEOUT_MS = 10_000;

/** A proxy that refused or failed to open a tunnel: nothing of the request was sent. */
export class ProxyTunnelError extends Error {
  override name = 'ProxyTunnelError';
  readonly code: 'ERR_PROXY_TUNNEL' | 'ERR_PROXY_TUNNEL_TIMEOUT';
  /** The proxy's HTTP status, when it answered. */
  readonly status: number | undefined;
  constructor(message: string, code: ProxyTunnelError['code'], status?: number) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/** Codes that would read as "the request may have been sent": before a tunnel opens, it was not. */
const MAYBE_SENT = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/**
 * A failure while the tunnel was still being opened (or its TLS handshake made): a reset or a
 * code-less error becomes a {@link ProxyTunnelError}, so that nobody takes it for a request that may
 * have reached Binance; system errors that already say "not sent" (refused, DNS, certificate) stay.
 */
function beforeSending(error: Error, proxy: ProxyTarget, authority: string): Error {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && !MAYBE_SENT.has(code)) return error;
  return new ProxyTunnelError(
    `The tunnel through ${proxy.shown} to ${authority} failed before anything was sent: ${error.message}`,
    'ERR_PROXY_TUNNEL',
  );
}

/**
 * A proxy URL for a message: whatever stands before an `@` is hidden, whether or not the text is a
 * URL (`user:pass@host:3128` is not one, and still holds a password).
 */
export function redactProxyUrl(text: string): string {
  return redactUrl(text).replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/?#@]*@/i, '$1***@');
}

/**
 * An HTTP(S) proxy, parsed once: where it is and the `Proxy-Authorization` its URL's credentials
 * give. The URL itself is not kept, so nothing here prints a password.
 */
export interface ProxyTarget {
  readonly protocol: 'http:' | 'https:';
  /** Without the brackets of an IPv6 address. */
  readonly hostname: string;
  readonly port: number;
  /** For messages: the URL without its credentials. */
  readonly shown: string;
  /** The `Proxy-Authorization` value, behind a call so that printing the target never shows it. */
  readonly authorization: () => string | undefined;
}

/** Parses `http://user:pass@host:port` (or `https:`); a bad URL is a `ClientConfigError` that hides the credentials. */
export function parseProxy(text: string): ProxyTarget {
  const shown = redactProxyUrl(text);
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new ClientConfigError(`The proxy URL '${shown}' is not a valid URL.`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ClientConfigError(`The proxy URL must be http: or https:, got '${url.protocol}'.`);
  }
  const credentials =
    url.username === '' && url.password === ''
      ? undefined
      : `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return {
    protocol: url.protocol,
    hostname: bareHost(url.hostname),
    port: portOf(url.port, url.protocol === 'https:'),
    shown,
    authorization: () =>
      credentials === undefined ? undefined : `Basic ${Buffer.from(credentials).toString('base64')}`,
  };
}

type NodeHttp = typeof import('node:http');
type NodeHttps = typeof import('node:https');
type NodeNet = typeof import('node:net');
type NodeTls = typeof import('node:tls');

/** Node's http, https, net and tls modules, loaded on the first tunnel (the SDK's import stays cheap). */
function modules(): { http: NodeHttp; https: NodeHttps; net: NodeNet; tls: NodeTls } {
  return {
    http: process.getBuiltinModule('node:http') as NodeHttp,
    https: process.getBuiltinModule('node:https') as NodeHttps,
    net: process.getBuiltinModule('node:net') as NodeNet,
    tls: process.getBuiltinModule('node:tls') as NodeTls,
  };
}

/** A host as sockets take it: an IPv6 address without the brackets a URL puts around it. */
function bareHost(host: string): string {
  return host.replace(/^\[|\]$/g, '');
}

/** A URL's port, or the scheme's default when it has none. */
function portOf(port: string | number | null | undefined, secure: boolean): number {
  return port === '' || port === null || port === undefined ? (secure ? 443 : 80) : Number(port);
}

/** A tunnel through `proxy` to `host:port` (`CONNECT`): the raw socket once the proxy answered 200. */
export function openTunnel(
  proxy: ProxyTarget,
  host: string,
  port: number,
  timeoutMs = TUNNEL_TIMEOUT_MS,
): Promise<Socket> {
  const { http, https } = modules();
  const authority = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  const authorization = proxy.authorization();
  return new Promise<Socket>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    const request: ClientRequest = (proxy.protocol === 'https:' ? https : http).request({
      method: 'CONNECT',
      host: proxy.hostname,
      port: proxy.port,
      path: authority,
      headers: {
        host: authority,
        ...(authorization === undefined ? {} : { 'proxy-authorization': authorization }),
      },
      agent: false,
      timeout: timeoutMs,
    });
    request.once('connect', (response: IncomingMessage, socket: Socket, head: Buffer) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        fail(
          new ProxyTunnelError(
            `The proxy ${proxy.shown} refused the tunnel to ${authority} (HTTP ${response.statusCode}).`,
            'ERR_PROXY_TUNNEL',
            response.statusCode,
          ),
        );
        return;
      }
      if (settled) {
        socket.destroy();
        return;
      }
      settled = true;
      socket.setTimeout(0);
      if (head.length > 0) socket.unshift(head);
      resolve(socket);
    });
    request.once('timeout', () => {
      fail(
        new ProxyTunnelError(
          `The proxy ${proxy.shown} opened no tunnel to ${authority} within ${timeoutMs} ms.`,
          'ERR_PROXY_TUNNEL_TIMEOUT',
        ),
      );
      request.destroy();
    });
    // A refused or unreachable proxy: the system error (ECONNREFUSED, ENOTFOUND) as it is.
    request.once('error', (error: Error) => fail(beforeSending(error, proxy, authority)));
    request.end();
  });
}

/**
 * TLS over an open tunnel to `host`, whose certificate must name it; resolves once the handshake is
 * done. SNI carries `servername` (a host name; never an IP address, which RFC 6066 forbids there).
 */
export function secureTunnel(socket: Socket, host: string, servername: string): Promise<TLSSocket> {
  const { net, tls } = modules();
  return new Promise<TLSSocket>((resolve, reject) => {
    const secure = tls.connect({
      socket,
      host,
      ...(net.isIP(servername) === 0 ? { servername } : {}),
      ALPNProtocols: ['http/1.1'],
    });
    const onError = (error: Error): void => {
      secure.destroy();
      reject(error);
    };
    secure.once('error', onError);
    secure.once('secureConnect', () => {
      secure.off('error', onError);
      resolve(secure);
    });
  });
}

/** A socket to `host:port` through `proxy`, with TLS to `servername` inside the tunnel when `secure`. */
async function tunnelTo(
  proxy: ProxyTarget,
  host: string,
  port: number,
  secure: boolean,
  servername: string,
): Promise<Socket> {
  const socket = await openTunnel(proxy, host, port);
  if (!secure) return socket;
  try {
    return await secureTunnel(socket, host, servername);
  } catch (error) {
    socket.destroy();
    throw beforeSending(error as Error, proxy, `${host}:${port}`);
  }
}

/** An undici connector that reaches every origin through `proxy`: tunnel, then TLS for `https:`. */
export function tunnelConnector(proxy: ProxyTarget): Connector {
  return (options, callback) => {
    const secure = options.protocol === 'https:';
    const port = portOf(options.port, secure);
    const host = bareHost(options.hostname);
    tunnelTo(proxy, host, port, secure, options.servername ?? host).then(
      (socket) => {
        // As undici's own connector sets them.
        socket.setNoDelay(true);
        socket.setKeepAlive(true, 60_000);
        callback(null, socket);
      },
      (error: Error) => callback(error, null),
    );
  };
}

/**
 * A Node `http.Agent` (`https.Agent` for `wss:`) whose sockets go through `proxy`, for `ws`'s `agent`
 * option: WebSocket streams and the WebSocket API reach Binance through the same proxy as REST.
 */
export function tunnelAgent(proxy: ProxyTarget, secure: boolean): HttpAgent {
  const { http, https } = modules();
  const Base = secure ? https.Agent : http.Agent;
  class TunnelAgent extends Base {
    // Node's Agent takes the socket from the callback when this returns nothing.
    override createConnection(
      options: ClientRequestArgs & { readonly servername?: string },
      callback?: (error: Error | null, stream: Duplex) => void,
    ): Duplex | null | undefined {
      const host = bareHost(options.hostname ?? options.host ?? 'localhost');
      const port = portOf(options.port, secure);
      tunnelTo(proxy, host, port, secure, options.servername ?? host).then(
        (socket) => callback?.(null, socket),
        (error: Error) => callback?.(error, undefined as never),
      );
      return undefined;
    }
  }
  return new TunnelAgent({ keepAlive: false });
}
