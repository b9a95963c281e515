import type { AdlQuantileEntry, GetAdlQuantileParams } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getAdlQuantile}: `symbol`, and `recvWindow`. */
export type GetAdlQuantileParameters = GetAdlQuantileParams & SignedParameters;

/** Per symbol with a position: the ADL quantile (0 lowest … 4 highest priority) per position side. */
export type GetAdlQuantileReturnType = AdlQuantileEntry[];

/** What {@link getAdlQuantile} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetAdlQuantileErrorType = RequestErrorType;

/**
 * Reads the auto-deleveraging quantiles of the positions: `GET /fapi/v1/adlQuantile` (USD-M) or
 * `GET /dapi/v1/adlQuantile` (COIN-M), by the client's market (`USER_DATA`, signed). Weight 5. Both
 * markets answer the same shape.
 *
 * In hedge mode with cross margin, `HEDGE` is only a marker (0); read `LONG` and `SHORT`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getAdlQuantile
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Position-ADL-Quantile-Estimation
 *   and https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Position-ADL-Quantile-Estimation
 *
 * @param client - A USD-M or COIN-M client with credentials.
 * @param parameters - `symbol`, and `recvWindow` to override the client's.
 * @returns Per symbol with a position.
 * @throws MissingCredentialsError without credentials.
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
  return client.request<AdlQuantileEntry[]>({
    method: 'GET',
    path: `${client.apiPrefix}/v1/adlQuantile`,
    params: { symbol: parameters.symbol },
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
