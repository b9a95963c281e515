import type { FundingInfo } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';

/** `getFundingInfo` takes no parameters. */
export type GetFundingInfoParameters = Record<string, never>;

/** The symbols whose funding cap, floor or interval differ from the defaults, with their settings. */
export type GetFundingInfoReturnType = FundingInfo[];

/** What {@link getFundingInfo} may reject with. */
export type GetFundingInfoErrorType = RequestErrorType;

/**
 * Reads the non-default funding settings: `GET /fapi/v1/fundingInfo` (USD-M) or
 * `GET /dapi/v1/fundingInfo` (COIN-M, same shape). No credentials; weight 0, drawing on the
 * 500 / 5 min / IP funding pool shared with the funding-rate history.
 *
 * A symbol missing from the answer has Binance's defaults (±0.02 cap and floor every 8 hours).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getFundingInfo
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Get-Funding-Rate-Info
 *
 * @param client - A client of either market.
 * @param _parameters - None.
 * @returns One row per symbol with adjusted settings.
 *
 * @example
 * import { createClient, getFundingInfo } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const hourly = (await getFundingInfo(client)).filter((row) => row.fundingIntervalHours === 1);
 */
export async function getFundingInfo(
  client: Client,
  _parameters?: GetFundingInfoParameters,
): Promise<GetFundingInfoReturnType> {
  return client.request<FundingInfo[]>({
    method: 'GET',
    path: `${client.apiPrefix}/v1/fundingInfo`,
    security: 'NONE',
    weight: 0,
    pool: 'funding',
    kind: 'read',
  });
}
