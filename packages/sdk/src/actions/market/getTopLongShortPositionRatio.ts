import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { type FuturesDataParameters, futuresDataQuery, type LongShortRatio } from './futuresData.js';

/** Parameters of {@link getTopLongShortPositionRatio}: `symbol`, `period`, `limit` (default 30, max 500), `startTime`, `endTime`. */
export type GetTopLongShortPositionRatioParameters = FuturesDataParameters;

/** `{ symbol, longShortRatio, longAccount, shortAccount, timestamp }` per period, oldest first. */
export type GetTopLongShortPositionRatioReturnType = LongShortRatio[];

/** What {@link getTopLongShortPositionRatio} may reject with. */
export type GetTopLongShortPositionRatioErrorType = RequestErrorType;

/**
 * Reads the long/short ratio of the top traders' positions (the 20% of users with the highest margin balance; by position size): `GET /futures/data/topLongShortPositionRatio` (USD-M). No credentials; weight 0, drawing on the
 * 1000 requests / 5 min / IP pool of `/futures/data`. Binance keeps the last 30 days.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getTopLongShortPositionRatio
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Top-Trader-Long-Short-Ratio
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol`, `period`, optional `limit` and window.
 * @returns The periods, oldest first.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getTopLongShortPositionRatio } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const rows = await getTopLongShortPositionRatio(client, { symbol: 'BTCUSDT', period: '1h', limit: 24 });
 * const latest = rows.at(-1);
 */
export async function getTopLongShortPositionRatio(
  client: Client,
  parameters: GetTopLongShortPositionRatioParameters,
): Promise<GetTopLongShortPositionRatioReturnType> {
  requireMarket(client, 'usdm', 'getTopLongShortPositionRatio');
  return client.request<LongShortRatio[]>({
    method: 'GET',
    path: '/futures/data/topLongShortPositionRatio',
    params: futuresDataQuery(parameters),
    security: 'NONE',
    weight: 0,
    pool: 'futuresData',
    kind: 'read',
  });
}
