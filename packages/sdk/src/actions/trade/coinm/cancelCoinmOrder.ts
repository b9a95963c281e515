import type { CancelOrderParams, CoinmOrder } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type { OrderClosedErrorType, UnknownOrderStatusErrorType } from '../../../orders/errors.js';
import type { SignedParameters } from '../../account/signed.js';
import { cancelOrderOf } from '../cancelCalls.js';

/** Parameters of {@link cancelCoinmOrder}: `symbol`, `orderId` or `origClientOrderId`, `recvWindow`, and `reconcile` (default true). */
export type CancelCoinmOrderParameters = CancelOrderParams &
  SignedParameters & {
    /** Reconcile an unknown outcome by querying the order (default true). */
    readonly reconcile?: boolean;
  };

/** The order, `status: "CANCELED"`. */
export type CancelCoinmOrderReturnType = CoinmOrder;

/** What {@link cancelCoinmOrder} may reject with (notably `UnknownOrderError` -2011 for an order not open). */
export type CancelCoinmOrderErrorType = RequestErrorType | UnknownOrderStatusErrorType | OrderClosedErrorType;

/**
 * Cancels an order: `DELETE /dapi/v1/order` (COIN-M, `TRADE`, signed). Weight 1.
 *
 * An unknown or closed order is `UnknownOrderError` -2011. On an unknown outcome (timeout, 5xx...)
 * the order is queried instead of trusting or repeating blindly: CANCELED settles the call; still
 * open, the cancel is sent again (a cancel is idempotent), within the reconciliation bound; filled
 * or expired meanwhile is an `OrderClosedError` carrying the order.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/cancelCoinmOrder
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Cancel-Order
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol`, `orderId` or `origClientOrderId`, and `recvWindow` to override the client's.
 * @returns The canceled order.
 * @throws UnknownOrderError (-2011); OrderClosedError; UnknownOrderStatusError after the reconciliation bound.
 *
 * @example
 * import { cancelCoinmOrder, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const canceled = await cancelCoinmOrder(client, { symbol: 'BTCUSD_PERP', origClientOrderId: 'my-order-1' });
 */
export async function cancelCoinmOrder(
  client: Client,
  parameters: CancelCoinmOrderParameters,
): Promise<CancelCoinmOrderReturnType> {
  return cancelOrderOf<CoinmOrder>(client, 'coinm', 'cancelCoinmOrder', parameters);
}
