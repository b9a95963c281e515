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
 * on the first bigint and the value is written again with a replacer, so getters and `toJSON`
 * methods run twice; keep them pure.
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
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    // The engine's TypeError for a bigint; a cycle (also a TypeError) throws again below.
    if (!(error instanceof TypeError)) throw error;
    json = stringifyWithBigInts(value);
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
