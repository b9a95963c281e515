import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { type Clock, stringifyJson } from '@basis/core';
import { WebSocketServer } from 'ws';
import { type ApiError, apiError } from '../api/apiError.js';
import type { RouteTable } from '../api/endpoint.js';
import type { FaultConnectionView, WebSocketFaults } from '../faults/streamFaults.js';
import type { CommandEntry, RestHandler } from '../rest/handler.js';
import type { VenueListener } from '../venue/events.js';
import type { Venue } from '../venue/venue.js';
import { DEFAULT_WEBSOCKET_LIMITS, type WebSocketLimits } from './limits.js';
import type { CloseReason, SocketFaults } from './managedSocket.js';
import { MarketStreams } from './marketStreams.js';
import { parseConnectionUrl } from './paths.js';
import { StreamConnection } from './streamConnection.js';
import { parseStreamName, type StreamSpec } from './streamNames.js';
import { UserStreams } from './userStreams.js';
import { WS_API_HANDSHAKE_WEIGHT, WsApi } from './wsApi.js';
import { WsApiConnection } from './wsApiConnection.js';
import type { WsApiRouteTable } from './wsApiMethods.js';

/** How {@link attachWebSockets} is set up. */
export interface AttachWebSocketsOptions {
  readonly venue: Venue;
  /** The exchange's clock: stream cadences, pings, pong deadlines and the 24 h cut run on it. */
  readonly clock: Clock;
  /** The REST handler whose limiter the WebSocket API shares (Binance's limits are per IP and account). */
  readonly rest: Pick<RestHandler, 'rateLimiter'>;
  /** REST's route table: WebSocket API methods run the endpoints of their routes. */
  readonly routes: RouteTable;
  /** The WebSocket API's methods and their routes (default: USD-M's, `WS_API_ROUTES`). */
  readonly wsApiRoutes?: WsApiRouteTable;
  /** The journal, called for every WebSocket API command exactly as REST's `onCommand`. */
  readonly onCommand?: (entry: CommandEntry) => void;
  /** Told about failures behind a -1000 answer or a skipped stream flush. Never given secrets. */
  readonly onInternalError?: (error: unknown, context: { readonly where: string }) => void;
  /** Largest `recvWindow` accepted by the WebSocket API, ms (default 60000, as REST). */
  readonly recvWindowMax?: number;
  /** Binance's connection limits by default; tests shorten them. */
  readonly limits?: Partial<WebSocketLimits>;
  /** Told when a connection ends, and why (the client left, a limit cut it, the server closed). */
  readonly onDisconnect?: (connection: {
    readonly id: number;
    readonly kind: 'stream' | 'wsApi';
    readonly ip: string;
    readonly path: string;
    readonly reason: CloseReason;
  }) => void;
  /**
   * Fault injection (`FaultInjector`, see `faults/streamFaults.ts`): `silence`, `delay` and `reorder`
   * on every outgoing frame, and `clockSkew` on the WebSocket API's timestamp check. Register the
   * returned {@link WebSockets} with `faults.attachConnections` for the drop actions.
   */
  readonly faults?: WebSocketFaults;
  /** How the product answers a rejection on the WebSocket API, as REST's (COIN-M: `toCoinmError`). */
  readonly translateError?: (error: ApiError) => ApiError;
  /** Where connection ids come from; give several attachments one source so ids never repeat. */
  readonly nextConnectionId?: () => number;
}

/** One open connection, as the admin API and fault injection see it. */
export interface WebSocketConnectionInfo {
  readonly id: number;
  readonly kind: 'stream' | 'wsApi';
  readonly ip: string;
  readonly path: string;
  readonly connectedSince: number;
  /** Stream names and listen keys (stream connections); the logged-on key (WebSocket API). */
  readonly streams: readonly string[];
  readonly apiKey: string | undefined;
  /** Ends the connection now, as the server would for `reason`. */
  close(reason?: CloseReason): void;
}

/** The exchange's WebSocket side, served on the REST server's port. */
export interface WebSockets {
  /**
   * Give to `startRestServer({ onUpgrade })`: routes an upgrade to streams, user data or the WebSocket
   * API. `routedUrl` is the URL to serve when it differs from the one asked (COIN-M's `/dstream/...`
   * served as `/...`); the connection keeps the path the client asked, which fault rules match.
   */
  onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, routedUrl?: string): void;
  /** The open connections. */
  connections(): readonly WebSocketConnectionInfo[];
  /** Counts, for tests and the admin API. */
  stats(): {
    readonly streamConnections: number;
    readonly wsApiConnections: number;
    readonly topics: number;
    readonly listenKeys: number;
  };
  /** Closes every connection (close frame 1001, cut after 250 ms), stops all timers, refuses new upgrades. */
  close(): Promise<void>;
}

