import type { CancelAllAlgoOpenOrdersParams, CodeMsgAck } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { UnknownOrderStatusErrorType } from '../../orders/errors.js';
import type { SignedParameters } from '../account/signed.js';
import { cancelAllAlgoOpenOrdersOf } from './algoCalls.js';

/** Parameters of {@link cancelAllAlgoOpenOrders}: `symbol`, `recvWindow`, and `reconcile` (default true). */
export type CancelAllAlgoOpenOrdersParameters = CancelAllAlgoOpenOrdersParams &
  SignedParameters & {
    /** Reconcile an unknown outcome by listing the open algo orders (default true). */
    readonly reconcile?: boolean;
  };

/** `{ code: 200, msg: "The operation of cancel all open order is done." }`. */
export type CancelAllAlgoOpenOrdersReturnType = CodeMsgAck;

/** What {@link cancelAllAlgoOpenOrders} may reject with. */
export type CancelAllAlgoOpenOrdersErrorType = RequestErrorType | UnknownOrderStatusErrorType;

/**
 * Cancels every open algo order of a symbol: `DELETE /fapi/v1/algoOpenOrders` (USD-M, `TRADE`,
 * signed). Weight 1. Regular orders are untouched (`cancelAllOpenOrders`).
 *
 * On an unknown outcome the open algo orders are listed: none left settles the call; otherwise the
 * cancel-all is sent again (it is idempotent), within the reconciliation bound.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/cancelAllAlgoOpenOrders
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Cancel-All-Algo-Open-Orders
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, and `recvWindow` to override the client's.
 * @returns Binance's acknowledgement.
 * @throws UnknownOrderStatusError after the reconciliation bound; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { cancelAllAlgoOpenOrders, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * await cancelAllAlgoOpenOrders(client, { symbol: 'BTCUSDT' });
 */
export async function cancelAllAlgoOpenOrders(
  client: Client,
  parameters: CancelAllAlgoOpenOrdersParameters,
): Promise<CancelAllAlgoOpenOrdersReturnType> {
  return cancelAllAlgoOpenOrdersOf(client, 'usdm', 'cancelAllAlgoOpenOrders', parameters);
}
