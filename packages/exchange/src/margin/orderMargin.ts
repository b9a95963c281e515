import { Decimal } from '@basis/core';
import { type ContractKind, exactNotional, notional } from './contract.js';
import { exactUnrealizedPnl } from './position.js';
import { toMoney } from './precision.js';
import { Rational } from './rational.js';

/** An order side, as on the wire. */
export type OrderSide = 'BUY' | 'SELL';

/**
 * The value of a limit order (§2.14.1): `qty × limitPrice` (linear) or `qty × CS / limitPrice` (inverse),
 * the same formula as {@link notional}; Binance's `bidNotional`/`askNotional` sum it per side.
 * Money: 8 decimals, cut toward zero.
 */
export function orderValue(contract: ContractKind, qty: Decimal, limitPrice: Decimal): Decimal {
  return notional(contract, qty, limitPrice);
}

/**
 * One position side and its resting orders, for the margin requirement: the BOTH row in one-way mode,
 * or the LONG or the SHORT row in hedge mode.
 */
export interface SideExposure {
  /** Signed notional of the position at mark price (negative for shorts); see `positionNotional`. */
  readonly positionNotional: Decimal;
  /** Σ {@link orderValue} of resting BUY orders on this side. */
  readonly bidValue: Decimal;
  /** Σ {@link orderValue} of resting SELL orders on this side. */
  readonly askValue: Decimal;
}

// max(|P + B|, |P − A|) before dividing by the leverage.
function sideRequirement(positionNotional: Rational, bidValue: Decimal, askValue: Decimal): Rational {
  return positionNotional.add(bidValue).abs().max(positionNotional.sub(askValue).abs());
}

/**
 * The initial margin required by positions and resting orders (§2.14.1, FAQ "How to Calculate the Margin
 * Requirement"): per side `max(|PosNotional + BidValue|, |PosNotional − AskValue|) / L`, summed over the
 * sides (one for one-way mode, LONG + SHORT for hedge mode). Stop and trailing orders are not resting
 * orders here: they need no margin until they trigger. Subtract `positionInitialMargin` to get
 * `openOrderInitialMargin`. Money: 8 decimals, cut toward zero (one cut, after the sum).
 * @example FAQ: long 0.5 BTC at mark 20,000, bid 0.1 @ 19,000, ask 0.1 @ 22,000, 2× → 5,950
 */
export function marginRequirement(exposures: readonly SideExposure[], leverage: number): Decimal {
  let total = Rational.ZERO;
  for (const s of exposures) {
    total = total.add(sideRequirement(Rational.of(s.positionNotional), s.bidValue, s.askValue));
  }
  return toMoney(total.div(leverage));
}

/** A price/size pair of an order for {@link openLoss} and {@link orderCost}. */
export interface OrderTerms {
  readonly side: OrderSide;
  /** Size (unsigned): base quantity (linear) or contracts (inverse). */
  readonly qty: Decimal;
  /** Limit price, or the {@link assumedMarketPrice} of a market order. */
  readonly price: Decimal;
}

/**
 * The open loss of an order (§2.14.2, FAQ "Cost to open"): the loss the new position would show at once
 * at mark price, `|Q| × |min(0, dir × (mark − orderPrice))|` for linear (dir = +1 buy, −1 sell), and the
 * same through the inverse PnL formula for COIN-M. Money: 8 decimals, cut toward zero.
 */
export function openLoss(contract: ContractKind, order: OrderTerms, markPrice: Decimal): Decimal {
  const amount = order.side === 'BUY' ? order.qty.abs() : order.qty.abs().neg();
  const pnl = exactUnrealizedPnl(contract, { amount, entryPrice: order.price }, markPrice);
  return toMoney(pnl.neg().max(Rational.ZERO));
}

/** What {@link orderCost} returns; all money, 8 decimals, cut toward zero. */
export interface OrderCost {
  /** Order notional at its price / leverage. */
  readonly initialMargin: Decimal;
  readonly openLoss: Decimal;
  /** `initialMargin + openLoss`. */
  readonly cost: Decimal;
}

/**
 * Cost to open a position with no netting (§2.14.2): `notional at order price / L + open loss`.
 * FAQ: 1 BTC @ 9,253.30, 20×, mark 9,259.84 → IM 462.665, a sell pays open loss 6.54 (cost 469.205),
 * a buy pays 462.665 (the FAQ shows cents: 462.66, 469.20). The venue's -2019 check uses the netting
 * rule instead ({@link marginCheck}).
 */
export function orderCost(
  contract: ContractKind,
  order: OrderTerms,
  markPrice: Decimal,
  leverage: number,
): OrderCost {
  const initialMargin = toMoney(exactNotional(contract, order.qty, order.price).div(leverage));
  const loss = openLoss(contract, order, markPrice);
  return { initialMargin, openLoss: loss, cost: initialMargin.add(loss) };
}

/** Binance's premium on the best ask for a market buy's assumed price: 0.05%. */
export const MARKET_BUY_PREMIUM: Decimal = Decimal.parse('0.0005');

