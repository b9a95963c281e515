/**
 * What a run leaves on the exchange when it stops, whatever stopped it (its duration, a signal, a
 * strategy handler that threw). It matters where the exchange outlives the run (live, and `--env
 * local --url`): an order nobody manages any more can still fill.
 *
 * - `cancel`: cancels every order and conditional order of the run's symbols that could open or
 *   grow a position, and keeps those that can only shrink one (reduce-only, close-position: the
 *   position's stop-loss and take-profit). Positions stay. Nothing left behind can add risk.
 * - `flatten`: cancels every order and conditional order of the run's symbols, then closes each
 *   position with a reduce-only market order, as the kill switch does.
 * - `leave`: changes nothing, for a restart that takes over (a run loads the orders and positions it
 *   finds at start into the strategy's state).
 */
export type ExitPolicy = 'cancel' | 'flatten' | 'leave';

/** Every {@link ExitPolicy}, the default first. */
export const EXIT_POLICIES: readonly ExitPolicy[] = ['cancel', 'flatten', 'leave'];

/** Whether `value` names an {@link ExitPolicy}. */
export function isExitPolicy(value: string): value is ExitPolicy {
  return (EXIT_POLICIES as readonly string[]).includes(value);
}

/** An open order as the exit policy sees it. */
export interface ExitOrder {
  readonly reduceOnly: boolean;
  readonly closePosition?: boolean;
}

/** Whether the `cancel` policy keeps `order`: it can only shrink a position (one-way mode). */
export function onlyReduces(order: ExitOrder): boolean {
  return order.reduceOnly || order.closePosition === true;
}
