import type { PositionModeResponse } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getPositionMode}: only `recvWindow`. */
export type GetPositionModeParameters = SignedParameters;

/** `{ dualSidePosition }`: true in hedge mode, false in one-way mode. */
export type GetPositionModeReturnType = PositionModeResponse;

/** What {@link getPositionMode} may reject with. */
export type GetPositionModeErrorType = RequestErrorType;

/**
 * Reads the position mode: `GET /fapi/v1/positionSide/dual` (USD-M) or `GET /dapi/v1/positionSide/dual`
 * (COIN-M, same shape); `USER_DATA`, signed. Weight 30.
 *
 * `getAccountConfig` carries the same flag on USD-M (weight 5).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getPositionMode
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Get-Current-Position-Mode
 *
 * @param client - A client of either market, with credentials.
 * @param parameters - `recvWindow` to override the client's.
 * @returns `{ dualSidePosition }`.
 * @throws MissingCredentialsError without credentials.
 *
 * @example
 * import { createClient, getPositionMode } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const { dualSidePosition: hedge } = await getPositionMode(client);
 */
export async function getPositionMode(
  client: Client,
  parameters: GetPositionModeParameters = {},
): Promise<GetPositionModeReturnType> {
  return client.request<PositionModeResponse>({
    method: 'GET',
    path: `${client.apiPrefix}/v1/positionSide/dual`,
    security: 'USER_DATA',
    weight: 30,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
