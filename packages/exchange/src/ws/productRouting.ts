import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSockets } from './attachWebSockets.js';

/**
 * Where COIN-M's streams are served on the shared port: `/dstream/ws`, `/dstream/stream` (Binance
 * serves them at `/ws` and `/stream` of its own host, `dstream.binance.com`).
 */
export const COINM_STREAM_PREFIX = '/dstream';

/** COIN-M's WebSocket API path, as on `ws-dapi.binance.com`. */
const COINM_WS_API_PATH = '/ws-dapi/v1';

/**
 * One WebSocket side for both products on one port: upgrades under {@link COINM_STREAM_PREFIX} and
 * `/ws-dapi/v1` go to COIN-M (served at the USD-M form of the URL its parser reads, while the
 * connection keeps the path asked), every other upgrade to USD-M. Connections, counts and close
 * cover both.
 */
export function combineWebSockets(usdm: WebSockets, coinm: WebSockets | undefined): WebSockets {
  if (coinm === undefined) return usdm;
  return {
    onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
      const url = request.url ?? '/';
      const coinmUrl = toCoinmUrl(url);
      if (coinmUrl === undefined) {
        usdm.onUpgrade(request, socket, head);
        return;
      }
      coinm.onUpgrade(request, socket, head, coinmUrl);
    },
    connections: () => [...usdm.connections(), ...coinm.connections()],
    stats() {
      const a = usdm.stats();
      const b = coinm.stats();
      return {
        streamConnections: a.streamConnections + b.streamConnections,
        wsApiConnections: a.wsApiConnections + b.wsApiConnections,
        topics: a.topics + b.topics,
        listenKeys: a.listenKeys + b.listenKeys,
      };
    },
    async close() {
      await Promise.all([usdm.close(), coinm.close()]);
    },
  };
}

/** The USD-M-form URL of a COIN-M upgrade URL, or undefined when `url` is not COIN-M's. */
export function toCoinmUrl(url: string): string | undefined {
  if (isUnder(url, COINM_WS_API_PATH)) return `/ws-fapi/v1${url.slice(COINM_WS_API_PATH.length)}`;
  if (!isUnder(url, COINM_STREAM_PREFIX, '/')) return undefined;
  const rest = url.slice(COINM_STREAM_PREFIX.length) || '/';
  // The `binance` package puts its COIN-M WebSocket API under the stream host it was given.
  return isUnder(rest, COINM_WS_API_PATH) ? `/ws-fapi/v1${rest.slice(COINM_WS_API_PATH.length)}` : rest;
}

/** Whether `url` is `path` itself or continues it with a query (or with `/` when allowed). */
function isUnder(url: string, path: string, ...separators: string[]): boolean {
  if (!url.startsWith(path)) return false;
  const next = url.charAt(path.length);
  return next === '' || next === '?' || separators.includes(next);
}