interface Entry {
  readonly id: number;
  readonly path: string;
  readonly connection: StreamConnection | WsApiConnection;
}

const CLOSE_GRACE_MS = 250;

/**
 * Attaches Binance's real-time protocol to an exchange: market streams, user-data streams and the
 * WebSocket API, all on the REST port (wire `onUpgrade` into `startRestServer`).
 *
 * - Market and user-data streams: `/ws`, `/ws/<stream>[/<stream>…]`, `/stream?streams=a/b`, each also
 *   under `/public`, `/market` and `/private` on USD-M (old and new forms; the split is not enforced;
 *   COIN-M has no routes, and its payloads are COIN-M's: `venue.product`);
 *   `?listenKey=K[&events=A/B]` (repeatable) and listen keys as stream names. Path segments that are
 *   not stream names (ccxt's `/public/ws/<n>`) are ignored. More than `maxStreamsPerConnection`
 *   streams in the URL is HTTP 400.
 * - WebSocket API: `/ws-fapi/v1[?returnRateLimits=false]`; the handshake costs 5 weight (HTTP 429 or
 *   418 when the IP is over its limit or banned).
 * - Anything else is HTTP 404.
 *
 * The venue listener is registered while a stream connection is open, so an exchange without
 * subscribers builds no events.
 */
