/** V8 represents a slice of this many characters or more as a view into the string it was cut from. */
const SLICE_VIEW_MIN_LENGTH = 13;

/**
 * `text` as a string that shares no memory with the one it was cut from. A client order id parsed out
 * of a request URL is such a slice, and kept in an order record for days it would keep the whole URL
 * (~300 bytes, signature included) alive with it. Shorter strings are copies already.
 */
export function detachedString(text: string): string {
  // The concatenation is flattened into a fresh string when sliced; only that copy stays referenced.
  return text.length < SLICE_VIEW_MIN_LENGTH ? text : ` ${text}`.slice(1);
}
