import type { Decimal, PositionSide } from '@basis/core';
import type { PositionState } from './account.js';
import { StepCount } from './stepCount.js';

/**
 * A position of the market's own flow (the synthetic or replayed maker and takers): its amount kept
 * in whole steps ({@link StepCount}), since it moves on every print and only open interest and the
 * maker's inventory read it. Every other field is as on any position.
 */
export class FlowPosition implements PositionState {
  readonly symbol: string;
  readonly positionSide: PositionSide;
  entryPrice: Decimal;
  isolatedWallet: Decimal;
  openingCommission: Decimal;
  accumulatedRealized: Decimal;
  updateTime: number;
  readonly #amount: StepCount;

  /** Takes over `position` (its current fields) with amounts counted in `step`s. */
  constructor(position: PositionState, step: Decimal) {
    this.symbol = position.symbol;
    this.positionSide = position.positionSide;
    this.entryPrice = position.entryPrice;
    this.isolatedWallet = position.isolatedWallet;
    this.openingCommission = position.openingCommission;
    this.accumulatedRealized = position.accumulatedRealized;
    this.updateTime = position.updateTime;
    this.#amount = new StepCount(step, position.amount);
  }

  get amount(): Decimal {
    return this.#amount.value;
  }

  set amount(value: Decimal) {
    this.#amount.value = value;
  }

  /** The amount in whole steps, or `undefined` off the step grid. */
  get steps(): number | undefined {
    return this.#amount.steps;
  }

  /** Moves the amount by `steps` (signed) steps. */
  moveSteps(steps: number): void {
    this.#amount.add(steps);
  }
}
