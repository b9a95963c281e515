import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { type FuturesDataParameters, futuresDataQuery, type LongShortRatio } from './futuresData.js';

/** Parameters of {@link getGlobalLongShortAccountRatio}: `symbol`, `period`, `limit` (default 30, max 500), `startTime`, `endTime`. */
export type GetGlobalLongShortAccountRatioParameters = FuturesDataParameters;

/** `{ symbol, longShortRatio, longAccount, shortAccount, timestamp }` per period, oldest first. */
export type GetGlobalLongShortAccountRatioReturnType = LongShortRatio[];

/** What {@link getGlobalLongShortAccountRatio} may reject with. */
export type GetGlobalLongShortAccountRatioErrorType = RequestErrorType;

/**
 * Reads the long/short ratio of all accounts with a position: `GET /futures/data/globalLongShortAccountRatio` (USD-M). No credentials; weight 0, drawing on the
 * 1000 requests / 5 min / IP pool of `/futures/data`. Binance keeps the last 30 days.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getGlobalLongShortAccountRatio
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Long-Short-Ratio
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol`, `period`, optional `limit` and window.
 * @returns The periods, oldest first.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getGlobalLongShortAccountRatio } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const rows = await getGlobalLongShortAccountRatio(client, { symbol: 'BTCUSDT', period: '1h', limit: 24 });
 * const latest = rows.at(-1);
 */
export async function getGlobalLongShortAccountRatio(
  client: Client,
  parameters: GetGlobalLongShortAccountRatioParameters,
): Promise<GetGlobalLongShortAccountRatioReturnType> {
  requireMarket(client, 'usdm', 'getGlobalLongShortAccountRatio');
  return client.request<LongShortRatio[]>({
    method: 'GET',
    path: '/futures/data/globalLongShortAccountRatio',
    params: futuresDataQuery(parameters),
    security: 'NONE',
    weight: 0,
    pool: 'futuresData',
    kind: 'read',
  });
}
