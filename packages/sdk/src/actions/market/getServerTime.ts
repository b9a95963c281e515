import type { ServerTime } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';

/** `getServerTime` takes no parameters. */
export type GetServerTimeParameters = Record<string, never>;

/** `{ serverTime }`: the exchange's clock, ms epoch. */
export type GetServerTimeReturnType = ServerTime;

/** What {@link getServerTime} may reject with. */
export type GetServerTimeErrorType = RequestErrorType;

/**
 * Reads the exchange's clock: `GET /fapi/v1/time` (USD-M) or `GET /dapi/v1/time` (COIN-M). Weight 1,
 * no credentials.
 *
 * The client synchronises its own clock from this endpoint (see `client.time`); call it directly to
 * check connectivity or to read the raw server time.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getServerTime
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Check-Server-Time
 *
 * @param client - A client of any environment and market.
 * @param _parameters - None.
 * @returns The server time, `{ serverTime }` in ms since the epoch.
 *
 * @example
 * import { createClient, getServerTime } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const { serverTime } = await getServerTime(client);
 */
export async function getServerTime(
  client: Client,
  _parameters?: GetServerTimeParameters,
): Promise<GetServerTimeReturnType> {
  return client.request<ServerTime>({
    method: 'GET',
    path: `${client.apiPrefix}/v1/time`,
    security: 'NONE',
    weight: 1,
    kind: 'read',
  });
}
