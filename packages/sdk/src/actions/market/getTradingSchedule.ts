import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';

/** `getTradingSchedule` takes no parameters. */
export type GetTradingScheduleParameters = Record<string, never>;

/** One session of an underlying market (core has no wire type for it yet; Binance's field names). */
export interface TradingSession {
  /** Session start, ms. */
  startTime: number;
  /** Session end, ms. */
  endTime: number;
  /** Session kind, e.g. "PRE_MARKET", "REGULAR", "AFTER_MARKET", "OVERNIGHT", "NO_TRADING". */
  type: string;
}

/**
 * The trading hours of the markets that TradFi perpetuals (stocks, commodities) track, keyed by
 * market (e.g. `EQUITY`, `COMMODITY`).
 */
export interface TradingSchedule {
  /** Time of the schedule, ms. */
  updateTime: number;
  /** Sessions per market. */
  marketSchedules: Record<string, { sessions: TradingSession[] }>;
}

/** The schedule of the underlying markets. */
export type GetTradingScheduleReturnType = TradingSchedule;

/** What {@link getTradingSchedule} may reject with. */
export type GetTradingScheduleErrorType = RequestErrorType;

/**
 * Reads the trading sessions of the markets that `TRADIFI_PERPETUAL` symbols track:
 * `GET /fapi/v1/tradingSchedule` (USD-M). Weight 5, no credentials.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getTradingSchedule
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Trading-Schedule
 *
 * @param client - A USD-M client.
 * @param _parameters - None.
 * @returns The sessions per market.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getTradingSchedule } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const { marketSchedules } = await getTradingSchedule(client);
 * const equity = marketSchedules.EQUITY?.sessions ?? [];
 */
export async function getTradingSchedule(
  client: Client,
  _parameters?: GetTradingScheduleParameters,
): Promise<GetTradingScheduleReturnType> {
  requireMarket(client, 'usdm', 'getTradingSchedule');
  return client.request<TradingSchedule>({
    method: 'GET',
    path: '/fapi/v1/tradingSchedule',
    security: 'NONE',
    weight: 5,
    kind: 'read',
  });
}
