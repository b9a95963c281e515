import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';

/** Parameters of {@link getIndexConstituents}: `symbol`. */
export interface GetIndexConstituentsParameters {
  /** Symbol, e.g. BTCUSDT. */
  readonly symbol: string;
}

/** The index price's sources (core has no wire type for it yet; Binance's field names). */
export interface IndexConstituents {
  /** Symbol. */
  symbol: string;
  /** Time of the answer, ms. */
  time: number;
  /** One row per source market. */
  constituents: {
    /** Source exchange, e.g. "binance", "coinbase". */
    exchange: string;
    /** The source's market name, e.g. "BTC-USDT". */
    symbol: string;
    /** The source's price ("-1" for the hidden constituents of TradFi perpetuals). */
    price: string;
    /** The source's weight in the index. */
    weight: string;
  }[];
}

/** `{ symbol, time, constituents }`. */
export type GetIndexConstituentsReturnType = IndexConstituents;

/** What {@link getIndexConstituents} may reject with. */
export type GetIndexConstituentsErrorType = RequestErrorType;

/**
 * Reads the sources of a symbol's index price and their weights: `GET /fapi/v1/constituents` (USD-M).
 * Weight 2, no credentials.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getIndexConstituents
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Index-Constituents
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol`.
 * @returns The constituents.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getIndexConstituents } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const { constituents } = await getIndexConstituents(client, { symbol: 'BTCUSDT' });
 */
export async function getIndexConstituents(
  client: Client,
  parameters: GetIndexConstituentsParameters,
): Promise<GetIndexConstituentsReturnType> {
  requireMarket(client, 'usdm', 'getIndexConstituents');
  return client.request<IndexConstituents>({
    method: 'GET',
    path: '/fapi/v1/constituents',
    params: { symbol: parameters.symbol },
    security: 'NONE',
    weight: 2,
    kind: 'read',
  });
}
