import { BasisError } from '../errors/baseError.js';

/** An invalid argument to a random generator or distribution: a bad seed, range, rate or mean. */
export class RandomArgumentError extends BasisError {
  override name = 'RandomArgumentError' as const;
}

/** Narrows a caught error to {@link RandomArgumentError} by its `name`. */
export type RandomArgumentErrorType = RandomArgumentError & { name: 'RandomArgumentError' };
