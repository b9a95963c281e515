import type { ChangeLeverageParams, CoinmLeverageResponse } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import { requireMarket } from '../../requireMarket.js';
import { recvWindowOf, type SignedParameters } from '../signed.js';

/** Parameters of {@link setCoinmLeverage}: `symbol`, `leverage`, and `recvWindow`. */
export type SetCoinmLeverageParameters = ChangeLeverageParams & SignedParameters;

/** `{ leverage, maxQty, symbol }`: the leverage now in force and the most contracts it allows. */
export type SetCoinmLeverageReturnType = CoinmLeverageResponse;

/** What {@link setCoinmLeverage} may reject with (`InvalidRequestError` -4028 for an invalid leverage). */
export type SetCoinmLeverageErrorType = RequestErrorType;

/**
 * Sets a COIN-M symbol's initial leverage: `POST /dapi/v1/leverage` (`TRADE`, signed). Weight 1.
 *
 * In hedge mode LONG and SHORT share it. Idempotent by nature (the same leverage again succeeds with
 * the same answer), so the request is retried like a read on transient failures.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/setCoinmLeverage
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Change-Initial-Leverage
 *
 * @param client - A COIN-M client with credentials that may trade.
 * @param parameters - `symbol`, `leverage`; `recvWindow`.
 * @returns The leverage and its quantity cap.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { createClient, setCoinmLeverage } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const { maxQty } = await setCoinmLeverage(client, { symbol: 'BTCUSD_PERP', leverage: 20 });
 */
export async function setCoinmLeverage(
  client: Client,
  parameters: SetCoinmLeverageParameters,
): Promise<SetCoinmLeverageReturnType> {
  requireMarket(client, 'coinm', 'setCoinmLeverage');
  return client.request<CoinmLeverageResponse>({
    method: 'POST',
    path: '/dapi/v1/leverage',
    params: { symbol: parameters.symbol, leverage: parameters.leverage },
    security: 'TRADE',
    weight: 1,
    kind: 'write',
    idempotent: true,
    ...recvWindowOf(parameters),
  });
}
