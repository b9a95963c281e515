import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { type FuturesDataParameters, futuresDataQuery } from './futuresData.js';

/** Parameters of {@link getTakerLongShortRatio}: `symbol`, `period`, `limit`, `startTime`, `endTime`. */
export type GetTakerLongShortRatioParameters = FuturesDataParameters;

/** One period of taker volume (core has no wire type for it yet; Binance's field names). */
export interface TakerLongShortRatio {
  /** `buyVol / sellVol`. */
  buySellRatio: string;
  /** Base volume bought by takers in the period. */
  buyVol: string;
  /** Base volume sold by takers in the period. */
  sellVol: string;
  /** Period time, ms. */
  timestamp: number;
}

/** Taker buy/sell volume per completed period, oldest first. */
export type GetTakerLongShortRatioReturnType = TakerLongShortRatio[];

/** What {@link getTakerLongShortRatio} may reject with (`InvalidRequestError` for a bad period, -1130). */
export type GetTakerLongShortRatioErrorType = RequestErrorType;

/**
 * Reads taker buy and sell volume per period: `GET /futures/data/takerlongshortRatio` (USD-M). No
 * credentials; weight 0, drawing on the 1000 requests / 5 min / IP pool of `/futures/data`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getTakerLongShortRatio
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Taker-BuySell-Volume
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol`, `period`, optional `limit` and window.
 * @returns The periods, oldest first.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getTakerLongShortRatio } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const rows = await getTakerLongShortRatio(client, { symbol: 'BTCUSDT', period: '5m', limit: 12 });
 */
export async function getTakerLongShortRatio(
  client: Client,
  parameters: GetTakerLongShortRatioParameters,
): Promise<GetTakerLongShortRatioReturnType> {
  requireMarket(client, 'usdm', 'getTakerLongShortRatio');
  return client.request<TakerLongShortRatio[]>({
    method: 'GET',
    path: '/futures/data/takerlongshortRatio',
    params: futuresDataQuery(parameters),
    security: 'NONE',
    weight: 0,
    pool: 'futuresData',
    kind: 'read',
  });
}
