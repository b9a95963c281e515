import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { type FuturesDataParameters, futuresDataQuery } from './futuresData.js';

/** Parameters of {@link getOpenInterestHistory}: `symbol`, `period`, `limit`, `startTime`, `endTime`. */
export type GetOpenInterestHistoryParameters = FuturesDataParameters;

/** One period of open interest (core has no wire type for it yet; Binance's field names). */
export interface OpenInterestHist {
  /** Symbol. */
  symbol: string;
  /** Open interest in the base asset. */
  sumOpenInterest: string;
  /** Open interest in the quote asset. */
  sumOpenInterestValue: string;
  /** CoinMarketCap circulating supply of the base asset. */
  CMCCirculatingSupply: string;
  /** Period time, ms. */
  timestamp: number;
}

/** Open interest per period, oldest first. */
export type GetOpenInterestHistoryReturnType = OpenInterestHist[];

/** What {@link getOpenInterestHistory} may reject with. */
export type GetOpenInterestHistoryErrorType = RequestErrorType;

/**
 * Reads the open-interest history: `GET /futures/data/openInterestHist` (USD-M). No credentials;
 * weight 0, drawing on the 1000 requests / 5 min / IP pool of `/futures/data`. Binance keeps the last
 * 30 days.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getOpenInterestHistory
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Open-Interest-Statistics
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol`, `period`, optional `limit` and window.
 * @returns The periods, oldest first.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getOpenInterestHistory } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const rows = await getOpenInterestHistory(client, { symbol: 'BTCUSDT', period: '1h', limit: 24 });
 */
export async function getOpenInterestHistory(
  client: Client,
  parameters: GetOpenInterestHistoryParameters,
): Promise<GetOpenInterestHistoryReturnType> {
  requireMarket(client, 'usdm', 'getOpenInterestHistory');
  return client.request<OpenInterestHist[]>({
    method: 'GET',
    path: '/futures/data/openInterestHist',
    params: futuresDataQuery(parameters),
    security: 'NONE',
    weight: 0,
    pool: 'futuresData',
    kind: 'read',
  });
}
