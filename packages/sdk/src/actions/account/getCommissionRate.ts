import type { CommissionRate, GetCommissionRateParams } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getCommissionRate}: `symbol`, and `recvWindow`. */
export type GetCommissionRateParameters = GetCommissionRateParams & SignedParameters;

/** `makerCommissionRate`, `takerCommissionRate` and `rpiCommissionRate` of the symbol, decimal fractions ("0.0002" = 0.02%). */
export type GetCommissionRateReturnType = CommissionRate;

/** What {@link getCommissionRate} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetCommissionRateErrorType = RequestErrorType;

/**
 * Reads the account's commission rates on a symbol: `GET /fapi/v1/commissionRate` (USD-M, `USER_DATA`,
 * signed). Weight 20.
 *
 * Rates are fractions of the notional, as decimal strings.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCommissionRate
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/User-Commission-Rate
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, and `recvWindow` to override the client's.
 * @returns `makerCommissionRate`, `takerCommissionRate` and `rpiCommissionRate` of the symbol, decimal fractions ("0.0002" = 0.02%).
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getCommissionRate } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const { takerCommissionRate } = await getCommissionRate(client, { symbol: 'BTCUSDT' });
 */
export async function getCommissionRate(
  client: Client,
  parameters: GetCommissionRateParameters,
): Promise<GetCommissionRateReturnType> {
  requireMarket(client, 'usdm', 'getCommissionRate');
  return client.request<CommissionRate>({
    method: 'GET',
    path: '/fapi/v1/commissionRate',
    params: { symbol: parameters.symbol },
    security: 'USER_DATA',
    weight: 20,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
