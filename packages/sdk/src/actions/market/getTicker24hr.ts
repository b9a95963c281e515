import type { GetTicker24hrParams, Ticker24hr } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import type { NoSymbol, OneOrAll } from './oneOrAll.js';
import { bySymbol } from './weights.js';

/** Parameters of {@link getTicker24hr}: `symbol`, or nothing for every symbol. */
export type GetTicker24hrParameters = GetTicker24hrParams;

/** One {@link Ticker24hr} with `symbol`, an array of every symbol's without it. */
export type GetTicker24hrReturnType<Parameters extends GetTicker24hrParameters = GetTicker24hrParameters> =
  OneOrAll<Parameters, Ticker24hr>;

/** What {@link getTicker24hr} may reject with. */
export type GetTicker24hrErrorType = RequestErrorType;

/**
 * Reads 24-hour statistics: `GET /fapi/v1/ticker/24hr` (USD-M). No credentials. Weight 1 with
 * `symbol`, 40 without.
 *
 * The window is rolling (the last 24 hours up to now), not the UTC day.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getTicker24hr
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/24hr-Ticker-Price-Change-Statistics
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol` for one, nothing for all.
 * @returns One object with `symbol`, an array without.
 * @throws ClientConfigError on a COIN-M client (use `getCoinmTicker24hr`).
 *
 * @example
 * import { createClient, getTicker24hr } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const { priceChangePercent } = await getTicker24hr(client, { symbol: 'BTCUSDT' });
 */
export async function getTicker24hr<Parameters extends GetTicker24hrParameters = NoSymbol>(
  client: Client,
  parameters?: Parameters,
): Promise<GetTicker24hrReturnType<Parameters>> {
  requireMarket(client, 'usdm', 'getTicker24hr');
  const symbol = parameters?.symbol;
  return client.request<GetTicker24hrReturnType<Parameters>>({
    method: 'GET',
    path: '/fapi/v1/ticker/24hr',
    params: { symbol },
    security: 'NONE',
    weight: bySymbol(symbol, 1, 40),
    kind: 'read',
  });
}
