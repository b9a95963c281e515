import { BasisError } from '../errors/baseError.js';

/**
 * A misuse of a `VirtualClock`: moving time backwards or by a non-finite amount, advancing it from
 * inside one of its own callbacks, or `runAll` reaching its limit (usually an interval that never
 * ends).
 */
export class VirtualClockError extends BasisError {
  override name = 'VirtualClockError' as const;
}

/** Narrows a caught error to {@link VirtualClockError} by its `name`. */
export type VirtualClockErrorType = VirtualClockError & { name: 'VirtualClockError' };
