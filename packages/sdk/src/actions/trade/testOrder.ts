import type { TestOrderResponse } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { OrderValidationErrorType, PositionModeErrorType } from '../../orders/errors.js';
import { orderLayerOf } from '../../orders/orderLayer.js';
import { type OrderInput, type OrderLayerCallOptions, prepareOrder } from '../../orders/prepare.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowCall } from './orderCalls.js';

/**
 * Parameters of {@link testOrder}: the pre-2025-12 new-order parameters (all seven types, with
 * `stopPrice`, `closePosition`, `activationPrice`, `callbackRate`, `workingType`, `priceProtect`;
 * exact decimals), plus the order layer's per-call options (`reconcile` has no effect: nothing is placed).
 */
export type TestOrderParameters = Omit<OrderInput, 'triggerPrice' | 'activatePrice' | 'clientAlgoId'> &
  Omit<OrderLayerCallOptions, 'reconcile'>;

/** The order as it would have been created (never sent to the matching engine). */
export type TestOrderReturnType = TestOrderResponse;

/** What {@link testOrder} may reject with. */
export type TestOrderErrorType = RequestErrorType | OrderValidationErrorType | PositionModeErrorType;

/**
 * Validates an order without placing it: `POST /fapi/v1/order/test` (USD-M, `TRADE`, signed). Weight 1
 * (Binance does not state it); no ORDERS count.
 *
 * The order layer checks it first, like {@link newOrder}. Nothing changes on the exchange, so the call
 * is retried like a read on transient failures.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/testOrder
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Test-Order
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - The order and the order layer's per-call options.
 * @returns The order as the exchange would have created it.
 * @throws OrderValidationError / PositionModeError before sending.
 *
 * @example
 * import { createClient, testOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * await testOrder(client, { symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', quantity: '0.01', stopPrice: '58000' });
 */
export async function testOrder(
  client: Client,
  parameters: TestOrderParameters,
): Promise<TestOrderReturnType> {
  requireMarket(client, 'usdm', 'testOrder');
  const prepared = await prepareOrder(client, orderLayerOf(client), parameters, 'order', parameters);
  return client.request<TestOrderResponse>({
    method: 'POST',
    path: '/fapi/v1/order/test',
    params: prepared.params,
    security: 'TRADE',
    weight: 1,
    kind: 'write',
    idempotent: true,
    ...recvWindowCall(parameters),
  });
}
