import { JsonParseError } from './errors.js';

/** Where a text stops being valid JSON, and why. */
export interface JsonErrorLocation {
  /** Offset of the offending character (the text's length when the text ends too early). */
  readonly position: number;
  /** What is wrong there. */
  readonly reason: string;
}

const VALUE = 0;
const PROPERTY_NAME = 1;
const AFTER_VALUE = 2;

/**
 * Finds the first place where `text` breaks the JSON grammar (RFC 8259, as `JSON.parse` reads it),
 * or returns `undefined` for valid JSON. It runs only after `JSON.parse` has failed, to give the error
 * a position: engines report positions inconsistently, and their messages quote the input. It keeps
 * its own stack, so deeply nested input cannot overflow the call stack.
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const length = text.length;
  const inArray: boolean[] = [];
  let mode = VALUE;
  let i = 0;
  for (;;) {
    i = skipWhitespace(text, i);
    if (mode === AFTER_VALUE && inArray.length === 0) {
      return i < length ? fail(text, i, 'unexpected character after the JSON value') : undefined;
    }
    if (i >= length) return { position: length, reason: 'unexpected end of input' };
    const code = text.charCodeAt(i);
    if (mode === VALUE) {
      if (code === 0x7b || code === 0x5b) {
        const close = code === 0x7b ? 0x7d : 0x5d;
        i = skipWhitespace(text, i + 1);
        if (i < length && text.charCodeAt(i) === close) {
          i++;
          mode = AFTER_VALUE;
        } else {
          inArray.push(code === 0x5b);
          mode = code === 0x7b ? PROPERTY_NAME : VALUE;
        }
        continue;
      }
      const end = scanScalar(text, i, code);
      if (typeof end !== 'number') return end;
      i = end;
      mode = AFTER_VALUE;
    } else if (mode === PROPERTY_NAME) {
      if (code !== 0x22) return fail(text, i, 'expected a double-quoted property name');
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = skipWhitespace(text, end);
      if (i >= length) return { position: length, reason: 'unexpected end of input' };
      if (text.charCodeAt(i) !== 0x3a) return fail(text, i, "expected ':' after a property name");
      i++;
      mode = VALUE;
    } else {
      const array = inArray[inArray.length - 1];
      if (code === 0x2c) {
        i++;
        mode = array ? VALUE : PROPERTY_NAME;
      } else if (code === (array ? 0x5d : 0x7d)) {
        inArray.pop();
        i++;
      } else {
        return fail(
          text,
          i,
          array ? "expected ',' or ']' after an array element" : "expected ',' or '}' after a property value",
        );
      }
    }
  }
}

/**
 * The {@link JsonParseError} for a text that `JSON.parse` rejected: its position, line, column and
 * reason come from {@link locateJsonError}.
 */
export function jsonParseError(text: string): JsonParseError {
  // JSON.parse and locateJsonError accept the same grammar; the fallback only guards against a
  // disagreement between them, so the caller still gets a JsonParseError.
  const { position, reason } = locateJsonError(text) ?? { position: 0, reason: 'not valid JSON' };
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < position; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return new JsonParseError({ position, line, column: position - lineStart + 1, reason });
}

function fail(text: string, position: number, reason: string): JsonErrorLocation {
  return { position, reason: `${reason}, found ${describe(text.charCodeAt(position))}` };
}

// One character, safe to print: printable ASCII in quotes, anything else as a code point.
function describe(code: number): string {
  if (code > 0x20 && code < 0x7f) return `'${String.fromCharCode(code)}'`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return i;
    i++;
  }
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

// A string, number or literal starting at `start`: the offset after it, or where it goes wrong.
function scanScalar(text: string, start: number, code: number): number | JsonErrorLocation {
  if (code === 0x22) return scanString(text, start);
  if (code === 0x2d || isDigit(code)) return scanNumber(text, start);
  if (code === 0x74) return scanLiteral(text, start, 'true');
  if (code === 0x66) return scanLiteral(text, start, 'false');
  if (code === 0x6e) return scanLiteral(text, start, 'null');
  return fail(text, start, 'expected a value');
}

function scanString(text: string, open: number): number | JsonErrorLocation {
  const length = text.length;
  let i = open + 1;
  for (;;) {
    if (i >= length) return { position: length, reason: 'unterminated string' };
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return fail(text, i, 'control character in a string (it must be escaped)');
    if (code !== 0x5c) {
      i++;
      continue;
    }
    i++;
    if (i >= length) return { position: length, reason: 'unterminated string' };
    const escaped = text.charCodeAt(i);
    if (escaped === 0x75) {
      for (let k = 1; k <= 4; k++) {
        if (i + k >= length) return { position: length, reason: 'unterminated string' };
        if (!isHexDigit(text.charCodeAt(i + k))) return fail(text, i + k, 'expected 4 hex digits after \\u');
      }
      i += 5;
    } else if (isSimpleEscape(escaped)) {
      i++;
    } else {
      return fail(text, i, 'bad escape sequence');
    }
  }
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46);
}

// The characters allowed after a backslash besides 'u': " \ / b f n r t.
function isSimpleEscape(code: number): boolean {
  return (
    code === 0x22 ||
    code === 0x5c ||
    code === 0x2f ||
    code === 0x62 ||
    code === 0x66 ||
    code === 0x6e ||
    code === 0x72 ||
    code === 0x74
  );
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
function scanNumber(text: string, start: number): number | JsonErrorLocation {
  const length = text.length;
  let i = start;
  if (text.charCodeAt(i) === 0x2d) {
    i++;
    if (i >= length) return { position: length, reason: 'unexpected end of input' };
    if (!isDigit(text.charCodeAt(i))) return fail(text, i, "expected a digit after '-'");
  }
  if (text.charCodeAt(i) === 0x30) {
    i++;
    if (isDigit(text.charCodeAt(i))) return fail(text, i, 'leading zeros are not allowed');
  } else {
    while (isDigit(text.charCodeAt(i))) i++;
  }
  if (text.charCodeAt(i) === 0x2e) {
    i++;
    i = digitsAfter(text, i);
    if (i < 0) return endOrFail(text, ~i, 'expected a digit after the decimal point');
  }
  const exponent = text.charCodeAt(i);
  if (exponent === 0x65 || exponent === 0x45) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    i = digitsAfter(text, i);
    if (i < 0) return endOrFail(text, ~i, 'expected a digit in the exponent');
  }
  return i;
}

// The offset after one or more digits at `from`, or ~from when there is none.
function digitsAfter(text: string, from: number): number {
  if (!isDigit(text.charCodeAt(from))) return ~from;
  let i = from + 1;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

function endOrFail(text: string, position: number, reason: string): JsonErrorLocation {
  return position >= text.length
    ? { position, reason: 'unexpected end of input' }
    : fail(text, position, reason);
}

function scanLiteral(text: string, start: number, word: string): number | JsonErrorLocation {
  for (let k = 0; k < word.length; k++) {
    const at = start + k;
    if (at >= text.length) return { position: text.length, reason: 'unexpected end of input' };
    if (text.charCodeAt(at) !== word.charCodeAt(k)) return fail(text, at, `expected '${word}'`);
  }
  return start + word.length;
}
