import type { GetSymbolAdlRiskParams, SymbolAdlRisk } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import type { NoSymbol, OneOrAll } from './oneOrAll.js';

/** Parameters of {@link getSymbolAdlRisk}: `symbol`, or nothing for every symbol. */
export type GetSymbolAdlRiskParameters = GetSymbolAdlRiskParams;

/** One `{ symbol, adlRisk, updateTime }` with `symbol`, an array of every symbol's without it. */
export type GetSymbolAdlRiskReturnType<
  Parameters extends GetSymbolAdlRiskParameters = GetSymbolAdlRiskParameters,
> = OneOrAll<Parameters, SymbolAdlRisk>;

/** What {@link getSymbolAdlRisk} may reject with. */
export type GetSymbolAdlRiskErrorType = RequestErrorType;

/**
 * Reads the symbols' auto-deleveraging risk rating (`low`, `medium`, `high`):
 * `GET /fapi/v1/symbolAdlRisk` (USD-M). Weight 1, no credentials.
 *
 * The one-object-with-`symbol` shape follows the local exchange; the reference gives only the row's
 * fields [U].
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getSymbolAdlRisk
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/ADL-Risk
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol` for one, nothing for all.
 * @returns One object with `symbol`, an array without.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getSymbolAdlRisk } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const { adlRisk } = await getSymbolAdlRisk(client, { symbol: 'BTCUSDT' });
 */
export async function getSymbolAdlRisk<Parameters extends GetSymbolAdlRiskParameters = NoSymbol>(
  client: Client,
  parameters?: Parameters,
): Promise<GetSymbolAdlRiskReturnType<Parameters>> {
  requireMarket(client, 'usdm', 'getSymbolAdlRisk');
  return client.request<GetSymbolAdlRiskReturnType<Parameters>>({
    method: 'GET',
    path: '/fapi/v1/symbolAdlRisk',
    params: { symbol: parameters?.symbol },
    security: 'NONE',
    weight: 1,
    kind: 'read',
  });
}
