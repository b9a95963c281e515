import type { ChangeMultiAssetsModeParams, CodeMsgAck } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { type SettingChangeResult, settingChange } from './settingChange.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link setMultiAssetsMode}: `multiAssetsMargin` ("true" or "false"), and `recvWindow`. */
export type SetMultiAssetsModeParameters = ChangeMultiAssetsModeParams & SignedParameters;

/**
 * `{ changed: true, code: 200, msg: 'success' }`, or `{ changed: false, code: -4171, msg }` when the
 * mode already was the requested one (see {@link SettingChangeResult}).
 */
export type SetMultiAssetsModeReturnType = SettingChangeResult<-4171>;

/**
 * What {@link setMultiAssetsMode} may reject with: notably -4167 (an isolated symbol), -4169, -4170
 * (open orders), -4172 as `BinanceApiError`.
 */
export type SetMultiAssetsModeErrorType = RequestErrorType;

/**
 * Turns multi-assets mode on or off: `POST /fapi/v1/multiAssetsMargin` (USD-M, `TRADE`, signed).
 * Weight 1.
 *
 * Idempotent: Binance's "Adjusted asset mode is currently set and does not need to be adjusted
 * repeatedly." (-4171) resolves to `{ changed: false }` instead of rejecting, and the request is
 * retried like a read on transient failures.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/setMultiAssetsMode
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Change-Multi-Assets-Mode
 *
 * @param client - A USD-M client with credentials that may trade.
 * @param parameters - `multiAssetsMargin`; `recvWindow`.
 * @returns Whether the mode changed, with Binance's answer.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, setMultiAssetsMode } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * await setMultiAssetsMode(client, { multiAssetsMargin: 'false' });
 */
export async function setMultiAssetsMode(
  client: Client,
  parameters: SetMultiAssetsModeParameters,
): Promise<SetMultiAssetsModeReturnType> {
  requireMarket(client, 'usdm', 'setMultiAssetsMode');
  return settingChange(
    client.request<CodeMsgAck>({
      method: 'POST',
      path: '/fapi/v1/multiAssetsMargin',
      params: { multiAssetsMargin: parameters.multiAssetsMargin },
      security: 'TRADE',
      weight: 1,
      kind: 'write',
      idempotent: true,
      ...recvWindowOf(parameters),
    }),
    -4171,
  );
}
