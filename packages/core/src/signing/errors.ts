import { BasisError } from '../errors/baseError.js';

/**
 * A key, secret or credential set that cannot be used for signing or verification: missing,
 * ambiguous, malformed, encrypted without a passphrase, or of an unsupported type. The message
 * never contains key material.
 */
export class InvalidSigningKeyError extends BasisError {
  override name = 'InvalidSigningKeyError' as const;

  /**
   * @param shortMessage what is wrong, without key material.
   * @param options the underlying `node:crypto` error, if any.
   */
  constructor(shortMessage: string, options: { readonly cause?: unknown } = {}) {
    super(shortMessage, options.cause === undefined ? {} : { cause: options.cause });
  }
}

/** Narrows a caught error to {@link InvalidSigningKeyError} by its `name`. */
export type InvalidSigningKeyErrorType = InvalidSigningKeyError & { name: 'InvalidSigningKeyError' };
