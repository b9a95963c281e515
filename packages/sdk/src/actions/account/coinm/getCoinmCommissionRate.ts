import type { CoinmCommissionRate, GetCommissionRateParams } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { recvWindowOf, type SignedParameters } from '../signed.js';

/** Parameters of {@link getCoinmCommissionRate}: `symbol`, and `recvWindow`. */
export type GetCoinmCommissionRateParameters = GetCommissionRateParams & SignedParameters;

/**
 * `makerCommissionRate` and `takerCommissionRate` of the symbol (no RPI rate on COIN-M).
 */
export type GetCoinmCommissionRateReturnType = CoinmCommissionRate;

/** What {@link getCoinmCommissionRate} may reject with. */
export type GetCoinmCommissionRateErrorType = RequestErrorType;

/**
 * Reads the COIN-M commission rates on a symbol: `GET /dapi/v1/commissionRate` (`USER_DATA`, signed).
 * Weight 20.
 *
 * Rates are fractions of the notional, as decimal strings.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmCommissionRate
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/account/rest-api/User-Commission-Rate
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol`, and `recvWindow`.
 * @returns `makerCommissionRate` and `takerCommissionRate` of the symbol (no RPI rate on COIN-M).
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmCommissionRate } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const { takerCommissionRate } = await getCoinmCommissionRate(client, { symbol: 'BTCUSD_PERP' });
 */
export async function getCoinmCommissionRate(
  client: Client,
  parameters: GetCoinmCommissionRateParameters,
): Promise<GetCoinmCommissionRateReturnType> {
  requireMarket(client, 'coinm', 'getCoinmCommissionRate');
  return client.request<CoinmCommissionRate>({
    method: 'GET',
    path: '/dapi/v1/commissionRate',
    params: { symbol: parameters.symbol },
    security: 'USER_DATA',
    weight: 20,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
