import type { ChangePositionModeParams, CodeMsgAck } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { type SettingChangeResult, settingChange } from './settingChange.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link setPositionMode}: `dualSidePosition` ("true" hedge, "false" one-way), and `recvWindow`. */
export type SetPositionModeParameters = ChangePositionModeParams & SignedParameters;

/**
 * `{ changed: true, code: 200, msg: 'success' }`, or `{ changed: false, code: -4059, msg }` when the
 * account already was in the requested mode (see {@link SettingChangeResult}).
 */
export type SetPositionModeReturnType = SettingChangeResult<-4059>;

/**
 * What {@link setPositionMode} may reject with: notably -4067 (open orders) and -4068 (positions) as
 * `BinanceApiError`, `ApiKeyError` for a key without trading permission.
 */
export type SetPositionModeErrorType = RequestErrorType;

/**
 * Switches between hedge mode and one-way mode, for every symbol: `POST /fapi/v1/positionSide/dual`
 * (USD-M) or `POST /dapi/v1/positionSide/dual` (COIN-M); `TRADE`, signed. Weight 1.
 *
 * Idempotent: Binance's "No need to change position side." (-4059) resolves to `{ changed: false }`
 * instead of rejecting, and the request is retried like a read on transient failures. The switch is
 * refused while any order is open (-4067) or any position is held (-4068). From 2026 USD-M and COIN-M
 * share the setting.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/setPositionMode
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Change-Position-Mode
 *
 * @param client - A client of either market, with credentials that may trade.
 * @param parameters - `dualSidePosition`; `recvWindow`.
 * @returns Whether the mode changed, with Binance's answer.
 * @throws MissingCredentialsError without credentials.
 *
 * @example
 * import { createClient, setPositionMode } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const result = await setPositionMode(client, { dualSidePosition: 'true' });
 * if (!result.changed) console.log('already in hedge mode');
 */
export async function setPositionMode(
  client: Client,
  parameters: SetPositionModeParameters,
): Promise<SetPositionModeReturnType> {
  return settingChange(
    client.request<CodeMsgAck>({
      method: 'POST',
      path: `${client.apiPrefix}/v1/positionSide/dual`,
      params: { dualSidePosition: parameters.dualSidePosition },
      security: 'TRADE',
      weight: 1,
      kind: 'write',
      idempotent: true,
      ...recvWindowOf(parameters),
    }),
    -4059,
  );
}
