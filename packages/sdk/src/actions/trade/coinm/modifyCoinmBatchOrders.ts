import type { CoinmBatchOrderResult, CoinmModifyOrderParams, CoinmOrder } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type { WithDecimals } from '../../../orders/decimals.js';
import type { OrderValidationErrorType, UnknownOrderStatusErrorType } from '../../../orders/errors.js';
import type { OrderLayerCallOptions } from '../../../orders/prepare.js';
import { modifyBatchOrdersOf } from '../batchCalls.js';

/** One modification of a batch: as {@link modifyCoinmOrder}'s parameters, without the per-call options. */
export type ModifyCoinmBatchOrderInput = WithDecimals<CoinmModifyOrderParams, 'quantity' | 'price'>;

/** Parameters of {@link modifyCoinmBatchOrders}: 1 to 5 modifications, plus the order layer's per-call options. */
export type ModifyCoinmBatchOrdersParameters = {
  readonly batchOrders: readonly ModifyCoinmBatchOrderInput[];
} & Omit<OrderLayerCallOptions, 'shape' | 'openOrders'>;

/** One result per item, in request order: the modified order or Binance's inline error. */
export type ModifyCoinmBatchOrdersReturnType = CoinmBatchOrderResult[];

/** What {@link modifyCoinmBatchOrders} may reject with. */
export type ModifyCoinmBatchOrdersErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | UnknownOrderStatusErrorType;

/**
 * Modifies up to 5 COIN-M LIMIT orders in one request: `PUT /dapi/v1/batchOrders` (COIN-M, `TRADE`, signed).
 * Weight 5; 1 ORDERS count (per minute).
 *
 * Every item is checked like {@link modifyCoinmOrder}'s. On an unknown outcome each order is queried once
 * the request's `recvWindow` has closed: carrying its new values or closed settles it, absent is
 * -2013, still with the old values it is sent again in a smaller batch (bounded; after that the
 * order comes back as queried, with its old values).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/modifyCoinmBatchOrders
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Modify-Multiple-Orders
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `batchOrders` (1–5 modifications) and per-call options.
 * @returns One result per item, in request order.
 * @throws OrderValidationError (with the item's `index`) before sending; UnknownOrderStatusError after the bound.
 *
 * @example
 * import { createClient, modifyCoinmBatchOrders } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * await modifyCoinmBatchOrders(client, {
 *   batchOrders: [{ symbol: 'BTCUSD_PERP', orderId: 42, side: 'BUY', quantity: '0.002', price: '60100' }],
 * });
 */
export async function modifyCoinmBatchOrders(
  client: Client,
  parameters: ModifyCoinmBatchOrdersParameters,
): Promise<ModifyCoinmBatchOrdersReturnType> {
  return modifyBatchOrdersOf<CoinmOrder>(
    client,
    'coinm',
    'modifyCoinmBatchOrders',
    parameters.batchOrders,
    parameters,
  );
}
