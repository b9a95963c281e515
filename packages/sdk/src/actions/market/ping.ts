import type { EmptyResponse } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';

/** `ping` takes no parameters. */
export type PingParameters = Record<string, never>;

/** `{}`. */
export type PingReturnType = EmptyResponse;

/** What {@link ping} may reject with. */
export type PingErrorType = RequestErrorType;

/**
 * Tests connectivity: `GET /fapi/v1/ping` (USD-M) or `GET /dapi/v1/ping` (COIN-M). Weight 1, no
 * credentials.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/ping
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Test-Connectivity
 *
 * @param client - A client of any environment and market.
 * @param _parameters - None.
 * @returns `{}`.
 *
 * @example
 * import { createClient, ping } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * await ping(client); // {}
 */
export async function ping(client: Client, _parameters?: PingParameters): Promise<PingReturnType> {
  return client.request<EmptyResponse>({
    method: 'GET',
    path: `${client.apiPrefix}/v1/ping`,
    security: 'NONE',
    weight: 1,
    kind: 'read',
  });
}
