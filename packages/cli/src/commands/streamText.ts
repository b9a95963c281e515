import { stringifyJson } from '@basis/core';

// `basis stream`'s text lines: one per event, for a person reading a terminal (`--json` keeps the
// payload as Binance sends it). Fields are read by their wire names; an event of a kind not known
// here is printed as its JSON.

type Wire = Readonly<Record<string, unknown>>;

const PARTIAL_DEPTH = /@depth(5|10|20)(@|$)/;

/** `HH:MM:SS.mmm` (UTC) of an event time in ms. */
function clock(ms: unknown): string {
  return typeof ms === 'number' ? new Date(ms).toISOString().slice(11, 23) : '--:--:--.---';
}

const text = (value: unknown): string => (typeof value === 'string' ? value : String(value));

/** `0.00010000` → `0.0100%`. */
function percent(rate: unknown): string {
  const n = Number(rate);
  return Number.isFinite(n) ? `${(n * 100).toFixed(4)}%` : text(rate);
}

function best(levels: unknown): string {
  const top = Array.isArray(levels) ? (levels[0] as unknown) : undefined;
  return Array.isArray(top) ? `${text(top[0])} × ${text(top[1])}` : '—';
}

/** One event (or, for `!…@arr` streams, each element) as lines of text. */
export function streamText(name: string, event: unknown): string {
  if (Array.isArray(event)) return event.map((item) => streamText(name, item)).join('\n');
  if (typeof event !== 'object' || event === null) return `${name} ${stringifyJson(event)}`;
  const e = event as Wire;
  const at = `${clock(e.E ?? e.T)} ${text(e.s ?? '')}`;
  switch (e.e) {
    case 'aggTrade':
    case 'trade':
      // `m`: the buyer was the maker, so the taker sold.
      return `${at} ${e.e === 'aggTrade' ? 'aggTrade' : 'trade'} ${e.m === true ? 'SELL' : 'BUY '} ${text(e.q)} @ ${text(e.p)}`;
    case 'markPriceUpdate':
      return `${at} mark ${text(e.p)}  index ${text(e.i)}  funding ${percent(e.r)}${typeof e.T === 'number' && e.T > 0 ? ` next ${clock(e.T).slice(0, 8)}` : ''}`;
    case 'bookTicker':
      return `${at} bid ${text(e.b)} × ${text(e.B)}  ask ${text(e.a)} × ${text(e.A)}`;
    case '24hrTicker':
      return `${at} last ${text(e.c)}  24h ${text(e.P)}%  high ${text(e.h)}  low ${text(e.l)}  volume ${text(e.v)}`;
    case '24hrMiniTicker':
      return `${at} last ${text(e.c)}  open ${text(e.o)}  high ${text(e.h)}  low ${text(e.l)}  volume ${text(e.v)}`;
    case 'forceOrder': {
      const o = (e.o ?? {}) as Wire;
      return `${clock(e.E)} ${text(o.s)} liquidation ${text(o.S)} ${text(o.q)} @ ${text(o.ap ?? o.p)} (${text(o.X)})`;
    }
    case 'kline':
    case 'continuous_kline': {
      const k = (e.k ?? {}) as Wire;
      return `${at} ${text(k.i)} ${clock(k.t).slice(0, 5)}  O ${text(k.o)}  H ${text(k.h)}  L ${text(k.l)}  C ${text(k.c)}  V ${text(k.v)}${k.x === true ? '  closed' : ''}`;
    }
    case 'depthUpdate': {
      const bids = Array.isArray(e.b) ? e.b.length : 0;
      const asks = Array.isArray(e.a) ? e.a.length : 0;
      // A partial book (depth5/10/20) lists the best levels first; a diff stream lists changed levels.
      if (PARTIAL_DEPTH.test(name))
        return `${at} book ${bids} bids (best ${best(e.b)})  ${asks} asks (best ${best(e.a)})  u ${text(e.u)}`;
      return `${at} depth changes: ${bids} bid levels, ${asks} ask levels  U ${text(e.U)} u ${text(e.u)} pu ${text(e.pu)}`;
    }
    default:
      return `${name} ${stringifyJson(event)}`;
  }
}
