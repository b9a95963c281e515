import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';

/**
 * One composite index of `GET /fapi/v1/indexInfo` (Binance's docs; core has no wire type for it yet).
 */
export interface IndexInfo {
  /** Composite index symbol, e.g. DEFIUSDT. */
  symbol: string;
  /** Time of the answer, ms. */
  time: number;
  /** What the components are, e.g. "baseAsset". */
  component: string;
  /** The components and their weights. */
  baseAssetList: {
    baseAsset: string;
    quoteAsset: string;
    /** Weight in quantity, 8 decimals. */
    weightInQuantity: string;
    /** Weight in percentage, 8 decimals. */
    weightInPercentage: string;
  }[];
}

/**
 * `GET /fapi/v1/indexInfo` — composite index symbols (DEFIUSDT-style) and their components. The local
 * exchange lists no composite index, so the answer is always `[]`; an unknown `symbol` is -1121, a
 * listed one that is not a composite index also answers `[]` [U].
 */
export const indexInfo = defineEndpoint<IndexInfo[]>({
  name: 'indexInfo',
  security: 'NONE',
  weight: 1,
  command: false,
  handle(venue, _context, raw) {
    const symbol = new ParamReader(raw).string('symbol');
    if (symbol !== undefined) venue.market(symbol);
    return [];
  },
});
