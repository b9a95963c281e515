import type { ChangeLeverageParams, LeverageResponse } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link setLeverage}: `symbol`, `leverage` (an integer from 1 to the bracket's maximum), and `recvWindow`. */
export type SetLeverageParameters = ChangeLeverageParams & SignedParameters;

/** `{ leverage, maxNotionalValue, symbol }`: the leverage now in force and the notional it allows. */
export type SetLeverageReturnType = LeverageResponse;

/**
 * What {@link setLeverage} may reject with: notably `InvalidRequestError` for an invalid leverage
 * (-4028) or symbol (-1121), `InsufficientMarginError` when a position would exceed the new cap
 * (-2027) or lack margin (-2028), `ApiKeyError` for a key without trading permission (-2015).
 */
export type SetLeverageErrorType = RequestErrorType;

/**
 * Sets a symbol's initial leverage: `POST /fapi/v1/leverage` (USD-M, `TRADE`, signed). Weight 1.
 *
 * Idempotent by nature: setting the leverage it already has succeeds with the same answer, so the
 * request is retried like a read on transient failures.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/setLeverage
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Change-Initial-Leverage
 *
 * @param client - A USD-M client with credentials that may trade.
 * @param parameters - `symbol`, `leverage`; `recvWindow`.
 * @returns The leverage and its notional cap.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client (use `setCoinmLeverage`).
 *
 * @example
 * import { createClient, setLeverage } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const { maxNotionalValue } = await setLeverage(client, { symbol: 'BTCUSDT', leverage: 10 });
 */
export async function setLeverage(
  client: Client,
  parameters: SetLeverageParameters,
): Promise<SetLeverageReturnType> {
  requireMarket(client, 'usdm', 'setLeverage');
  return client.request<LeverageResponse>({
    method: 'POST',
    path: '/fapi/v1/leverage',
    params: { symbol: parameters.symbol, leverage: parameters.leverage },
    security: 'TRADE',
    weight: 1,
    kind: 'write',
    idempotent: true,
    ...recvWindowOf(parameters),
  });
}
