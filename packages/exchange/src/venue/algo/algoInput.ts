import type {
  AlgoOrderType,
  Decimal,
  NewOrderRespType,
  OrderSide,
  PositionSide,
  RequestPriceMatch,
  SelfTradePreventionMode,
  TimeInForce,
  WorkingType,
} from '@basis/core';

/**
 * A new conditional (algo) order after its parameters were parsed (types, enums, numbers), before the
 * algo book checks it against the market and the account. Used by `POST /fapi/v1/algoOrder` and the
 * WebSocket API's `algoOrder.place`. Absent parameters are `undefined`.
 */
export interface AlgoOrderInput {
  readonly symbol: string;
  readonly side: OrderSide;
  /** As sent; undefined when absent (one-way accounts default to BOTH). */
  readonly positionSide: PositionSide | undefined;
  readonly type: AlgoOrderType;
  readonly timeInForce: TimeInForce | undefined;
  readonly quantity: Decimal | undefined;
  /** Limit price of the order STOP and TAKE_PROFIT place when triggered. */
  readonly price: Decimal | undefined;
  readonly triggerPrice: Decimal | undefined;
  readonly workingType: WorkingType | undefined;
  readonly priceMatch: RequestPriceMatch | undefined;
  readonly closePosition: boolean | undefined;
  readonly priceProtect: boolean | undefined;
  /** As sent; undefined when absent (hedge mode rejects any value). */
  readonly reduceOnly: boolean | undefined;
  /** Trailing activation price (`activatePrice`, formerly `activationPrice`). */
  readonly activatePrice: Decimal | undefined;
  /** Trailing callback rate in percent (1 = 1%). */
  readonly callbackRate: Decimal | undefined;
  readonly clientAlgoId: string | undefined;
  readonly newOrderRespType: NewOrderRespType;
  readonly selfTradePreventionMode: SelfTradePreventionMode | undefined;
  readonly goodTillDate: number | undefined;
}
