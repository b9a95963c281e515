import type { AdlQuantileEntry, GetAdlQuantileParams } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getAdlQuantile}: `symbol`, and `recvWindow`. */
export type GetAdlQuantileParameters = GetAdlQuantileParams & SignedParameters;

/** Per symbol with a position: the ADL quantile (0 lowest … 4 highest priority) per position side. */
export type GetAdlQuantileReturnType = AdlQuantileEntry[];

/** What {@link getAdlQuantile} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetAdlQuantileErrorType = RequestErrorType;

/**
 * Reads the auto-deleveraging quantiles of the positions: `GET /fapi/v1/adlQuantile` (USD-M,
 * `USER_DATA`, signed). Weight 5.
 *
 * In hedge mode with cross margin, `HEDGE` is only a marker (0); read `LONG` and `SHORT`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getAdlQuantile
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Position-ADL-Quantile-Estimation
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, and `recvWindow` to override the client's.
 * @returns Per symbol with a position.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getAdlQuantile } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const [btc] = await getAdlQuantile(client, { symbol: 'BTCUSDT' });
 */
export async function getAdlQuantile(
  client: Client,
  parameters: GetAdlQuantileParameters = {},
): Promise<GetAdlQuantileReturnType> {
  requireMarket(client, 'usdm', 'getAdlQuantile');
  return client.request<AdlQuantileEntry[]>({
    method: 'GET',
    path: '/fapi/v1/adlQuantile',
    params: { symbol: parameters.symbol },
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
