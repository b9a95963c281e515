import { parseJson, stringifyJson } from '@basis/core';
import { apiError } from '../api/apiError.js';
import type { RawParams } from '../api/params.js';

/** The parameters of one request, and how its body was read. */
export interface RequestParams {
  /** Query and body merged (the query wins), `signature` removed. */
  readonly params: RawParams;
  /** True when the body was a JSON object (then it is signed as-is and cannot carry the signature). */
  readonly jsonBody: boolean;
}

type MutableParams = Record<string, string>;

const EMPTY: RawParams = Object.freeze(Object.create(null) as MutableParams);

/**
 * Reads a request's parameters as Binance does: from the query string and from the body (form
 * encoded, or a JSON object), the query winning when a name is in both.
 *
 * - Form parts (query and form body alike) are decoded with the form rule: `+` is a space, then
 *   `decodeURIComponent`; a malformed `%` sequence is kept as sent. So `price=1+2` is `"1 2"` and
 *   `%2B` is `+`. The signature is not read from here: `stripSignature` decodes it without the `+`
 *   rule, and the base64 verifiers also read a space as `+`, so an unencoded base64 signature
 *   survives either way.
 * - A name twice in the query, or twice in the form body, is -1101 "Duplicate values for a parameter
 *   detected." (also for `signature`).
 * - A JSON body is used when the content type says JSON, or when there is no content type and the
 *   body starts with `{`. Strings are kept, numbers, booleans and bigints become their `String()`,
 *   arrays and objects compact JSON (as `batchOrders` is sent), `null` drops the name. A body that is
 *   not a JSON object is -1130 "Invalid data sent for a parameter."
 * - `signature` is removed; the endpoint never sees it.
 */
export function readRequestParams(
  rawQuery: string,
  rawBody: string,
  contentType: string | undefined,
): RequestParams {
  const jsonBody = rawBody.length > 0 && isJsonBody(rawBody, contentType);
  if (rawBody.length === 0) return { params: rawQuery.length === 0 ? EMPTY : parseForm(rawQuery), jsonBody };
  const body = jsonBody ? parseJsonBody(rawBody) : parseForm(rawBody);
  if (rawQuery.length === 0) return { params: body, jsonBody };
  const params = parseForm(rawQuery);
  for (const name in body) {
    if (!(name in params)) params[name] = body[name] as string;
  }
  return { params, jsonBody };
}

function isJsonBody(rawBody: string, contentType: string | undefined): boolean {
  if (contentType === undefined || contentType === '') return rawBody.charCodeAt(0) === 0x7b; // '{'
  return contentType.includes('json');
}

/** Parses `a=1&b=2` into a null-prototype record, without `signature`. */
function parseForm(raw: string): MutableParams {
  const params = Object.create(null) as MutableParams;
  let sawSignature = false;
  let start = 0;
  const length = raw.length;
  while (start < length) {
    let end = raw.indexOf('&', start);
    if (end === -1) end = length;
    if (end > start) {
      let eq = raw.indexOf('=', start);
      if (eq === -1 || eq > end) eq = end;
      const name = decodeFormPart(raw.slice(start, eq));
      if (name === 'signature') {
        if (sawSignature) throw duplicate();
        sawSignature = true;
      } else if (name !== '') {
        if (name in params) throw duplicate();
        params[name] = eq === end ? '' : decodeFormPart(raw.slice(eq + 1, end));
      }
    }
    start = end + 1;
  }
  return params;
}

/** Form decoding: `+` is a space, then percent-decoding; malformed escapes are kept as sent. */
function decodeFormPart(part: string): string {
  // Most names and values (symbols, numbers, hex) need no decoding at all.
  if (!part.includes('%') && !part.includes('+')) return part;
  const spaced = part.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

function parseJsonBody(rawBody: string): MutableParams {
  let value: unknown;
  try {
    value = parseJson(rawBody);
  } catch {
    throw invalidBody();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidBody();
  const params = Object.create(null) as MutableParams;
  for (const [name, item] of Object.entries(value)) {
    if (item === null || item === undefined || name === 'signature') continue;
    params[name] = typeof item === 'object' ? stringifyJson(item) : String(item);
  }
  return params;
}

function duplicate(): ReturnType<typeof apiError> {
  return apiError(-1101, [], { template: 2 });
}

function invalidBody(): ReturnType<typeof apiError> {
  return apiError(-1130, [], { template: 1 });
}
