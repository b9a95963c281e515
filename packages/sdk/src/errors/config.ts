import { BasisError } from '@basis/core';

/** A client configuration that cannot work (a missing base URL, half a credential pair, a bad URL). */
export class ClientConfigError extends BasisError {
  override name = 'ClientConfigError' as const;
  constructor(
    shortMessage: string,
    options: { readonly cause?: unknown; readonly metaMessages?: readonly string[] } = {},
  ) {
    super(shortMessage, {
      docsPath: 'sdk/clients#configuration',
      ...(options.cause === undefined ? {} : { cause: options.cause }),
      ...(options.metaMessages === undefined ? {} : { metaMessages: options.metaMessages }),
    });
  }
}
export type ClientConfigErrorType = ClientConfigError & { name: 'ClientConfigError' };

/** An environment name that is not one of `local`, `testnet`, `demo`, `production`. */
export class InvalidEnvironmentError extends BasisError {
  override name = 'InvalidEnvironmentError' as const;
  /** The value that was given (its first 12 characters when longer than 24). */
  readonly value: string;
  /** The values accepted. */
  readonly allowed: readonly string[];

  constructor(parameters: {
    readonly value: string;
    readonly allowed: readonly string[];
    readonly source?: string;
  }) {
    // A value pasted into the wrong variable may be a key: print only its start.
    const shown = parameters.value.length > 24 ? `${parameters.value.slice(0, 12)}…` : parameters.value;
    super(
      `Unknown environment '${shown}'${parameters.source === undefined ? '' : ` in ${parameters.source}`}; expected one of ${parameters.allowed.map((v) => `'${v}'`).join(', ')}.`,
      { docsPath: 'sdk/clients#environments' },
    );
    this.value = shown;
    this.allowed = parameters.allowed;
  }
}
export type InvalidEnvironmentErrorType = InvalidEnvironmentError & { name: 'InvalidEnvironmentError' };
