import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import type { FuturesDataPeriod } from './futuresData.js';

/** The contract types `basis` reports on. */
export type BasisContractType = 'PERPETUAL' | 'CURRENT_QUARTER' | 'NEXT_QUARTER';

/** Parameters of {@link getBasis}. */
export interface GetBasisParameters {
  /** Pair, e.g. BTCUSDT. */
  readonly pair: string;
  /** Contract of the pair. */
  readonly contractType: BasisContractType;
  /** Period of one row. */
  readonly period: FuturesDataPeriod;
  /** Rows; default 30, max 500. */
  readonly limit?: number;
  /** Window start, ms. */
  readonly startTime?: number;
  /** Window end, ms. */
  readonly endTime?: number;
}

/** One period of basis (core has no wire type for it yet; Binance's field names). */
export interface Basis {
  /** Pair. */
  pair: string;
  /** Contract type. */
  contractType: BasisContractType;
  /** Futures price. */
  futuresPrice: string;
  /** Index price. */
  indexPrice: string;
  /** `futuresPrice − indexPrice`. */
  basis: string;
  /** `basis / indexPrice`. */
  basisRate: string;
  /** Annualised basis rate; "" for perpetuals. */
  annualizedBasisRate: string;
  /** Period time, ms. */
  timestamp: number;
}

/** The basis per period, oldest first. */
export type GetBasisReturnType = Basis[];

/** What {@link getBasis} may reject with. */
export type GetBasisErrorType = RequestErrorType;

/** Binance's default `limit`; sent explicitly because the USD-M page marks `limit` mandatory. */
const DEFAULT_LIMIT = 30;

/**
 * Reads the basis (futures price less index price) per period: `GET /futures/data/basis` (USD-M). No
 * credentials; weight 0, drawing on the 1000 requests / 5 min / IP pool of `/futures/data`. Binance
 * keeps the last 30 days.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getBasis
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Basis
 *
 * @param client - A USD-M client.
 * @param parameters - `pair`, `contractType`, `period`, optional `limit` (default 30) and window.
 * @returns The periods, oldest first.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getBasis } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const rows = await getBasis(client, { pair: 'BTCUSDT', contractType: 'PERPETUAL', period: '1h' });
 */
export async function getBasis(client: Client, parameters: GetBasisParameters): Promise<GetBasisReturnType> {
  requireMarket(client, 'usdm', 'getBasis');
  return client.request<Basis[]>({
    method: 'GET',
    path: '/futures/data/basis',
    params: {
      pair: parameters.pair,
      contractType: parameters.contractType,
      period: parameters.period,
      limit: parameters.limit ?? DEFAULT_LIMIT,
      startTime: parameters.startTime,
      endTime: parameters.endTime,
    },
    security: 'NONE',
    weight: 0,
    pool: 'futuresData',
    kind: 'read',
  });
}
