import type { CoinmGetLeverageBracketV1Params, CoinmLeverageBracketV1 } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { recvWindowOf, type SignedParameters } from '../signed.js';

/** Parameters of {@link getCoinmLeverageBracketsV1}: `pair` (every pair when omitted), and `recvWindow`. */
export type GetCoinmLeverageBracketsV1Parameters = CoinmGetLeverageBracketV1Params & SignedParameters;

/**
 * Brackets per pair, in base-asset quantity (`qtyCap`, `qtylFloor` sic); always an array.
 */
export type GetCoinmLeverageBracketsV1ReturnType = CoinmLeverageBracketV1[];

/** What {@link getCoinmLeverageBracketsV1} may reject with. */
export type GetCoinmLeverageBracketsV1ErrorType = RequestErrorType;

/**
 * Reads the COIN-M brackets per pair: `GET /dapi/v1/leverageBracket` (`USER_DATA`, signed). Weight 1.
 *
 * Binance recommends the per-symbol v2 ({@link getCoinmLeverageBracketsV2}).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getCoinmLeverageBracketsV1
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/account/rest-api/Notional-Bracket-for-Pair
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `pair` (every pair when omitted), and `recvWindow`.
 * @returns Brackets per pair, in base-asset quantity (`qtyCap`, `qtylFloor` sic); always an array.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmLeverageBracketsV1 } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const [btc] = await getCoinmLeverageBracketsV1(client, { pair: 'BTCUSD' });
 */
export async function getCoinmLeverageBracketsV1(
  client: Client,
  parameters: GetCoinmLeverageBracketsV1Parameters = {},
): Promise<GetCoinmLeverageBracketsV1ReturnType> {
  requireMarket(client, 'coinm', 'getCoinmLeverageBracketsV1');
  return client.request<CoinmLeverageBracketV1[]>({
    method: 'GET',
    path: '/dapi/v1/leverageBracket',
    params: { pair: parameters.pair },
    security: 'USER_DATA',
    weight: 1,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
