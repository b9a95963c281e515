import type { AlgoOrderType, DecimalInput, OrderSide, WorkingType } from '@basis/core';

/**
 * What a strategy asks for. Prices and quantities are exact: a `Decimal`, a decimal string, a
 * bigint or a safe integer; a fractional JavaScript number is refused (money is never a float).
 */

/** A LIMIT or MARKET order. */
export interface OrderRequest {
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: 'LIMIT' | 'MARKET';
  readonly quantity: DecimalInput;
  /** Required for LIMIT. */
  readonly price?: DecimalInput;
  /** LIMIT only (default GTC); GTX is post-only. */
  readonly timeInForce?: 'GTC' | 'IOC' | 'FOK' | 'GTX';
  readonly reduceOnly?: boolean;
  /** Default: generated (`<prefix>-<n>`), deterministic for a run. */
  readonly clientOrderId?: string;
}

/** A new price and quantity for an open LIMIT order (Binance's modify keeps the side). */
export interface ModifyRequest {
  readonly symbol: string;
  readonly clientOrderId: string;
  readonly side: OrderSide;
  readonly quantity: DecimalInput;
  readonly price: DecimalInput;
}

/** A conditional order of the Algo Service: stop-loss, take-profit, trailing stop. */
export interface AlgoOrderRequest {
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: AlgoOrderType;
  /** Omit with `closePosition`. */
  readonly quantity?: DecimalInput;
  /** The limit price of STOP and TAKE_PROFIT. */
  readonly price?: DecimalInput;
  readonly triggerPrice?: DecimalInput;
  /** Close the whole position when triggered (STOP_MARKET, TAKE_PROFIT_MARKET). */
  readonly closePosition?: boolean;
  readonly reduceOnly?: boolean;
  /** What the trigger watches (default CONTRACT_PRICE, as Binance). */
  readonly workingType?: WorkingType;
  /** TRAILING_STOP_MARKET: callback rate in percent (0.1 to 10) and the activation price. */
  readonly callbackRate?: DecimalInput;
  readonly activatePrice?: DecimalInput;
  readonly clientAlgoId?: string;
}

/** What `ctx.submitOrder` and friends answer at once: sent on, or denied by the risk engine. */
export type SubmitResult =
  | { readonly status: 'submitted'; readonly clientId: string }
  | { readonly status: 'denied'; readonly clientId: string; readonly rule: string; readonly message: string };
