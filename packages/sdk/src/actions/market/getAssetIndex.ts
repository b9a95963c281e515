import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import type { NoSymbol, OneOrAll } from './oneOrAll.js';
import { bySymbol } from './weights.js';

/** Parameters of {@link getAssetIndex}: `symbol` (an asset pair such as ADAUSD), or nothing for all. */
export interface GetAssetIndexParameters {
  /** Asset pair, e.g. ADAUSD. */
  readonly symbol?: string;
}

/**
 * One asset's index in multi-assets mode, with the haircut buffers and rates its balance is valued
 * at (core has no wire type for it yet; Binance's field names).
 */
export interface AssetIndex {
  /** Asset pair, e.g. ADAUSD. */
  symbol: string;
  /** Time, ms. */
  time: number;
  /** Index price. */
  index: string;
  /** Bid buffer. */
  bidBuffer: string;
  /** Ask buffer. */
  askBuffer: string;
  /** Bid rate: the index less the bid buffer. */
  bidRate: string;
  /** Ask rate: the index plus the ask buffer. */
  askRate: string;
  /** Auto-exchange bid buffer. */
  autoExchangeBidBuffer: string;
  /** Auto-exchange ask buffer. */
  autoExchangeAskBuffer: string;
  /** Auto-exchange bid rate. */
  autoExchangeBidRate: string;
  /** Auto-exchange ask rate. */
  autoExchangeAskRate: string;
}

/** One {@link AssetIndex} with `symbol`, an array of every asset's without it. */
export type GetAssetIndexReturnType<Parameters extends GetAssetIndexParameters = GetAssetIndexParameters> =
  OneOrAll<Parameters, AssetIndex>;

/** What {@link getAssetIndex} may reject with. */
export type GetAssetIndexErrorType = RequestErrorType;

/**
 * Reads the multi-assets-mode asset indexes: `GET /fapi/v1/assetIndex` (USD-M). No credentials.
 * Weight 1 with `symbol`, 10 without.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getAssetIndex
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Multi-Assets-Mode-Asset-Index
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol` for one, nothing for all.
 * @returns One object with `symbol`, an array without.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getAssetIndex } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const { bidRate } = await getAssetIndex(client, { symbol: 'BTCUSD' });
 */
export async function getAssetIndex<Parameters extends GetAssetIndexParameters = NoSymbol>(
  client: Client,
  parameters?: Parameters,
): Promise<GetAssetIndexReturnType<Parameters>> {
  requireMarket(client, 'usdm', 'getAssetIndex');
  const symbol = parameters?.symbol;
  return client.request<GetAssetIndexReturnType<Parameters>>({
    method: 'GET',
    path: '/fapi/v1/assetIndex',
    params: { symbol },
    security: 'NONE',
    weight: bySymbol(symbol, 1, 10),
    kind: 'read',
  });
}
