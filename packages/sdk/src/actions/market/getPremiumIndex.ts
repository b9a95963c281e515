import type { GetPremiumIndexParams, PremiumIndex } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import type { NoSymbol, OneOrAll } from './oneOrAll.js';
import { bySymbol } from './weights.js';

/** Parameters of {@link getPremiumIndex}: `symbol`, or nothing for every symbol. */
export type GetPremiumIndexParameters = GetPremiumIndexParams;

/**
 * Mark price, index price and funding state: one {@link PremiumIndex} when `symbol` is sent, an array
 * of every symbol's without it (the union when the parameter type cannot tell).
 */
export type GetPremiumIndexReturnType<
  Parameters extends GetPremiumIndexParameters = GetPremiumIndexParameters,
> = OneOrAll<Parameters, PremiumIndex>;

/** What {@link getPremiumIndex} may reject with. */
export type GetPremiumIndexErrorType = RequestErrorType;

/**
 * Reads the mark price and funding state: `GET /fapi/v1/premiumIndex` (USD-M). No credentials.
 * Weight 1 with `symbol`, 10 without.
 *
 * `lastFundingRate` is the running estimate of the next funding; `nextFundingTime` is when it settles.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getPremiumIndex
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Mark-Price
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol` for one, nothing for all.
 * @returns One object with `symbol`, an array without.
 * @throws ClientConfigError on a COIN-M client (use `getCoinmPremiumIndex`, always an array).
 *
 * @example
 * import { createClient, getPremiumIndex } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const btc = await getPremiumIndex(client, { symbol: 'BTCUSDT' }); // PremiumIndex
 * const all = await getPremiumIndex(client); // PremiumIndex[]
 */
export async function getPremiumIndex<Parameters extends GetPremiumIndexParameters = NoSymbol>(
  client: Client,
  parameters?: Parameters,
): Promise<GetPremiumIndexReturnType<Parameters>> {
  requireMarket(client, 'usdm', 'getPremiumIndex');
  const symbol = parameters?.symbol;
  return client.request<GetPremiumIndexReturnType<Parameters>>({
    method: 'GET',
    path: '/fapi/v1/premiumIndex',
    params: { symbol },
    security: 'NONE',
    weight: bySymbol(symbol, 1, 10),
    kind: 'read',
  });
}
