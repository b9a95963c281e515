import type { MultiAssetsModeResponse } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getMultiAssetsMode}: only `recvWindow`. */
export type GetMultiAssetsModeParameters = SignedParameters;

/** `{ multiAssetsMargin }`: true in multi-assets mode. */
export type GetMultiAssetsModeReturnType = MultiAssetsModeResponse;

/** What {@link getMultiAssetsMode} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetMultiAssetsModeErrorType = RequestErrorType;

/**
 * Reads whether multi-assets mode is on: `GET /fapi/v1/multiAssetsMargin` (USD-M, `USER_DATA`, signed).
 * Weight 30.
 *
 * `getAccountConfig` carries the same flag (weight 5).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getMultiAssetsMode
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Get-Current-Multi-Assets-Mode
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `recvWindow` to override the client's.
 * @returns `{ multiAssetsMargin }`.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getMultiAssetsMode } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const { multiAssetsMargin } = await getMultiAssetsMode(client);
 */
export async function getMultiAssetsMode(
  client: Client,
  parameters: GetMultiAssetsModeParameters = {},
): Promise<GetMultiAssetsModeReturnType> {
  requireMarket(client, 'usdm', 'getMultiAssetsMode');
  return client.request<MultiAssetsModeResponse>({
    method: 'GET',
    path: '/fapi/v1/multiAssetsMargin',
    security: 'USER_DATA',
    weight: 30,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