export function attachWebSockets(options: AttachWebSocketsOptions): WebSockets {
  const { venue, clock, faults } = options;
  const limits: WebSocketLimits = { ...DEFAULT_WEBSOCKET_LIMITS, ...options.limits };
  const report = (where: string) => (error: unknown) => {
    try {
      options.onInternalError?.(error, { where });
    } catch {
      // A failing reporter must not break delivery.
    }
  };
  const market = new MarketStreams({ venue, clock, onInternalError: report('market stream flush') });
  const user = new UserStreams(venue);
  const api = new WsApi({
    venue,
    clock,
    rateLimiter: options.rest.rateLimiter,
    routes: options.routes,
    ...(options.wsApiRoutes === undefined ? {} : { methodRoutes: options.wsApiRoutes }),
    ...(options.onCommand === undefined ? {} : { onCommand: options.onCommand }),
    onInternalError: (error, context) => report(`WebSocket API ${context.method}`)(error),
    ...(faults === undefined ? {} : { faults }),
    ...(options.recvWindowMax === undefined ? {} : { recvWindowMax: options.recvWindowMax }),
    ...(options.translateError === undefined ? {} : { translateError: options.translateError }),
  });
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    clientTracking: false,
    maxPayload: limits.maxPayloadBytes,
    // With fault injection a socket answers pings itself, so `silence` can swallow its pongs.
    autoPong: faults === undefined,
  });
  const reportListener = report('venue event delivery');
  const listener: VenueListener = {
    userEvent(accountId, event) {
      guard(() => user.onUserEvent(accountId, event), reportListener);
    },
    trade(trade) {
      guard(() => market.onTrade(trade), reportListener);
    },
    depthLevel(symbol, side, priceTick, qtySteps, updateId) {
      guard(() => market.onDepthLevel(symbol, side, priceTick, qtySteps, updateId), reportListener);
    },
    forceOrder(order) {
      guard(() => market.onForceOrder(order), reportListener);
    },
  };
  const entries = new Map<StreamConnection | WsApiConnection, Entry>();
  let streamConnections = 0;
  let unsubscribe: (() => void) | undefined;
  let counter = 1;
  const nextConnectionId = options.nextConnectionId ?? (() => counter++);
  let closing: Promise<void> | undefined;

  const onClose = (connection: StreamConnection | WsApiConnection, reason: CloseReason): void => {
    const entry = entries.get(connection);
    if (entry === undefined) return;
    entries.delete(connection);
    const kind = connection instanceof StreamConnection ? 'stream' : 'wsApi';
    guard(
      () =>
        options.onDisconnect?.({ id: entry.id, kind, ip: connection.socket.ip, path: entry.path, reason }),
      report('onDisconnect'),
    );
    if (connection instanceof StreamConnection) {
      streamConnections -= 1;
      if (streamConnections === 0) {
        unsubscribe?.();
        unsubscribe = undefined;
      }
    }
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer, routedUrl?: string): void => {
    const asked = request.url ?? '/';
    const url = routedUrl ?? asked;
    const path = asked.split('?')[0] ?? '/';
    if (closing !== undefined) {
      refuse(socket, 503, apiError(-1016));
      return;
    }
    const target = parseConnectionUrl(url, venue.product);
    const ip = clientIpOf(request.socket);
    switch (target.kind) {
      case 'unknown':
        refuse(socket, 404, apiError(-1020, [], { httpStatus: 404 }));
        return;
      case 'wsApi': {
        const verdict = options.rest.rateLimiter.chargeWeight(ip, WS_API_HANDSHAKE_WEIGHT);
        if (verdict.status === 'banned') {
          refuse(socket, 418, apiError(-1003, [verdict.until], { template: 1, httpStatus: 418 }));
          return;
        }
        if (verdict.status === 'limited') {
          refuse(socket, 429, apiError(-1003, [verdict.limit], { httpStatus: 429 }));
          return;
        }
        wss.handleUpgrade(request, socket, head, (ws) => {
          const id = nextConnectionId();
          let connection: WsApiConnection | undefined;
          const socketFaults = faultsOf(faults, id, 'wsApi', ip, path, {
            streams: () => [],
            apiKey: () => connection?.session.key?.apiKey,
          });
          connection = new WsApiConnection(ws, {
            clock,
            limits,
            ip,
            api,
            returnRateLimits: target.returnRateLimits,
            onClose,
            ...(socketFaults === undefined ? {} : { faults: socketFaults }),
          });
          entries.set(connection, { id, path, connection });
        });
        return;
      }
      case 'streams': {
        const streams: { name: string; spec: StreamSpec }[] = [];
        for (const name of target.names) {
          const spec = parseStreamName(name, venue.product);
          if (spec !== undefined && !streams.some((s) => s.name === name)) streams.push({ name, spec });
        }
        const keys = target.listenKeys.filter((k) => k.listenKey !== '').length;
        if (streams.length + keys > limits.maxStreamsPerConnection) {
          refuse(socket, 400, apiError(-1101, [], { template: 1 }));
          return;
        }
        wss.handleUpgrade(request, socket, head, (ws) => {
          unsubscribe ??= venue.subscribe(listener);
          streamConnections += 1;
          const id = nextConnectionId();
          let connection: StreamConnection | undefined;
          const socketFaults = faultsOf(faults, id, 'stream', ip, path, {
            streams: () => connection?.streams ?? [],
            apiKey: () => undefined,
          });
          connection = new StreamConnection(ws, {
            clock,
            limits,
            ip,
            market,
            user,
            product: venue.product,
            combined: target.combined,
            streams,
            listenKeys: target.listenKeys,
            onClose,
            ...(socketFaults === undefined ? {} : { faults: socketFaults }),
          });
          entries.set(connection, { id, path, connection });
        });
        return;
      }
    }
  };

  return {
    onUpgrade,
    connections() {
      return [...entries.values()].map(({ id, path, connection }) => {
        const stream = connection instanceof StreamConnection;
        return {
          id,
          kind: stream ? 'stream' : 'wsApi',
          ip: connection.socket.ip,
          path,
          connectedSince: connection.socket.connectedSince,
          streams: stream ? connection.streams : [],
          apiKey: stream ? undefined : connection.session.key?.apiKey,
          close: (reason: CloseReason = 'server') => connection.socket.close(reason),
        };
      });
    },
    stats() {
      return {
        streamConnections,
        wsApiConnections: entries.size - streamConnections,
        topics: market.topicCount,
        listenKeys: user.keyCount,
      };
    },
    close() {
      closing ??= (async () => {
        const sockets = [...entries.keys()].map((c) => c.socket);
        const gone = Promise.all(
          sockets.map(
            (s) =>
              new Promise<void>((resolve) => {
                if (s.ws.readyState === s.ws.CLOSED) resolve();
                else s.ws.once('close', () => resolve());
              }),
          ),
        );
        for (const s of sockets) s.close('server');
        const timer = setTimeout(() => {
          for (const s of sockets) s.ws.terminate();
        }, CLOSE_GRACE_MS);
        timer.unref();
        await gone;
        clearTimeout(timer);
        market.close();
        unsubscribe?.();
        unsubscribe = undefined;
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      })();
      return closing;
    },
  };
}

/**
 * A connection's fault hook: the injector and a live view of the connection (its streams and
 * logged-on key change after it opens); undefined without fault injection.
 */
function faultsOf(
  faults: WebSocketFaults | undefined,
  id: number,
  kind: 'stream' | 'wsApi',
  ip: string,
  path: string,
  live: { readonly streams: () => readonly string[]; readonly apiKey: () => string | undefined },
): SocketFaults | undefined {
  if (faults === undefined) return undefined;
  const view: FaultConnectionView = {
    id,
    kind,
    ip,
    path,
    get streams() {
      return live.streams();
    },
    get apiKey() {
      return live.apiKey();
    },
  };
  return { source: faults, view };
}

function guard(run: () => void, report: (error: unknown) => void): void {
  try {
    run();
  } catch (error) {
    report(error);
  }
}

/** Answers an upgrade with an HTTP error and Binance's `{"code","msg"}`, then closes the socket. */
function refuse(socket: Duplex, status: number, error: ApiError): void {
  const body = stringifyJson(error.toBody());
  const text = STATUS_TEXT[status] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  418: "I'm a teapot",
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

function clientIpOf(socket: Socket): string {
  const address = socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
