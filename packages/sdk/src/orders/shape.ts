import type { BooleanString, OrderSide, OrderType, PositionSide } from '@basis/core';
import { PositionModeError } from './errors.js';

/** The account settings orders are shaped to, read from the account at first use. */
export interface AccountMode {
  /** Hedge mode (`true`: LONG and SHORT positions) or one-way mode (`false`: BOTH). */
  readonly dualSidePosition: boolean;
  /** Multi-assets margin mode (USD-M; always `false` on COIN-M). */
  readonly multiAssetsMargin: boolean;
}

/** The fields shaping reads. */
export interface ShapeInput {
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly positionSide: PositionSide | undefined;
  readonly reduceOnly: BooleanString | undefined;
  readonly closePosition: BooleanString | undefined;
  readonly hasQuantity: boolean;
  /** The item index in a batch. */
  readonly index?: number;
}

/** What shaping decided. */
export interface Shaped {
  /** Always set: BOTH in one-way mode, the caller's LONG/SHORT in hedge mode. */
  readonly positionSide: PositionSide;
  /** `reduceOnly` to send; undefined when it must not be sent. */
  readonly reduceOnly: BooleanString | undefined;
  /** Whether the order can only reduce (reduce-only, a hedge-mode closing side, close-position). */
  readonly reducing: boolean;
  /** What was changed, in words, for the layer's `shaped` events. */
  readonly notes: readonly { readonly field: 'positionSide' | 'reduceOnly'; readonly note: string }[];
}

/** Whether the order closes its side in hedge mode (SELL LONG, BUY SHORT). */
export function closesSide(side: OrderSide, positionSide: PositionSide): boolean {
  return (positionSide === 'LONG' && side === 'SELL') || (positionSide === 'SHORT' && side === 'BUY');
}

/**
 * Shapes an order to the account's position mode (reference §6.4, §6.5, §6.3 closePosition):
 *
 * - One-way: `positionSide` is filled with BOTH; LONG/SHORT is refused (`positionSide-not-allowed`,
 *   Binance -4061). `reduceOnly` is kept.
 * - Hedge: `positionSide` LONG or SHORT is required (`positionSide-required`, Binance -4061).
 *   `reduceOnly` is never sent (Binance answers -1106 even for "false"): it is dropped with a note
 *   when it is "false" or when the order closes its side (SELL LONG, BUY SHORT, which can only
 *   reduce anyway); `reduceOnly=true` on an opening order (BUY LONG, SELL SHORT) is refused
 *   (`reduceOnly-opens`) rather than silently turned into an order that increases the position.
 * - `closePosition=true`: STOP_MARKET / TAKE_PROFIT_MARKET only (`closePosition-type`), without a
 *   quantity (`closePosition-quantity`, -4137), `reduceOnly` dropped with a note (it is implied;
 *   Binance answers -1106/-4138 for it), and in hedge mode it must close its side (`closePosition-side`, -4062).
 *
 * @throws PositionModeError, before anything is sent.
 */
export function shapeOrder(input: ShapeInput, mode: AccountMode): Shaped {
  const hedge = mode.dualSidePosition;
  const modeName = hedge ? 'hedge' : 'one-way';
  const base = {
    mode: modeName,
    symbol: input.symbol,
    ...(input.index === undefined ? {} : { index: input.index }),
  } as const;
  const notes: { field: 'positionSide' | 'reduceOnly'; note: string }[] = [];

  let positionSide: PositionSide;
  if (hedge) {
    if (input.positionSide !== 'LONG' && input.positionSide !== 'SHORT') {
      throw new PositionModeError({
        ...base,
        reason: 'positionSide-required',
        field: 'positionSide',
        message: `positionSide LONG or SHORT is required in hedge mode (got ${input.positionSide ?? 'none'}).`,
      });
    }
    positionSide = input.positionSide;
  } else {
    if (input.positionSide !== undefined && input.positionSide !== 'BOTH') {
      throw new PositionModeError({
        ...base,
        reason: 'positionSide-not-allowed',
        field: 'positionSide',
        message: `positionSide ${input.positionSide} is for hedge mode; this account is in one-way mode (BOTH).`,
      });
    }
    positionSide = 'BOTH';
  }

  const closePosition = input.closePosition === 'true';
  const closing = hedge && closesSide(input.side, positionSide);
  let reduceOnly = input.reduceOnly;
  if (closePosition) {
    if (input.type !== 'STOP_MARKET' && input.type !== 'TAKE_PROFIT_MARKET') {
      throw new PositionModeError({
        ...base,
        reason: 'closePosition-type',
        field: 'closePosition',
        message: `closePosition=true is for STOP_MARKET and TAKE_PROFIT_MARKET only (got ${input.type}).`,
      });
    }
    if (input.hasQuantity) {
      throw new PositionModeError({
        ...base,
        reason: 'closePosition-quantity',
        field: 'closePosition',
        message: 'closePosition=true closes the whole position: send no quantity.',
      });
    }
    if (hedge && !closing) {
      throw new PositionModeError({
        ...base,
        reason: 'closePosition-side',
        field: 'closePosition',
        message: `closePosition=true must close its side in hedge mode: SELL LONG or BUY SHORT (got ${input.side} ${positionSide}).`,
      });
    }
    if (reduceOnly !== undefined) {
      notes.push({
        field: 'reduceOnly',
        note: 'reduceOnly removed: closePosition=true implies it (Binance answers -1106).',
      });
      reduceOnly = undefined;
    }
  } else if (hedge && reduceOnly !== undefined) {
    if (reduceOnly === 'true' && !closing) {
      throw new PositionModeError({
        ...base,
        reason: 'reduceOnly-opens',
        field: 'reduceOnly',
        message: `reduceOnly=true on ${input.side} ${positionSide} would open a position; in hedge mode a reducing order is SELL LONG or BUY SHORT.`,
      });
    }
    notes.push({
      field: 'reduceOnly',
      note:
        reduceOnly === 'true'
          ? `reduceOnly removed: in hedge mode ${input.side} ${positionSide} can only reduce (Binance answers -1106 to reduceOnly).`
          : 'reduceOnly=false removed: hedge mode takes no reduceOnly (Binance answers -1106).',
    });
    reduceOnly = undefined;
  }

  return {
    positionSide,
    reduceOnly,
    reducing: closePosition || closing || (!hedge && reduceOnly === 'true'),
    notes,
  };
}
