import type { CodeMsgAck } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type { UnknownOrderStatusErrorType } from '../../../orders/errors.js';
import { cancelAllAlgoOpenOrdersOf } from '../algoCalls.js';
import type { CancelAllAlgoOpenOrdersParameters } from '../cancelAllAlgoOpenOrders.js';

/** Parameters of {@link cancelCoinmAllAlgoOpenOrders}: `symbol`, `recvWindow`, and `reconcile` (default true). */
export type CancelCoinmAllAlgoOpenOrdersParameters = CancelAllAlgoOpenOrdersParameters;

/** `{ code: 200, msg: "The operation of cancel all open order is done." }`. */
export type CancelCoinmAllAlgoOpenOrdersReturnType = CodeMsgAck;

/** What {@link cancelCoinmAllAlgoOpenOrders} may reject with. */
export type CancelCoinmAllAlgoOpenOrdersErrorType = RequestErrorType | UnknownOrderStatusErrorType;

/**
 * Cancels every open COIN-M algo order of a symbol: `DELETE /dapi/v1/algoOpenOrders` (COIN-M,
 * `TRADE`, signed). Weight 1. Regular orders are untouched (`cancelCoinmAllOpenOrders`).
 *
 * On an unknown outcome the open algo orders are listed: none left settles the call; otherwise the
 * cancel-all is sent again (it is idempotent), within the reconciliation bound.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/cancelCoinmAllAlgoOpenOrders
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Cancel-All-Algo-Open-Orders
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol`, and `recvWindow` to override the client's.
 * @returns Binance's acknowledgement.
 * @throws UnknownOrderStatusError after the reconciliation bound; ClientConfigError on a USD-M client.
 *
 * @example
 * import { cancelCoinmAllAlgoOpenOrders, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * await cancelCoinmAllAlgoOpenOrders(client, { symbol: 'BTCUSD_PERP' });
 */
export async function cancelCoinmAllAlgoOpenOrders(
  client: Client,
  parameters: CancelCoinmAllAlgoOpenOrdersParameters,
): Promise<CancelCoinmAllAlgoOpenOrdersReturnType> {
  return cancelAllAlgoOpenOrdersOf(client, 'coinm', 'cancelCoinmAllAlgoOpenOrders', parameters);
}
