import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';

/** Parameters of {@link getIndexInfo}: `symbol` (a composite index symbol), or nothing for all. */
export interface GetIndexInfoParameters {
  /** Composite index symbol, e.g. DEFIUSDT. */
  readonly symbol?: string;
}

/** One composite index and its components (core has no wire type for it yet; Binance's field names). */
export interface IndexInfo {
  /** Composite index symbol. */
  symbol: string;
  /** Time of the answer, ms. */
  time: number;
  /** What the components are, e.g. "baseAsset". */
  component: string;
  /** The components and their weights. */
  baseAssetList: {
    baseAsset: string;
    quoteAsset: string;
    /** Weight in quantity. */
    weightInQuantity: string;
    /** Weight in percentage. */
    weightInPercentage: string;
  }[];
}

/** The composite indexes (an array, also with `symbol`). */
export type GetIndexInfoReturnType = IndexInfo[];

/** What {@link getIndexInfo} may reject with. */
export type GetIndexInfoErrorType = RequestErrorType;

/**
 * Reads the composite index symbols (DEFIUSDT-style) and their components: `GET /fapi/v1/indexInfo`
 * (USD-M). Weight 1, no credentials. Only composite index symbols appear.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getIndexInfo
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Composite-Index-Symbol-Information
 *
 * @param client - A USD-M client.
 * @param parameters - Optional `symbol`.
 * @returns The composite indexes.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getIndexInfo } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const [defi] = await getIndexInfo(client, { symbol: 'DEFIUSDT' });
 */
export async function getIndexInfo(
  client: Client,
  parameters: GetIndexInfoParameters = {},
): Promise<GetIndexInfoReturnType> {
  requireMarket(client, 'usdm', 'getIndexInfo');
  return client.request<IndexInfo[]>({
    method: 'GET',
    path: '/fapi/v1/indexInfo',
    params: { symbol: parameters.symbol },
    security: 'NONE',
    weight: 1,
    kind: 'read',
  });
}
