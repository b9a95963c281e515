import type { CoinmGetPositionRiskParams, CoinmPositionRisk } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { recvWindowOf, type SignedParameters } from '../signed.js';

/** Parameters of {@link getCoinmPositionRisk}: `marginAsset` or `pair` filters (every TRADING symbol without), and `recvWindow`. */
export type GetCoinmPositionRiskParameters = CoinmGetPositionRiskParams & SignedParameters;

/**
 * A row per symbol and side, with `maxQty` (contracts) instead of `maxNotionalValue`.
 */
export type GetCoinmPositionRiskReturnType = CoinmPositionRisk[];

/** What {@link getCoinmPositionRisk} may reject with. */
export type GetCoinmPositionRiskErrorType = RequestErrorType;

/**
 * Reads COIN-M positions: `GET /dapi/v1/positionRisk` (`USER_DATA`, signed). Weight 1.
 *
 * `positionAmt` counts contracts (negative = short); `unRealizedProfit` is in the coin.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmPositionRisk
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Position-Information
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `marginAsset` or `pair` filters (every TRADING symbol without), and `recvWindow`.
 * @returns A row per symbol and side, with `maxQty` (contracts) instead of `maxNotionalValue`.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmPositionRisk } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const rows = await getCoinmPositionRisk(client, { pair: 'BTCUSD' });
 */
export async function getCoinmPositionRisk(
  client: Client,
  parameters: GetCoinmPositionRiskParameters = {},
): Promise<GetCoinmPositionRiskReturnType> {
  requireMarket(client, 'coinm', 'getCoinmPositionRisk');
  return client.request<CoinmPositionRisk[]>({
    method: 'GET',
    path: '/dapi/v1/positionRisk',
    params: { marginAsset: parameters.marginAsset, pair: parameters.pair },
    security: 'USER_DATA',
    weight: 1,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
