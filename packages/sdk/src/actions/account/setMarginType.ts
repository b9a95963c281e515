import type { ChangeMarginTypeParams, CodeMsgAck } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { type SettingChangeResult, settingChange } from './settingChange.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link setMarginType}: `symbol`, `marginType` (ISOLATED or CROSSED), and `recvWindow`. */
export type SetMarginTypeParameters = ChangeMarginTypeParams & SignedParameters;

/**
 * `{ changed: true, code: 200, msg: 'success' }`, or `{ changed: false, code: -4046, msg }` when the
 * symbol already had the requested margin type (see {@link SettingChangeResult}).
 */
export type SetMarginTypeReturnType = SettingChangeResult<-4046>;

/**
 * What {@link setMarginType} may reject with: notably -4047 (open orders) and -4048 (a position) as
 * `BinanceApiError`, -4168 (ISOLATED in multi-assets mode), `InvalidRequestError` for an unknown
 * symbol.
 */
export type SetMarginTypeErrorType = RequestErrorType;

/**
 * Sets a symbol's margin type: `POST /fapi/v1/marginType` (USD-M) or `POST /dapi/v1/marginType`
 * (COIN-M); `TRADE`, signed. Weight 1.
 *
 * Idempotent: Binance's "No need to change margin type." (-4046) resolves to `{ changed: false }`
 * instead of rejecting, and the request is retried like a read on transient failures. The change is
 * refused while the symbol has open orders (-4047) or a position (-4048).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/setMarginType
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Change-Margin-Type
 *
 * @param client - A client of either market, with credentials that may trade.
 * @param parameters - `symbol`, `marginType`; `recvWindow`.
 * @returns Whether the margin type changed, with Binance's answer.
 * @throws MissingCredentialsError without credentials.
 *
 * @example
 * import { createClient, setMarginType } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const { changed } = await setMarginType(client, { symbol: 'BTCUSDT', marginType: 'ISOLATED' });
 */
export async function setMarginType(
  client: Client,
  parameters: SetMarginTypeParameters,
): Promise<SetMarginTypeReturnType> {
  return settingChange(
    client.request<CodeMsgAck>({
      method: 'POST',
      path: `${client.apiPrefix}/v1/marginType`,
      params: { symbol: parameters.symbol, marginType: parameters.marginType },
      security: 'TRADE',
      weight: 1,
      kind: 'write',
      idempotent: true,
      ...recvWindowOf(parameters),
    }),
    -4046,
  );
}
