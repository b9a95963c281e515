import type { PositionMarginHistoryEntry } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import {
  type GetPositionMarginHistoryParameters,
  positionMarginHistoryOf,
} from '../getPositionMarginHistory.js';

/** Parameters of {@link getCoinmPositionMarginHistory}: `symbol`, `type`, `startTime`, `endTime`, `limit`, and `recvWindow`. */
export type GetCoinmPositionMarginHistoryParameters = GetPositionMarginHistoryParameters;

/** One COIN-M isolated-margin change: USD-M's row without `deltaType`; `amount` in the margin coin. */
export type CoinmPositionMarginHistoryEntry = Omit<PositionMarginHistoryEntry, 'deltaType'>;

/** Isolated-margin changes of the symbol: `type` 1 added, 2 reduced, with `amount`, `asset`, `time`, `positionSide`. */
export type GetCoinmPositionMarginHistoryReturnType = CoinmPositionMarginHistoryEntry[];

/** What {@link getCoinmPositionMarginHistory} may reject with. */
export type GetCoinmPositionMarginHistoryErrorType = RequestErrorType;

/**
 * Reads the COIN-M isolated-margin change history: `GET /dapi/v1/positionMargin/history` (COIN-M,
 * `USER_DATA`, signed). Weight 1.
 *
 * The rows have no `deltaType` on COIN-M; amounts are in the margin coin (BTC for BTCUSD_PERP).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/getCoinmPositionMarginHistory
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/account/rest-api/Get-Position-Margin-Change-History
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol`, `type`, `startTime`, `endTime`, `limit`, and `recvWindow` to override the client's.
 * @returns Isolated-margin changes of the symbol.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, getCoinmPositionMarginHistory } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const changes = await getCoinmPositionMarginHistory(client, { symbol: 'BTCUSD_PERP', type: 1 });
 */
export async function getCoinmPositionMarginHistory(
  client: Client,
  parameters: GetCoinmPositionMarginHistoryParameters,
): Promise<GetCoinmPositionMarginHistoryReturnType> {
  return positionMarginHistoryOf<CoinmPositionMarginHistoryEntry>(
    client,
    'coinm',
    'getCoinmPositionMarginHistory',
    parameters,
  );
}
