import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import type { NoSymbol, OneOrAll } from './oneOrAll.js';

/** Parameters of {@link getInsuranceBalance}: `symbol`, or nothing for every fund. */
export interface GetInsuranceBalanceParameters {
  /** Symbol whose insurance fund to report. */
  readonly symbol?: string;
}

/**
 * One insurance fund: the symbols it covers and its balance per margin asset (core has no wire type
 * for it yet; Binance's field names).
 */
export interface InsuranceBalance {
  /** The symbols sharing this fund. */
  symbols: string[];
  /** The fund's balance per asset. */
  assets: {
    /** Margin asset. */
    asset: string;
    /** Balance. */
    marginBalance: string;
    /** Snapshot time, ms. */
    updateTime: number;
  }[];
}

/** The fund of `symbol`, or an array of every fund without it. */
export type GetInsuranceBalanceReturnType<
  Parameters extends GetInsuranceBalanceParameters = GetInsuranceBalanceParameters,
> = OneOrAll<Parameters, InsuranceBalance>;

/** What {@link getInsuranceBalance} may reject with. */
export type GetInsuranceBalanceErrorType = RequestErrorType;

/**
 * Reads insurance fund balance snapshots: `GET /fapi/v1/insuranceBalance` (USD-M). Weight 1, no
 * credentials. The balances are periodic snapshots, not live values.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getInsuranceBalance
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Insurance-Fund-Balance
 *
 * @param client - A USD-M client.
 * @param parameters - `symbol` for its fund, nothing for all.
 * @returns One fund with `symbol`, an array without.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getInsuranceBalance } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const { assets } = await getInsuranceBalance(client, { symbol: 'BTCUSDT' });
 */
export async function getInsuranceBalance<Parameters extends GetInsuranceBalanceParameters = NoSymbol>(
  client: Client,
  parameters?: Parameters,
): Promise<GetInsuranceBalanceReturnType<Parameters>> {
  requireMarket(client, 'usdm', 'getInsuranceBalance');
  return client.request<GetInsuranceBalanceReturnType<Parameters>>({
    method: 'GET',
    path: '/fapi/v1/insuranceBalance',
    params: { symbol: parameters?.symbol },
    security: 'NONE',
    weight: 1,
    kind: 'read',
  });
}
