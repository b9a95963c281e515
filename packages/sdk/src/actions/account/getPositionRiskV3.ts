import type { GetPositionRiskParams, PositionRiskV3 } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getPositionRiskV3}: `symbol`, and `recvWindow`. */
export type GetPositionRiskV3Parameters = GetPositionRiskParams & SignedParameters;

/** A row per open position side (symbols with a position or open orders only), with margins and the ADL quantile. */
export type GetPositionRiskV3ReturnType = PositionRiskV3[];

/** What {@link getPositionRiskV3} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetPositionRiskV3ErrorType = RequestErrorType;

/**
 * Reads open positions: `GET /fapi/v3/positionRisk` (USD-M, `USER_DATA`, signed). Weight 5.
 *
 * `positionAmt` is signed (negative = short); `notional` is at the mark price.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getPositionRiskV3
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Position-Information-V3
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, and `recvWindow` to override the client's.
 * @returns A row per open position side (symbols with a position or open orders only), with margins and the ADL quantile.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getPositionRiskV3 } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const open = await getPositionRiskV3(client, { symbol: 'BTCUSDT' });
 */
export async function getPositionRiskV3(
  client: Client,
  parameters: GetPositionRiskV3Parameters = {},
): Promise<GetPositionRiskV3ReturnType> {
  requireMarket(client, 'usdm', 'getPositionRiskV3');
  return client.request<PositionRiskV3[]>({
    method: 'GET',
    path: '/fapi/v3/positionRisk',
    params: { symbol: parameters.symbol },
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
