import { jsonParseError } from './locateError.js';
import { mayHoldUnsafeInteger } from './unsafeInteger.js';
import { findUnsafeIntegers, placeUnsafeIntegers } from './unsafeIntegerSites.js';

// Decoding holds no state between calls (no `stream` option), so one decoder serves every call. It
// is made on the first call, not at import: constructing a TextDecoder is a measurable part of loading core.
let utf8: InstanceType<typeof TextDecoder> | undefined;

/**
 * Parses JSON without losing integer digits. An integer literal outside the safe-integer range
 * (|n| > 2^53 - 1, such as an `orderId` of 2^60) becomes an exact `bigint`; everything else comes
 * out exactly as `JSON.parse` makes it: safe integers stay numbers, floats (`0.0065`, `1e21`, `-0`)
 * are `JSON.parse`'s doubles, decimal strings stay strings, key order and `__proto__` keys are
 * `JSON.parse`'s. So the type of an id depends only on its magnitude, and the same id is equal
 * (`===`) wherever it appears.
 *
 * Cost: `JSON.parse` plus a pre-check that reads about one character in sixteen. Only a text holding
 * an integer literal of 16 or more digits takes the slow path (`JSON.parse`, a structural scan, and
 * the bigints written in place).
 *
 * @param text JSON text; accepted and rejected exactly as `JSON.parse` accepts and rejects it.
 * @returns the parsed value.
 * @throws {JsonParseError} with the position, line and column of the first error.
 *
 * @example
 * parseJson('{"orderId":1152921504606846976,"price":"63123.40"}');
 * // { orderId: 1152921504606846976n, price: '63123.40' }
 */
export function parseJson(text: string): unknown {
  // JSON.parse reads a non-string argument through ToString; so does this, once.
  const source = typeof text === 'string' ? text : String(text);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    if (error instanceof SyntaxError) throw jsonParseError(source);
    throw error;
  }
  return mayHoldUnsafeInteger(source) ? reviveUnsafeIntegers(source, value) : value;
}

/**
 * Decodes UTF-8 bytes (an HTTP body, a WebSocket frame) and parses them with {@link parseJson}.
 * Decoding follows the WHATWG UTF-8 decode that `Response.json()` uses: a leading byte-order mark is
 * dropped and malformed sequences become U+FFFD. A {@link JsonParseError} position counts UTF-16
 * code units of the decoded text, not bytes.
 *
 * @param bytes the body; a Node `Buffer` is a `Uint8Array`.
 * @returns the parsed value.
 * @throws {JsonParseError} when the decoded text is not valid JSON.
 *
 * @example
 * parseJsonBytes(Buffer.from('{"lastUpdateId":9007199254740993}')); // { lastUpdateId: 9007199254740993n }
 */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  utf8 ??= new TextDecoder();
  return parseJson(utf8.decode(bytes));
}

function reviveUnsafeIntegers(text: string, value: unknown): unknown {
  const sites = findUnsafeIntegers(text);
  return sites === undefined ? value : placeUnsafeIntegers(value, sites);
}
