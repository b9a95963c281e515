import type { Product } from '../venue/venue.js';

/** A listen key named in a connection URL, with its optional event filter (`events=A/B`). */
export interface ListenKeyRequest {
  readonly listenKey: string;
  /** Event types to deliver (`ORDER_TRADE_UPDATE`, …); undefined for all. */
  readonly events: readonly string[] | undefined;
}

/** What a WebSocket URL asks for. */
export type ConnectionTarget =
  | {
      readonly kind: 'streams';
      /** `/stream` forms wrap every event as `{"stream","data"}`; `/ws` forms send it raw. */
      readonly combined: boolean;
      /** Candidate stream names from the path (`/ws/a/b`) or `?streams=a/b`, in order; unchecked. */
      readonly names: readonly string[];
      /** `?listenKey=K[&events=…]` pairs, in order (empty keys kept: the `binance` package sends one). */
      readonly listenKeys: readonly ListenKeyRequest[];
    }
  | { readonly kind: 'wsApi'; readonly returnRateLimits: boolean }
  | { readonly kind: 'unknown' };

/**
 * USD-M's 2026 routes (§9.1). The split is not enforced: clients mix them (client-recipes §6.3).
 * COIN-M has no routes (§13.4): only `/ws` and `/stream`.
 */
const ROUTE_PREFIXES = new Set(['public', 'market', 'private']);

/**
 * Reads an upgrade request's URL: `/ws`, `/ws/<a>/<b>`, `/stream?streams=a/b`, each also under
 * `/public`, `/market` or `/private`, with `listenKey` and `events` query parameters; and the WebSocket
 * API at `/ws-fapi/v1` (`?returnRateLimits=false`). Empty path segments are skipped. On COIN-M (URLs
 * already stripped of `/dstream`) a route prefix is unknown.
 */
export function parseConnectionUrl(url: string, product: Product = 'usdm'): ConnectionTarget {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length === 2 && segments[0] === 'ws-fapi' && segments[1] === 'v1') {
    return { kind: 'wsApi', returnRateLimits: query.get('returnRateLimits') !== 'false' };
  }
  const routed = product === 'usdm' && segments[0] !== undefined && ROUTE_PREFIXES.has(segments[0]);
  const start = routed ? 1 : 0;
  const form = segments[start];
  if (form !== 'ws' && form !== 'stream') return { kind: 'unknown' };
  const names: string[] = [];
  if (form === 'ws') {
    for (const segment of segments.slice(start + 1)) names.push(decode(segment));
  } else {
    if (segments.length > start + 1) return { kind: 'unknown' };
    for (const value of query.getAll('streams')) {
      for (const name of value.split('/')) if (name !== '') names.push(name);
    }
  }
  const listenKeys: ListenKeyRequest[] = [];
  for (const [name, value] of query) {
    if (name === 'listenKey') listenKeys.push({ listenKey: value, events: undefined });
    else if (name === 'events' && listenKeys.length > 0) {
      const last = listenKeys[listenKeys.length - 1]!;
      listenKeys[listenKeys.length - 1] = {
        listenKey: last.listenKey,
        events: value.split('/').filter((e) => e !== ''),
      };
    }
  }
  return { kind: 'streams', combined: form === 'stream', names, listenKeys };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
