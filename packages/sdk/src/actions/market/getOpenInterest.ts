import type { GetOpenInterestParams, OpenInterest } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';

/** Parameters of {@link getOpenInterest}: `symbol`. */
export type GetOpenInterestParameters = GetOpenInterestParams;

/** `{ openInterest, symbol, time }`: open interest in the base asset. */
export type GetOpenInterestReturnType = OpenInterest;

/** What {@link getOpenInterest} may reject with. */
export type GetOpenInterestErrorType = RequestErrorType;

/**
 * Reads the present open interest: `GET /fapi/v1/openInterest` (USD-M). Weight 1, no credentials.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getOpenInterest
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Open-Interest
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol`.
 * @returns The open interest.
 * @throws ClientConfigError on a COIN-M client (use `getCoinmOpenInterest`).
 *
 * @example
 * import { createClient, getOpenInterest } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const { openInterest } = await getOpenInterest(client, { symbol: 'BTCUSDT' });
 */
export async function getOpenInterest(
  client: Client,
  parameters: GetOpenInterestParameters,
): Promise<GetOpenInterestReturnType> {
  requireMarket(client, 'usdm', 'getOpenInterest');
  return client.request<OpenInterest>({
    method: 'GET',
    path: '/fapi/v1/openInterest',
    params: { symbol: parameters.symbol },
    security: 'NONE',
    weight: 1,
    kind: 'read',
  });
}
