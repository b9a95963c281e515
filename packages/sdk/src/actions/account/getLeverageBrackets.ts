import type { GetLeverageBracketParams, LeverageBracket } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { NoSymbol, OneOrAll } from '../market/oneOrAll.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getLeverageBrackets}: `symbol` (all symbols when omitted), and `recvWindow`. */
export type GetLeverageBracketsParameters = GetLeverageBracketParams & SignedParameters;

/**
 * The notional brackets (tiers of maximum leverage and maintenance margin; numbers, not strings): one
 * {@link LeverageBracket} when `symbol` is sent, as Binance and the local exchange answer, an array of
 * every symbol's without it.
 */
export type GetLeverageBracketsReturnType<
  Parameters extends GetLeverageBracketsParameters = GetLeverageBracketsParameters,
> = OneOrAll<Parameters, LeverageBracket>;

/** What {@link getLeverageBrackets} may reject with. */
export type GetLeverageBracketsErrorType = RequestErrorType;

/**
 * Reads the notional and leverage brackets: `GET /fapi/v1/leverageBracket` (USD-M, `USER_DATA`,
 * signed). Weight 1.
 *
 * Maintenance margin = notional × `maintMarginRatio` − `cum` of the bracket the notional falls in;
 * `notionalCoef` appears only when the account's brackets were scaled.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getLeverageBrackets
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Notional-and-Leverage-Brackets
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol` for one, nothing for all; `recvWindow`.
 * @returns One object with `symbol`, an array without.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getLeverageBrackets } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const { brackets } = await getLeverageBrackets(client, { symbol: 'BTCUSDT' });
 * const maxLeverage = brackets[0]?.initialLeverage;
 */
export async function getLeverageBrackets<Parameters extends GetLeverageBracketsParameters = NoSymbol>(
  client: Client,
  parameters?: Parameters,
): Promise<GetLeverageBracketsReturnType<Parameters>> {
  requireMarket(client, 'usdm', 'getLeverageBrackets');
  return client.request<GetLeverageBracketsReturnType<Parameters>>({
    method: 'GET',
    path: '/fapi/v1/leverageBracket',
    params: { symbol: parameters?.symbol },
    security: 'USER_DATA',
    weight: 1,
    kind: 'read',
    ...recvWindowOf(parameters ?? {}),
  });
}
