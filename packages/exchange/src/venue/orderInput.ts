import type {
  Decimal,
  NewOrderRespType,
  OrderSide,
  PositionSide,
  RequestPriceMatch,
  ResponseOrderType,
  SelfTradePreventionMode,
  TimeInForce,
  WorkingType,
} from '@basis/core';
import type { Id } from './idSequence.js';
import type { TrailingTerms } from './orderRecord.js';

/**
 * A new order after its parameters were parsed (types, enums, numbers), before the venue checks it
 * against the market and the account. Used by REST, batch orders, the WebSocket API and algo
 * triggers alike.
 */
export interface NewOrderInput {
  readonly symbol: string;
  readonly side: OrderSide;
  /** As sent; undefined when absent (one-way accounts default to BOTH). */
  readonly positionSide: PositionSide | undefined;
  readonly type: 'LIMIT' | 'MARKET';
  readonly timeInForce: TimeInForce | undefined;
  readonly quantity: Decimal | undefined;
  readonly price: Decimal | undefined;
  /** As sent; undefined when absent (hedge mode rejects any value). */
  readonly reduceOnly: boolean | undefined;
  readonly newClientOrderId: string | undefined;
  readonly newOrderRespType: NewOrderRespType;
  readonly priceMatch: RequestPriceMatch | undefined;
  readonly selfTradePreventionMode: SelfTradePreventionMode | undefined;
  readonly goodTillDate: number | undefined;
  /** Set by the venue for orders it creates itself (triggered algo orders, liquidations). */
  readonly internal?: InternalOrderFields;
}

/** Fields of orders the venue creates on its own behalf. */
export interface InternalOrderFields {
  readonly origType: ResponseOrderType;
  readonly stopPrice: string;
  readonly workingType: WorkingType;
  readonly priceProtect: boolean;
  readonly closePosition: boolean;
  /** Liquidation orders: type LIQUIDATION, no margin or filter checks. */
  readonly liquidation?: boolean;
  /** Skip the -2019 margin check (already checked, or exempt). */
  readonly skipMarginCheck?: boolean;
  /**
   * A triggered COIN-M conditional order keeps the orderId and creation time it was given at
   * placement (Binance's pre-algo behaviour), and a trailing stop its terms.
   */
  readonly orderId?: Id;
  readonly time?: number;
  readonly trailing?: TrailingTerms;
}

/** Binance's rule for client order ids. */
export const CLIENT_ORDER_ID_PATTERN = /^[.A-Z:/a-z0-9_-]{1,36}$/;

/** goodTillDate bounds (-5040): more than 600 s ahead, before 9999-12-31 23:59:59 UTC. */
export const GTD_MIN_AHEAD_MS = 600_000;
export const GTD_MAX = 253402300799000;
