/**
 * The exact strings Binance signs: REST `totalParams` (query then body, no separator), the WebSocket
 * API's sorted parameter string, and the parameter encoding both are built from.
 */
import { stringifyJson } from '../json/stringify.js';

/**
 * A value accepted as a request parameter. Strings, numbers, bigints and booleans are sent as their
 * `String()` form; arrays and objects (`batchOrders`, `orderIdList`) are sent as compact JSON;
 * `null` and `undefined` drop the parameter.
 *
 * Prices and quantities should be passed as Binance decimal strings: `String(1e-7)` is `"1e-7"`,
 * which Binance rejects.
 */
export type ParamValue = string | number | bigint | boolean | readonly unknown[] | object | null | undefined;

/** Request parameters, in the order they are sent (JavaScript puts integer-like keys first). */
export type Params = Readonly<Record<string, ParamValue>>;

/** Serialises an array or object parameter to strict, compact JSON. */
export type StringifyJson = (value: unknown) => string;

/** Options for {@link encodeParams} and {@link wsApiSigningPayload}. */
export interface EncodeParamsOptions {
  /**
   * JSON serialiser for array and object values. Default: core's `stringifyJson`, which writes a
   * bigint anywhere in the value as a bare integer (`[159856286502n]` → `[159856286502]`) and is
   * otherwise `JSON.stringify` (compact, no spaces, as Binance requires for list parameters).
   */
  readonly stringify?: StringifyJson;
}

/** What {@link stripSignature} found in a raw query or body. */
export interface StrippedSignature {
  /** The input with every `signature` parameter removed, all other bytes untouched. */
  readonly unsigned: string;
  /**
   * The value of the last `signature` parameter, percent-decoded with `decodeURIComponent` (so `+`
   * stays `+`); the raw value if it is malformed percent-encoding; `undefined` when absent.
   */
  readonly signature: string | undefined;
}

function paramString(value: NonNullable<ParamValue>, stringify: StringifyJson): string {
  return typeof value === 'object' || typeof value === 'function' ? stringify(value) : String(value);
}

function encodeEntries(
  params: Params,
  keys: readonly string[],
  stringify: StringifyJson = stringifyJson,
): string {
  let out = '';
  for (const key of keys) {
    const value = params[key];
    if (value === undefined || value === null) continue;
    if (out.length > 0) out += '&';
    // Binance names are ASCII identifiers, so encoding the key changes nothing for them; it only
    // keeps a stray `&` or `=` in a caller's key from corrupting the string.
    out += `${encodeURIComponent(key)}=${encodeURIComponent(paramString(value, stringify))}`;
  }
  return out;
}

/**
 * Encodes parameters the way Binance's official connector does and the way the signature is
 * computed: `key=encodeURIComponent(String(value))` pairs in insertion order, joined with `&`;
 * arrays and objects are compact JSON first; `null`/`undefined` are dropped.
 *
 * Sign exactly the string you send: use the result both as the wire query/body and as the payload.
 *
 * @throws URIError if a string contains a lone UTF-16 surrogate (it has no UTF-8 form).
 * @throws TypeError if an array or object parameter is cyclic.
 *
 * @example
 * encodeParams({ symbol: 'BTCUSDT', orderIdList: [1n, 2n], reduceOnly: true, price: undefined })
 * // 'symbol=BTCUSDT&orderIdList=%5B1%2C2%5D&reduceOnly=true'
 */
export function encodeParams(params: Params, options?: EncodeParamsOptions): string {
  return encodeEntries(params, Object.keys(params), options?.stringify);
}

/**
 * The REST signing payload (`totalParams`): the raw query string (without `?` and without
 * `signature`) **immediately followed by** the raw form body, with no `&` between them.
 *
 * @example
 * restSigningPayload('symbol=BTCUSDT&side=BUY', 'quantity=1') // 'symbol=BTCUSDT&side=BUYquantity=1'
 */
export function restSigningPayload(query: string, body: string): string {
  return query + body;
}

/**
 * The WebSocket API signing payload: every parameter except `signature`, sorted by name ascending
 * (UTF-16 code-unit order, as `Array.prototype.sort`), as `name=value` pairs joined by `&`. Values
 * are encoded as in {@link encodeParams} (the connector percent-encodes them; for plain ASCII that
 * is the identity), and `null`/`undefined` are dropped.
 *
 * @example
 * wsApiSigningPayload({ timestamp: 1, symbol: 'BTCUSDT', apiKey: 'k' }) // 'apiKey=k&symbol=BTCUSDT&timestamp=1'
 */
export function wsApiSigningPayload(params: Params, options?: EncodeParamsOptions): string {
  const keys = Object.keys(params)
    .filter((key) => key !== 'signature')
    .sort();
  return encodeEntries(params, keys, options?.stringify);
}

function decodeParamValue(raw: string): string {
  // Hex and most base64 signatures hold no escape: decoding would only copy them.
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Removes every `signature` parameter from a raw query string (without `?`) or form body, keeping
 * all other bytes exactly as received, so the server can recompute the signature over
 * `stripSignature(query).unsigned + stripSignature(body).unsigned`.
 *
 * The returned signature is decoded with `decodeURIComponent`, not the form rule that turns `+` into
 * a space; the verifiers also accept the space form (see `verify.ts`).
 *
 * @example
 * stripSignature('symbol=BTCUSDT&timestamp=1&signature=ab12')
 * // { unsigned: 'symbol=BTCUSDT&timestamp=1', signature: 'ab12' }
 */
export function stripSignature(raw: string): StrippedSignature {
  const first = raw.indexOf('signature');
  if (first === -1) return { unsigned: raw, signature: undefined };
  // The common shape, `…&signature=<value>` last and the only `signature`: slice it off.
  if ((first === 0 || raw.charCodeAt(first - 1) === 38) && raw.charCodeAt(first + 9) === 61) {
    const value = raw.slice(first + 10);
    if (!value.includes('&') && !value.includes('signature')) {
      return { unsigned: first === 0 ? '' : raw.slice(0, first - 1), signature: decodeParamValue(value) };
    }
  }
  const kept: string[] = [];
  let signature: string | undefined;
  for (const part of raw.split('&')) {
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    if (key === 'signature') signature = decodeParamValue(eq === -1 ? '' : part.slice(eq + 1));
    else kept.push(part);
  }
  return { unsigned: kept.join('&'), signature };
}
