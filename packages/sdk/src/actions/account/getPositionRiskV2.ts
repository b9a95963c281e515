import type { GetPositionRiskParams, PositionRiskV2 } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getPositionRiskV2}: `symbol`, and `recvWindow`. */
export type GetPositionRiskV2Parameters = GetPositionRiskParams & SignedParameters;

/** A row per symbol and side (every symbol; `leverage`, `maxNotionalValue`, `isAutoAddMargin` are strings here; `marginType` lower-case). */
export type GetPositionRiskV2ReturnType = PositionRiskV2[];

/** What {@link getPositionRiskV2} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetPositionRiskV2ErrorType = RequestErrorType;

/**
 * Reads positions with leverage and margin settings, v2: `GET /fapi/v2/positionRisk` (USD-M,
 * `USER_DATA`, signed). Weight 5.
 *
 * Every symbol has rows (BOTH in one-way mode, LONG and SHORT in hedge mode), flat ones included;
 * `getPositionRiskV3` lists only symbols with a position or open orders.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getPositionRiskV2
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Position-Information-V2
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, and `recvWindow` to override the client's.
 * @returns A row per symbol and side (every symbol; `leverage`, `maxNotionalValue`, `isAutoAddMargin` are strings here; `marginType` lower-case).
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getPositionRiskV2 } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const [btc] = await getPositionRiskV2(client, { symbol: 'BTCUSDT' });
 */
export async function getPositionRiskV2(
  client: Client,
  parameters: GetPositionRiskV2Parameters = {},
): Promise<GetPositionRiskV2ReturnType> {
  requireMarket(client, 'usdm', 'getPositionRiskV2');
  return client.request<PositionRiskV2[]>({
    method: 'GET',
    path: '/fapi/v2/positionRisk',
    params: { symbol: parameters.symbol },
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
