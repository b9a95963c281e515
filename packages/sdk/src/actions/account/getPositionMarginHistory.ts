import type { GetPositionMarginHistoryParams, PositionMarginHistoryEntry } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import { apiPrefix, type Market } from '../../clients/environments.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getPositionMarginHistory}: `symbol`, `type`, `startTime`, `endTime`, `limit`, and `recvWindow`. */
export type GetPositionMarginHistoryParameters = GetPositionMarginHistoryParams & SignedParameters;

/** Isolated-margin changes of the symbol: `type` 1 added, 2 reduced, with `amount`, `asset`, `time`, `positionSide`. */
export type GetPositionMarginHistoryReturnType = PositionMarginHistoryEntry[];

/** What {@link getPositionMarginHistory} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetPositionMarginHistoryErrorType = RequestErrorType;

/**
 * Reads the isolated-margin change history: `GET /fapi/v1/positionMargin/history` (USD-M, `USER_DATA`,
 * signed). Weight 1.
 *
 * The window is at most 30 days; Binance keeps 30 days.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getPositionMarginHistory
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Get-Position-Margin-Change-History
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, `type`, `startTime`, `endTime`, `limit`, and `recvWindow` to override the client's.
 * @returns Isolated-margin changes of the symbol.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getPositionMarginHistory } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const changes = await getPositionMarginHistory(client, { symbol: 'BTCUSDT', type: 1 });
 */
export async function getPositionMarginHistory(
  client: Client,
  parameters: GetPositionMarginHistoryParameters,
): Promise<GetPositionMarginHistoryReturnType> {
  return positionMarginHistoryOf<PositionMarginHistoryEntry>(
    client,
    'usdm',
    'getPositionMarginHistory',
    parameters,
  );
}

/**
 * `GET {prefix}/v1/positionMargin/history` of `market` (weight 1), shared with
 * `getCoinmPositionMarginHistory`; `R` is the market's row type. Not exported from the package.
 */
export async function positionMarginHistoryOf<R>(
  client: Client,
  market: Market,
  action: string,
  parameters: GetPositionMarginHistoryParameters,
): Promise<R[]> {
  requireMarket(client, market, action);
  return client.request<R[]>({
    method: 'GET',
    path: `${apiPrefix(market)}/v1/positionMargin/history`,
    params: {
      symbol: parameters.symbol,
      type: parameters.type,
      startTime: parameters.startTime,
      endTime: parameters.endTime,
      limit: parameters.limit,
    },
    security: 'USER_DATA',
    weight: 1,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
