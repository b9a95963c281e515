import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getFeeBurn}: only `recvWindow`. */
export type GetFeeBurnParameters = SignedParameters;

/** `{ feeBurn }`: true when fees are paid in BNB at a discount (core has no wire type for it yet). */
export interface FeeBurnResponse {
  /** Whether BNB fee burning is on. */
  feeBurn: boolean;
}

/** `{ feeBurn }`. */
export type GetFeeBurnReturnType = FeeBurnResponse;

/** What {@link getFeeBurn} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetFeeBurnErrorType = RequestErrorType;

/**
 * Reads whether BNB fee burning is on: `GET /fapi/v1/feeBurn` (USD-M, `USER_DATA`, signed). Weight 30.
 *
 * `getAccountV2` carries the same flag (weight 5).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getFeeBurn
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Get-BNB-Burn-Status
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `recvWindow` to override the client's.
 * @returns `{ feeBurn }`.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getFeeBurn } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const { feeBurn } = await getFeeBurn(client);
 */
export async function getFeeBurn(
  client: Client,
  parameters: GetFeeBurnParameters = {},
): Promise<GetFeeBurnReturnType> {
  requireMarket(client, 'usdm', 'getFeeBurn');
  return client.request<FeeBurnResponse>({
    method: 'GET',
    path: '/fapi/v1/feeBurn',
    security: 'USER_DATA',
    weight: 30,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
