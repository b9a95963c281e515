/** What every signed (USER_DATA / TRADE) action also takes. */
export interface SignedParameters {
  /** `recvWindow` for this call, ms (default: the client's). */
  readonly recvWindow?: number;
}

/** The `recvWindow` part of a request call: present only when the caller set one. */
export function recvWindowOf(parameters: SignedParameters): { readonly recvWindow?: number } {
  return parameters.recvWindow === undefined ? {} : { recvWindow: parameters.recvWindow };
}
