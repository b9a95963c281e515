import type { GetIncomeParams, Income } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Where each market serves the income history, and what a read costs there. */
export interface IncomeHistoryEndpoint {
  readonly path: '/fapi/v1/income' | '/dapi/v1/income';
  readonly weight: number;
}

/**
 * Sends the signed income-history read. USD-M and COIN-M take the same parameters and answer with
 * the same rows; only the path and the weight differ, so both actions send their request through here.
 */
export function requestIncomeHistory(
  client: Client,
  parameters: GetIncomeParams & SignedParameters,
  { path, weight }: IncomeHistoryEndpoint,
): Promise<Income[]> {
  return client.request<Income[]>({
    method: 'GET',
    path,
    params: {
      symbol: parameters.symbol,
      incomeType: parameters.incomeType,
      startTime: parameters.startTime,
      endTime: parameters.endTime,
      page: parameters.page,
      limit: parameters.limit,
    },
    security: 'USER_DATA',
    weight,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
