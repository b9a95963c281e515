// The order layer: exchangeInfo cache, validation, position-mode shaping, client order ids and
// reconciliation of unknown outcomes. A subpath entry.

export type { ClientOrderIdOptions, RandomSource } from './clientOrderId.js';
export {
  CLIENT_ORDER_ID_PATTERN,
  createClientOrderIdGenerator,
  isValidClientOrderId,
} from './clientOrderId.js';
export type { DecimalField, DecimalLike, DecimalOf, WithDecimals } from './decimals.js';
export { parseDecimalLike, wireDecimal } from './decimals.js';
export type {
  NearestValid,
  OrderClosedErrorType,
  OrderNotPlacedErrorType,
  OrderValidationErrorParameters,
  OrderValidationErrorType,
  OrderValidationRule,
  PositionModeErrorType,
  PositionModeReason,
  ReconciliationAttempts,
  UnknownOrderStatusErrorType,
} from './errors.js';
export {
  OrderClosedError,
  OrderNotPlacedError,
  OrderValidationError,
  orderValidationRules,
  PositionModeError,
  positionModeReasons,
  UnknownOrderStatusError,
} from './errors.js';
export type { OrderLayerEvent, ReconcileOutcome } from './events.js';
export type { OrderLayer, OrderLayerOptions, ReconcileOptions, ReconcileSettings } from './orderLayer.js';
export { createOrderLayer, orderLayerOf, reconcileSettings } from './orderLayer.js';
export type { OrderInput, OrderLayerCallOptions } from './prepare.js';
export type { AccountMode } from './shape.js';
export { shapeOrder } from './shape.js';
export type { QuantityRule, SymbolRules } from './symbolRules.js';
export { parseSymbolRules } from './symbolRules.js';
export type { OrderDraft, RoundOptions, ValidationContext } from './validate.js';
export { roundOrder, validateOrder } from './validate.js';
