import { BasisError } from '../errors/baseError.js';

/** Parameters of {@link JsonParseError}. */
export type JsonParseErrorParameters = {
  /** Offset of the offending character in the text, in UTF-16 code units; the text's length when it ends too early. */
  position: number;
  /** 1-based line of `position` (lines end at `\n`). */
  line: number;
  /** 1-based column of `position`, in UTF-16 code units. */
  column: number;
  /** What is wrong there, for example `expected a value, found '}'`. */
  reason: string;
};

/**
 * Thrown by `parseJson` and `parseJsonBytes` for text that is not valid JSON: exactly the texts that
 * `JSON.parse` rejects. The message names the position and the reason but never quotes the input
 * beyond the one offending character, so a payload carrying a listen key or a signature does not end
 * up in logs (the engine's own `SyntaxError` quotes the text, so it is not kept as the cause).
 *
 * @example
 * try {
 *   parseJson('{"a":1,}');
 * } catch (error) {
 *   if (error instanceof JsonParseError) error.position; // 7
 *   // error.shortMessage: "Invalid JSON at line 1 column 8 (position 7): expected a double-quoted property name, found '}'"
 * }
 */
export class JsonParseError extends BasisError {
  override name = 'JsonParseError' as const;
  /** Offset of the offending character, in UTF-16 code units; the text's length when it ends too early. */
  readonly position: number;
  /** 1-based line of `position`. */
  readonly line: number;
  /** 1-based column of `position`. */
  readonly column: number;
  /** What is wrong at `position`. */
  readonly reason: string;

  /** @param parameters where the text breaks the grammar and why; see {@link JsonParseErrorParameters}. */
  constructor({ position, line, column, reason }: JsonParseErrorParameters) {
    super(`Invalid JSON at line ${line} column ${column} (position ${position}): ${reason}`);
    this.position = position;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** Narrows a caught error to {@link JsonParseError} by its `name`. */
export type JsonParseErrorType = JsonParseError & { name: 'JsonParseError' };