/** Inputs of {@link assumedMarketPrice}. */
export interface MarketPriceInput {
  readonly side: OrderSide;
  /** Best bid, or `undefined` for an empty side (then the mark price stands in). */
  readonly bestBid: Decimal | undefined;
  /** Best ask, or `undefined` for an empty side (then the mark price stands in). */
  readonly bestAsk: Decimal | undefined;
  readonly markPrice: Decimal;
  /** Premium on the ask for a buy; default {@link MARKET_BUY_PREMIUM}. */
  readonly buyPremium?: Decimal;
}

/**
 * The price a market order is costed at (§2.14.2): a buy at `ask₁ × (1 + buyPremium)`, a sell at
 * `max(bid₁, mark)`. A newer FAQ variant uses `max(last × (1 + 0.15%), mark, orderPrice)` for the short
 * side; the two pages disagree, so the premium is a parameter. Exact (not rounded to the tick).
 */
export function assumedMarketPrice(input: MarketPriceInput): Decimal {
  const premium = input.buyPremium ?? MARKET_BUY_PREMIUM;
  if (input.side === 'BUY') return (input.bestAsk ?? input.markPrice).mul(Decimal.ONE.add(premium));
  return (input.bestBid ?? input.markPrice).max(input.markPrice);
}

/** Inputs of {@link marginCheck}: one position side of one symbol, and the new order. */
export interface MarginCheckInput {
  readonly contract: ContractKind;
  readonly leverage: number;
  readonly markPrice: Decimal;
  /** The account's `availableBalance`. */
  readonly availableBalance: Decimal;
  /** Signed amount of the position the order lands on (BOTH; or the LONG/SHORT row in hedge mode). */
  readonly positionAmount: Decimal;
  /** Σ size of resting BUY orders on that side. */
  readonly openBuyQty: Decimal;
  /** Σ size of resting SELL orders on that side. */
  readonly openSellQty: Decimal;
  /** Σ {@link orderValue} of resting BUY orders on that side. */
  readonly bidValue: Decimal;
  /** Σ {@link orderValue} of resting SELL orders on that side. */
  readonly askValue: Decimal;
  /** The new order: price is the limit price or the {@link assumedMarketPrice}. */
  readonly order: OrderTerms & {
    /** Close-position (conditional) orders are never checked. */
    readonly closePosition?: boolean;
  };
}

/** What {@link marginCheck} returns. Money: 8 decimals, cut toward zero. */
export interface MarginCheck {
  /** Whether the order increases exposure and so is checked at all (§2.14.3). */
  readonly checked: boolean;
  /** The part of the order that increases exposure (0 when not checked). */
  readonly openingQty: Decimal;
  /** Increase of the side's margin requirement (netting rule, §2.14.1). */
  readonly initialMargin: Decimal;
  /** Open loss of the opening part (§2.14.2). */
  readonly openLoss: Decimal;
  /** `initialMargin + openLoss`: what the order needs from `availableBalance`. */
  readonly requiredMargin: Decimal;
  /** `!checked || requiredMargin ≤ availableBalance`; the venue answers `-2019` when false. */
  readonly passes: boolean;
}

/**
 * The pre-trade margin check behind `-2019 Margin is insufficient` (§2.14):
 * - Only orders that increase exposure are checked: a buy when the side is flat or long, or when short
 *   and `qty > |short| − openBuyQty` (sells mirror). Reduce-only orders follow the same rule (they are
 *   checked when it holds); close-position orders are never checked.
 * - The margin is the increase of the netting requirement `max(|P + B|, |P − A|) / L` when the order's
 *   value joins B (buy) or A (sell), so an order hedged by resting orders costs nothing extra;
 *   the open loss of the opening part is added, as in "cost to open".
 * - It passes when `requiredMargin ≤ availableBalance`.
 */
export function marginCheck(input: MarginCheckInput): MarginCheck {
  const { contract, order } = input;
  const zero = toMoney(Rational.ZERO);
  const buy = order.side === 'BUY';
  const qty = order.qty.abs();
  const position = input.positionAmount;
  // Size of the opposite position not already claimed by resting orders on the order's side.
  const against = buy ? position.neg() : position;
  const claimed = buy ? input.openBuyQty : input.openSellQty;
  const reducible = against.isPositive() ? against.sub(claimed).max(Decimal.ZERO) : Decimal.ZERO;
  const openingQty = qty.sub(reducible).max(Decimal.ZERO);
  if (order.closePosition === true || openingQty.isZero()) {
    return {
      checked: false,
      openingQty: Decimal.ZERO,
      initialMargin: zero,
      openLoss: zero,
      requiredMargin: zero,
      passes: true,
    };
  }
  const positionNotional = exactNotional(contract, position, input.markPrice).mul(position.sign());
  const value = orderValue(contract, qty, order.price);
  const before = sideRequirement(positionNotional, input.bidValue, input.askValue);
  const after = buy
    ? sideRequirement(positionNotional, input.bidValue.add(value), input.askValue)
    : sideRequirement(positionNotional, input.bidValue, input.askValue.add(value));
  const increase = after.sub(before);
  const initialMargin = toMoney(increase.div(input.leverage));
  const loss = openLoss(contract, { side: order.side, qty: openingQty, price: order.price }, input.markPrice);
  const requiredMargin = initialMargin.add(loss);
  return {
    checked: true,
    openingQty,
    initialMargin,
    openLoss: loss,
    requiredMargin,
    passes: requiredMargin.lte(input.availableBalance),
  };
}
