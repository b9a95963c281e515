// While JSON.stringify runs with a replacer, a bigint stands in as the string `<marker><digits>`, where
// the marker is a run of the private-use character U+E000, which JSON.stringify never escapes; the
// quoted placeholders are then swapped for the bare digits. The swap is exact only if no key or string
// holds a run of U+E000 as long as the marker, which is checked on the output; if one does, the value
// is written again with a longer marker.
const MARK = '\uE000';
const MARK_CODE = 0xe000;
const MAX_ATTEMPTS = 4;

/**
 * `JSON.stringify` that writes a `bigint` (or a boxed `BigInt`) as a bare JSON integer, so an id
 * above 2^53 goes out with every digit, as Binance sends it. Everything else is `JSON.stringify`'s
 * behaviour: `toJSON` is called (a `toJSON` may return a bigint), `undefined`, functions and symbols
 * are dropped from objects and become `null` in arrays, non-finite numbers become `null`, a `Map` is
 * `{}`, and a cycle throws a `TypeError`.
 *
 * Cost: exactly `JSON.stringify` when the value holds no bigint. Otherwise `JSON.stringify` throws
 * on the first bigint and the value is written again, so getters and `toJSON` methods run twice;
 * keep them pure. Plain data (plain objects and arrays of primitives and bigints, small enough) is
 * written again by a direct writer, and the next call tries that writer first until a value without
 * a bigint comes; anything else goes through `JSON.stringify` with a replacer.
 *
 * @param value the value to write.
 * @returns compact JSON text.
 * @throws {TypeError} for a cycle, and when the value itself has no JSON form (`undefined`, a
 *   function, a symbol), where `JSON.stringify` would return `undefined`.
 *
 * @example
 * stringifyJson({ orderId: 2n ** 60n, price: '63123.40' }); // '{"orderId":1152921504606846976,"price":"63123.40"}'
 */
export function stringifyJson(value: unknown): string {
  // A caller that just wrote a bigint likely writes another (order answers): try the direct writer
  // first, which needs neither the throwing JSON.stringify nor the replacer pass.
  if (directFirst) {
    const direct = writeDirect(value);
    if (direct !== undefined) {
      if (direct.bigints === 0) directFirst = false;
      return direct.json;
    }
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    // The engine's TypeError for a bigint; a cycle (also a TypeError) throws again below.
    if (!(error instanceof TypeError)) throw error;
    const direct = writeDirect(value);
    directFirst = direct !== undefined;
    json = direct?.json ?? stringifyWithBigInts(value);
  }
  if (json === undefined)
    throw new TypeError(`stringifyJson: a value of type ${typeof value} has no JSON form.`);
  return json;
}

function stringifyWithBigInts(value: unknown): string | undefined {
  let marker = MARK;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let placeholders = 0;
    const current = marker;
    const json = JSON.stringify(value, (_key: string, item: unknown): unknown => {
      if (typeof item === 'bigint') {
        placeholders++;
        return current + item.toString();
      }
      // JSON.stringify unboxes a BigInt object only after the replacer has run.
      if (typeof item === 'object' && item !== null && item instanceof BigInt) {
        placeholders++;
        return current + item.valueOf().toString();
      }
      return item;
    });
    if (json === undefined) return undefined;
    const runs = markRuns(json, current.length);
    // Each placeholder is one run of exactly `current.length`; any other long run is in a key or string.
    if (runs.atLeastMinimum === placeholders) return unquotePlaceholders(json, current);
    marker = MARK.repeat(runs.longest + 1);
  }
  // Only getters or toJSON methods that return ever longer runs of U+E000 get here.
  throw new TypeError('stringifyJson: the value changed while it was written.');
}

// Counts the maximal runs of U+E000 in `json` that are at least `minimum` long, and the longest run.
function markRuns(json: string, minimum: number): { atLeastMinimum: number; longest: number } {
  let atLeastMinimum = 0;
  let longest = 0;
  for (let at = json.indexOf(MARK); at !== -1; ) {
    let end = at + 1;
    while (json.charCodeAt(end) === MARK_CODE) end++;
    const run = end - at;
    if (run >= minimum) atLeastMinimum++;
    if (run > longest) longest = run;
    at = json.indexOf(MARK, end);
  }
  return { atLeastMinimum, longest };
}

// Replaces each `"<marker><digits>"` with `<digits>`. No key or string contains the marker, so every
// occurrence is a placeholder, and its closing quote is the next quote.
function unquotePlaceholders(json: string, marker: string): string {
  const open = `"${marker}`;
  let out = '';
  let from = 0;
  for (let at = json.indexOf(open); at !== -1; at = json.indexOf(open, from)) {
    const close = json.indexOf('"', at + open.length);
    out += json.slice(from, at) + json.slice(at + open.length, close);
    from = close + 1;
  }
  return out + json.slice(from);
}

/** The direct writer gives up on values larger than this (JSON.stringify is faster on them). */
const DIRECT_MAX_NODES = 4096;
/** …and on nesting deeper than this (a cycle, or data unlike an API answer). */
const DIRECT_MAX_DEPTH = 32;
/** Whether the last value written held a bigint: then the direct writer goes first. */
let directFirst = false;

interface DirectState {
  nodes: number;
  bigints: number;
}

/**
 * Writes plain data exactly as `JSON.stringify` would, with bigints as bare integers: null, booleans,
 * numbers, strings, bigints, arrays and objects whose prototype is `Object.prototype` or null and
 * that have no `toJSON`. Undefined (the caller then takes the general path) for anything else: a
 * class instance, a boxed primitive, a `toJSON`, a value that is too large or too deep.
 */
function writeDirect(value: unknown): { json: string; bigints: number } | undefined {
  const state: DirectState = { nodes: 0, bigints: 0 };
  const json = writeValue(value, state, 0);
  return json === undefined ? undefined : { json, bigints: state.bigints };
}

/** One value; undefined to give up. Values without a JSON form are the callers' to handle. */
function writeValue(value: unknown, state: DirectState, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      state.bigints++;
      return value.toString();
    case 'object':
      if (value === null) return 'null';
      if (++state.nodes > DIRECT_MAX_NODES || depth >= DIRECT_MAX_DEPTH) return undefined;
      return Array.isArray(value) ? writeArray(value, state, depth) : writeObject(value, state, depth);
    default:
      // undefined, a function or a symbol at the top: JSON.stringify's answer (undefined) is the general path's.
      return undefined;
  }
}

function writeArray(array: readonly unknown[], state: DirectState, depth: number): string | undefined {
  if (Object.getPrototypeOf(array) !== Array.prototype || 'toJSON' in array) return undefined;
  let out = '[';
  for (let i = 0; i < array.length; i++) {
    if (i > 0) out += ',';
    const item = array[i];
    const type = typeof item;
    if (type === 'undefined' || type === 'function' || type === 'symbol') out += 'null';
    else {
      const text = writeValue(item, state, depth + 1);
      if (text === undefined) return undefined;
      out += text;
    }
  }
  return `${out}]`;
}

function writeObject(object: object, state: DirectState, depth: number): string | undefined {
  const proto = Object.getPrototypeOf(object);
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in object) return undefined;
  let out = '{';
  let first = true;
  for (const key of Object.keys(object)) {
    const item = (object as Record<string, unknown>)[key];
    const type = typeof item;
    if (type === 'undefined' || type === 'function' || type === 'symbol') continue;
    const text = writeValue(item, state, depth + 1);
    if (text === undefined) return undefined;
    out += first ? `${JSON.stringify(key)}:${text}` : `,${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}
