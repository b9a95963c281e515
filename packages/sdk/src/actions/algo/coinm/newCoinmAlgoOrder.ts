import type { AlgoOrder } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type {
  OrderNotPlacedErrorType,
  OrderValidationErrorType,
  PositionModeErrorType,
  UnknownOrderStatusErrorType,
} from '../../../orders/errors.js';
import { newAlgoOrderOf } from '../algoCalls.js';
import type { NewAlgoOrderParameters } from '../newAlgoOrder.js';

/**
 * Parameters of {@link newCoinmAlgoOrder}: USD-M's algo-order parameters (`quantity` in contracts;
 * prices, quantities and `callbackRate` as exact decimals, never a number; `clientAlgoId` generated
 * when absent) without `goodTillDate` (COIN-M has no GTD), plus the order layer's per-call options.
 */
export type NewCoinmAlgoOrderParameters = Omit<NewAlgoOrderParameters, 'goodTillDate'>;

/** The algo order as placed (or as found by reconciliation). */
export type NewCoinmAlgoOrderReturnType = AlgoOrder;

/** What {@link newCoinmAlgoOrder} may reject with. */
export type NewCoinmAlgoOrderErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | PositionModeErrorType
  | UnknownOrderStatusErrorType
  | OrderNotPlacedErrorType;

/**
 * Places a COIN-M conditional order with the algo service: `POST /dapi/v1/algoOrder` (COIN-M,
 * `TRADE`, signed). Weight 0; 1 ORDERS count (per minute; COIN-M has no 10 s counter).
 *
 * STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET and TRAILING_STOP_MARKET live here since the
 * CM/UM integration of 2026-06-30 (`POST /dapi/v1/order` answers -4120). The order layer checks the
 * symbol's filters, shapes `positionSide`/`reduceOnly` to the account's mode and sets a
 * `clientAlgoId`; an unknown outcome is reconciled through `GET /dapi/v1/algoOrder` by
 * `clientAlgoId`, never resent blindly.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/newCoinmAlgoOrder
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/New-Algo-Order
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - The algo order and the order layer's per-call options.
 * @returns The algo order.
 * @throws OrderValidationError / PositionModeError before sending; UnknownOrderStatusError when
 * reconciliation learned nothing; OrderNotPlacedError when proven not placed.
 *
 * @example
 * import { createClient, newCoinmAlgoOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', market: 'coinm', credentials: { apiKey, apiSecret } });
 * const stop = await newCoinmAlgoOrder(client, {
 *   symbol: 'BTCUSD_PERP', side: 'SELL', type: 'STOP_MARKET', quantity: '1', triggerPrice: '58000',
 * });
 */
export async function newCoinmAlgoOrder(
  client: Client,
  parameters: NewCoinmAlgoOrderParameters,
): Promise<NewCoinmAlgoOrderReturnType> {
  return newAlgoOrderOf(client, 'coinm', 'newCoinmAlgoOrder', parameters);
}
