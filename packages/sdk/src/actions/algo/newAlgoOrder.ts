import type { AlgoOrder, AlgoOrderType, AlgoType } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type {
  OrderNotPlacedErrorType,
  OrderValidationErrorType,
  PositionModeErrorType,
  UnknownOrderStatusErrorType,
} from '../../orders/errors.js';
import type { OrderInput, OrderLayerCallOptions } from '../../orders/prepare.js';
import { newAlgoOrderOf } from './algoCalls.js';

/**
 * Parameters of {@link newAlgoOrder}: Binance's `POST /fapi/v1/algoOrder` parameters (prices,
 * quantities and `callbackRate` as exact decimals: a string or a `Decimal`, never a number;
 * `algoType` defaults to CONDITIONAL; `clientAlgoId` is generated when absent), plus the order
 * layer's per-call options (`validate`, `round`, `shape`, `markPrice`, `openOrders`, `reconcile`,
 * `recvWindow`).
 */
export type NewAlgoOrderParameters = Omit<
  OrderInput,
  'type' | 'stopPrice' | 'activationPrice' | 'newClientOrderId'
> & {
  readonly type: AlgoOrderType;
  /** Always CONDITIONAL (the default). */
  readonly algoType?: AlgoType;
} & OrderLayerCallOptions;

/** The algo order as placed (or as found by reconciliation). */
export type NewAlgoOrderReturnType = AlgoOrder;

/** What {@link newAlgoOrder} may reject with. */
export type NewAlgoOrderErrorType =
  | RequestErrorType
  | OrderValidationErrorType
  | PositionModeErrorType
  | UnknownOrderStatusErrorType
  | OrderNotPlacedErrorType;

/**
 * Places a conditional order with the algo service: `POST /fapi/v1/algoOrder` (USD-M, `TRADE`,
 * signed). Weight 0; 1 ORDERS count (10 s and 1 min).
 *
 * STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET and TRAILING_STOP_MARKET live here since
 * 2025-12-09 (`POST /fapi/v1/order` answers -4120). Before sending, the order layer checks the
 * symbol's filters (`OrderValidationError`), shapes `positionSide`/`reduceOnly` to the account's
 * mode (`PositionModeError`) and sets a `clientAlgoId`. An unknown outcome (timeout, 5xx, 503
 * "Unknown error", -1007) is reconciled by `clientAlgoId`, never resent blindly.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/newAlgoOrder
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/New-Algo-Order
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - The algo order and the order layer's per-call options.
 * @returns The algo order.
 * @throws OrderValidationError / PositionModeError before sending; UnknownOrderStatusError when
 * reconciliation learned nothing; OrderNotPlacedError when proven not placed.
 *
 * @example
 * import { createClient, newAlgoOrder } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const stop = await newAlgoOrder(client, {
 *   symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_MARKET', quantity: '0.01', triggerPrice: '58000',
 * });
 * console.log(stop.algoId, stop.clientAlgoId);
 */
export async function newAlgoOrder(
  client: Client,
  parameters: NewAlgoOrderParameters,
): Promise<NewAlgoOrderReturnType> {
  return newAlgoOrderOf(client, 'usdm', 'newAlgoOrder', parameters);
}
