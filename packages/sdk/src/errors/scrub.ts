import { BasisError } from '@basis/core';

/**
 * Removes known secret values from an error and its cause chain, in place (messages, stacks, other
 * string fields), using core's `BasisError` cause sanitiser. For errors that reach the pipeline from
 * a transport or a third-party library, which were built without knowing the secrets.
 */
export function scrubSecrets<T>(error: T, secrets: readonly string[]): T {
  if (secrets.length > 0 && typeof error === 'object' && error !== null) {
    // Constructing a BasisError with a cause scrubs that cause's chain in place (core's documented
    // behaviour); the wrapper itself is dropped.
    void new BasisError('scrub', { cause: error, secrets });
  }
  return error;
}
