import type { Venue } from '../../../venue/venue.js';
import { apiError } from '../../apiError.js';
import { missingEither, type ParamReader } from '../../params.js';

/**
 * The symbols a COIN-M query selects by `symbol` or `pair` (the symbol wins when both are sent): -1121
 * for an unknown symbol, -4087 "Invalid pair." for an unknown pair. Without either, every symbol, or
 * -1102 when one is `required`.
 */
export function symbolOrPair(venue: Venue, p: ParamReader, required: boolean): (symbol: string) => boolean {
  const symbol = p.string('symbol');
  if (symbol !== undefined) {
    venue.market(symbol);
    return (s) => s === symbol;
  }
  const pair = p.string('pair');
  if (pair !== undefined) {
    const symbols = new Set(
      [...venue.markets.values()].filter((m) => m.spec.pair === pair).map((m) => m.symbol),
    );
    if (symbols.size === 0) throw apiError(-4087, [], { market: 'coinm' });
    return (s) => symbols.has(s);
  }
  if (required) throw missingEither('symbol', 'pair');
  return () => true;
}

/** Whether a request names a `pair` rather than a `symbol` (heavier queries on COIN-M). */
export function byPair(params: Readonly<Record<string, string>>): boolean {
  const symbol = params['symbol'];
  return (symbol === undefined || symbol === '') && params['pair'] !== undefined && params['pair'] !== '';
}
