import { isUnsafeDigits } from './unsafeInteger.js';

/** Where an unsafe integer literal sits in a JSON document, and its exact value. */
export interface UnsafeIntegerSite {
  /** Object keys and array indices from the root to the literal; empty when the literal is the root. */
  readonly path: readonly (string | number)[];
  /** The literal's exact value. */
  readonly value: bigint;
}

/**
 * Finds, in document order, every integer literal of `text` outside the safe-integer range, with its
 * path. `text` must be valid JSON (the caller has already run `JSON.parse` on it), so the scan only
 * tracks structure: strings are skipped whole, so digits inside them are never mistaken for numbers.
 * Returns `undefined` when there is none.
 *
 * Duplicate keys follow `JSON.parse` (the last one wins): when a key repeats, the sites recorded under
 * its earlier occurrence are dropped.
 */
export function findUnsafeIntegers(text: string): UnsafeIntegerSite[] | undefined {
  const length = text.length;
  let sites: UnsafeIntegerSite[] | undefined;
  // One entry per open container, by depth. `slot` is an array's current index or the offset of an
  // object's current key; `keyEnd` is -1 for an array, else the offset of the key's closing quote.
  // Keys stay offsets until a site needs them, so the scan allocates nothing per key.
  const frames: Frames = { slot: [], keyEnd: [], keyEscaped: [], firstSite: [] };
  const { slot, keyEnd, keyEscaped, firstSite } = frames;
  let depth = -1;
  let expectKey = false;
  // The offset of the first backslash at or after the scan position (`length` when none): a string
  // ending before it has no escapes, so its closing quote is the next quote.
  let backslash = -1;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      if (backslash < i) {
        backslash = text.indexOf('\\', i);
        if (backslash === -1) backslash = length;
      }
      let close = text.indexOf('"', i + 1);
      if (close === -1) break; // only on invalid input; never loop
      const escaped = backslash < close;
      if (escaped) close = closingQuote(text, i);
      if (expectKey) {
        expectKey = false;
        slot[depth] = i + 1;
        keyEnd[depth] = close;
        keyEscaped[depth] = escaped;
        if (sites !== undefined && sites.length > firstSite[depth]!) dropShadowed(text, sites, frames, depth);
      }
      i = close + 1;
    } else if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      const start = i;
      let integer = true;
      for (i++; i < length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x30 && c <= 0x39) continue;
        // '.', 'e', 'E', '+', '-': the rest of a float; valid JSON has nothing else inside a number.
        if (c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d) integer = false;
        else break;
      }
      if (integer && isUnsafeDigits(text, code === 0x2d ? start + 1 : start, i)) {
        sites ??= [];
        sites.push({ path: pathTo(text, frames, depth), value: BigInt(text.slice(start, i)) });
      }
    } else {
      if (code === 0x7b || code === 0x5b) {
        depth++;
        slot[depth] = 0;
        keyEnd[depth] = code === 0x7b ? 0 : -1;
        firstSite[depth] = sites === undefined ? 0 : sites.length;
        expectKey = code === 0x7b;
      } else if (code === 0x7d || code === 0x5d) {
        depth--;
        expectKey = false;
      } else if (code === 0x2c) {
        if (keyEnd[depth]! < 0) slot[depth]!++;
        else expectKey = true;
      }
      // Whitespace, ':' and the letters of true/false/null carry nothing.
      i++;
    }
  }
  return sites;
}

/**
 * Writes each site's bigint into `root` (the `JSON.parse` result of the same text) and returns the
 * root, which is replaced when the document is a single unsafe integer.
 */
export function placeUnsafeIntegers(root: unknown, sites: readonly UnsafeIntegerSite[]): unknown {
  let result = root;
  for (const { path, value } of sites) {
    if (path.length === 0) {
      result = value;
      continue;
    }
    let holder = result as Record<string | number, unknown>;
    const last = path.length - 1;
    for (let depth = 0; depth < last; depth++)
      holder = holder[path[depth]!] as Record<string | number, unknown>;
    // `JSON.parse` created the property as an own data property, so plain assignment updates it
    // even for the key "__proto__" (the inherited accessor is never reached: no prototype change).
    holder[path[last]!] = value;
  }
  return result;
}

// The open containers of findUnsafeIntegers, one entry per depth.
interface Frames {
  readonly slot: number[];
  readonly keyEnd: number[];
  readonly keyEscaped: boolean[];
  readonly firstSite: number[];
}

// Index of the quote closing the string that opens at `open`. A quote is escaped when an odd number
// of backslashes precedes it.
function closingQuote(text: string, open: number): number {
  let at = open;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at === -1) return text.length; // only on invalid input; never loop
    let backslash = at - 1;
    while (text.charCodeAt(backslash) === 0x5c) backslash--;
    if (((at - 1 - backslash) & 1) === 0) return at;
  }
}

// The key of the object at `depth`, decoded.
function keyAt(text: string, { slot, keyEnd, keyEscaped }: Frames, depth: number): string {
  const start = slot[depth]!;
  const end = keyEnd[depth]!;
  return keyEscaped[depth] ? (JSON.parse(text.slice(start - 1, end + 1)) as string) : text.slice(start, end);
}

function pathTo(text: string, frames: Frames, depth: number): (string | number)[] {
  const path: (string | number)[] = [];
  for (let d = 0; d <= depth; d++)
    path.push(frames.keyEnd[d]! < 0 ? frames.slot[d]! : keyAt(text, frames, d));
  return path;
}

// Removes the sites recorded under an earlier occurrence of the current key of the object at `depth`.
function dropShadowed(text: string, sites: UnsafeIntegerSite[], frames: Frames, depth: number): void {
  const start = frames.slot[depth]!;
  const length = frames.keyEnd[depth]! - start;
  // Without escapes the raw key is the key: compare in place rather than slicing.
  const decoded = frames.keyEscaped[depth] ? keyAt(text, frames, depth) : undefined;
  let kept = frames.firstSite[depth]!;
  for (let i = kept; i < sites.length; i++) {
    const site = sites[i]!;
    const key = site.path[depth] as string;
    const same =
      decoded === undefined ? key.length === length && text.startsWith(key, start) : key === decoded;
    if (!same) sites[kept++] = site;
  }
  if (kept < sites.length) sites.length = kept;
}
