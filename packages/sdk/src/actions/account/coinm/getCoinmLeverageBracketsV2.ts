import type { CoinmGetLeverageBracketV2Params, CoinmLeverageBracketV2 } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { recvWindowOf, type SignedParameters } from '../signed.js';

/** Parameters of {@link getCoinmLeverageBracketsV2}: `symbol` (every symbol when omitted), and `recvWindow`. */
export type GetCoinmLeverageBracketsV2Parameters = CoinmGetLeverageBracketV2Params & SignedParameters;

/**
 * Brackets per symbol, in base-asset quantity, with `notionalCoef` when scaled; always an array.
 */
export type GetCoinmLeverageBracketsV2ReturnType = CoinmLeverageBracketV2[];

/** What {@link getCoinmLeverageBracketsV2} may reject with. */
export type GetCoinmLeverageBracketsV2ErrorType = RequestErrorType;

/**
 * Reads the COIN-M brackets per symbol: `GET /dapi/v2/leverageBracket` (`USER_DATA`, signed). Weight 1.
 *
 * Maintenance margin = quantity × `maintMarginRatio` − `cum` of the matching bracket.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmLeverageBracketsV2
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/account/rest-api/Notional-Bracket-for-Symbol
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol` (every symbol when omitted), and `recvWindow`.
 * @returns Brackets per symbol, in base-asset quantity, with `notionalCoef` when scaled; always an array.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmLeverageBracketsV2 } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const [perp] = await getCoinmLeverageBracketsV2(client, { symbol: 'BTCUSD_PERP' });
 */
export async function getCoinmLeverageBracketsV2(
  client: Client,
  parameters: GetCoinmLeverageBracketsV2Parameters = {},
): Promise<GetCoinmLeverageBracketsV2ReturnType> {
  requireMarket(client, 'coinm', 'getCoinmLeverageBracketsV2');
  return client.request<CoinmLeverageBracketV2[]>({
    method: 'GET',
    path: '/dapi/v2/leverageBracket',
    params: { symbol: parameters.symbol },
    security: 'USER_DATA',
    weight: 1,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
