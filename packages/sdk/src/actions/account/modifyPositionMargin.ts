import type { ModifyPositionMarginParams, PositionMarginResponse } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/**
 * Parameters of {@link modifyPositionMargin}: `symbol`, `positionSide` (BOTH by default; LONG or SHORT
 * in hedge mode), `amount` (a decimal string), `type` (1 add, 2 reduce), and `recvWindow`.
 */
export type ModifyPositionMarginParameters = ModifyPositionMarginParams & SignedParameters;

/** `{ amount, code: 200, msg: 'Successfully modify position margin.', type }` (`amount` is a JSON number here). */
export type ModifyPositionMarginReturnType = PositionMarginResponse;

/**
 * What {@link modifyPositionMargin} may reject with: notably -4049 (not isolated), -4054 (no position),
 * -4055 (amount not positive), `InsufficientMarginError` (-4050, -4051), and `UnknownOutcomeError`
 * when the answer was lost: the change is not retried (see below).
 */
export type ModifyPositionMarginErrorType = RequestErrorType;

/**
 * Adds margin to or removes margin from an isolated position: `POST /fapi/v1/positionMargin` (USD-M)
 * or `POST /dapi/v1/positionMargin` (COIN-M, same shape); `TRADE`, signed. Weight 1.
 *
 * Not idempotent: each call moves `amount` again, so a lost answer is never resent; it rejects with
 * an `UnknownOutcomeError` and `getPositionMarginHistory` tells whether the change happened.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/modifyPositionMargin
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Modify-Isolated-Position-Margin
 *
 * @param client - A client of either market, with credentials that may trade.
 * @param parameters - `symbol`, `amount`, `type`, optional `positionSide`; `recvWindow`.
 * @returns Binance's acknowledgement with the amount moved.
 * @throws MissingCredentialsError without credentials.
 *
 * @example
 * import { createClient, modifyPositionMargin } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * await modifyPositionMargin(client, { symbol: 'BTCUSDT', amount: '25.5', type: 1 });
 */
export async function modifyPositionMargin(
  client: Client,
  parameters: ModifyPositionMarginParameters,
): Promise<ModifyPositionMarginReturnType> {
  return client.request<PositionMarginResponse>({
    method: 'POST',
    path: `${client.apiPrefix}/v1/positionMargin`,
    params: {
      symbol: parameters.symbol,
      positionSide: parameters.positionSide,
      amount: parameters.amount,
      type: parameters.type,
    },
    security: 'TRADE',
    weight: 1,
    kind: 'write',
    ...recvWindowOf(parameters),
  });
}
