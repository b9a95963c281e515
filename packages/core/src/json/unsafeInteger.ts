// The 16 digits of Number.MAX_SAFE_INTEGER (2^53 - 1). An integer literal with more digits, or with 16
// digits that compare greater as text, is outside the safe range (JSON forbids leading zeros).
const MAX_SAFE_DIGITS = '9007199254740991';
const SAFE_DIGIT_COUNT = 16;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * True for a `bigint` outside the safe-integer range (|value| > 2^53 - 1): exactly the values
 * `parseJson` produces for integer literals that `JSON.parse` would round. A bigint inside the safe
 * range (`5n`) is not one: `parseJson` never yields it, it yields the number `5`.
 *
 * @example
 * isUnsafeInteger(parseJson('1152921504606846976')); // true
 * isUnsafeInteger(parseJson('8886774')); // false (the number 8886774)
 */
export function isUnsafeInteger(value: unknown): value is bigint {
  return typeof value === 'bigint' && (value > MAX_SAFE || value < -MAX_SAFE);
}

/**
 * True when the digits `text[start, end)` (no sign, no leading zero) spell an integer above
 * 2^53 - 1. The caller has checked that they are digits.
 */
export function isUnsafeDigits(text: string, start: number, end: number): boolean {
  const count = end - start;
  return count > SAFE_DIGIT_COUNT || (count === SAFE_DIGIT_COUNT && text.slice(start, end) > MAX_SAFE_DIGITS);
}

/**
 * The fast pre-check of `parseJson`: false proves that `text` holds no integer literal of 16 or more
 * digits, so `JSON.parse` alone is exact. True means such a literal may be present (or the text is
 * not valid JSON) and the slow path must look.
 *
 * It looks for a run of 16 digits without reading every character: it tests the last character of
 * a 16-character window and, on a digit, walks back to the first non-digit, then moves the window
 * past it (a run of 16 cannot contain a non-digit), so text without digits costs one read in 16.
 * A run is then kept only if its neighbours could surround a number token (`:` `[` `,` whitespace
 * or the text's edge before, optionally after a `-`; `,` `]` `}` whitespace or the edge after), so
 * long digit runs inside strings (listen keys, `"0.00000000000000001"`) and the digits of floats
 * do not send a payload down the slow path.
 */
export function mayHoldUnsafeInteger(text: string): boolean {
  const length = text.length;
  let end = SAFE_DIGIT_COUNT - 1;
  while (end < length) {
    if (!isDigit(text.charCodeAt(end))) {
      end += SAFE_DIGIT_COUNT;
      continue;
    }
    const first = end - (SAFE_DIGIT_COUNT - 1);
    let at = end - 1;
    while (at >= first && isDigit(text.charCodeAt(at))) at--;
    if (at >= first) {
      end = at + SAFE_DIGIT_COUNT;
      continue;
    }
    // text[first..end] are 16 digits: take the whole run and look at its neighbours.
    let start = first;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    let stop = end + 1;
    while (stop < length && isDigit(text.charCodeAt(stop))) stop++;
    if (canOpenNumber(text, start) && canCloseNumber(text, stop)) return true;
    end = stop + SAFE_DIGIT_COUNT;
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

// Whether the digit run starting at `start` can begin a number token (possibly after a minus sign).
function canOpenNumber(text: string, start: number): boolean {
  let before = start - 1;
  if (before >= 0 && text.charCodeAt(before) === 0x2d) before--;
  if (before < 0) return true;
  const code = text.charCodeAt(before);
  return code === 0x3a || code === 0x5b || code === 0x2c || isJsonWhitespace(code);
}

// Whether the digit run ending before `stop` can end an integer token ('.', 'e', 'E' make it a float).
function canCloseNumber(text: string, stop: number): boolean {
  if (stop >= text.length) return true;
  const code = text.charCodeAt(stop);
  return code === 0x2c || code === 0x5d || code === 0x7d || isJsonWhitespace(code);
}
