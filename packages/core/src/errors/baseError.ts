import { createRedactor, isSensitiveKey, REDACTED, redactObject, type TextRedactor } from './redact.js';
import { version } from './version.js';

/**
 * The brand every {@link BasisError} carries, shared by all copies of the package through the global
 * symbol registry. Its value is the frozen list of class names from the error's own class up to
 * `BasisError`, e.g. `['BinanceApiError', 'BasisError']`.
 */
export const basisErrorBrand: unique symbol = Symbol.for('basis.error');

/** Where `docsPath` points to. */
const DOCS_BASE_URL = 'https://basis.dev/docs/';

/** Bound on cause chains (and on class hierarchies when branding); real chains are a few links long. */
const MAX_CHAIN = 100;

/** Options for {@link BasisError}. */
export interface BasisErrorOptions {
  /**
   * The error this one wraps; kept as the standard `cause` and read by {@link BasisError.walk}.
   * Errors in the chain are scrubbed of secrets in place; a cause that is not an error (a string, a
   * response body) is kept as a redacted copy.
   */
  cause?: unknown;
  /** Technical details; defaults to the cause's details or message. */
  details?: string;
  /** Path of the documentation page, relative to `https://basis.dev/docs/`. */
  docsPath?: string;
  /** Extra lines printed between the short message and the trailer. */
  metaMessages?: readonly string[];
  /**
   * Class name to use instead of the class's own `name` field. Rarely needed: subclasses declare
   * `override name = 'XError' as const`.
   */
  name?: string;
  /**
   * Known secret values (API secret, API key, listen key, a signature) to remove from the message,
   * details, meta lines and the stack, and from the cause chain's messages. Not stored on the error
   * in any readable form.
   */
  secrets?: readonly string[];
}

/** The shape {@link BasisError.toJSON} returns (and `JSON.stringify` prints). */
export interface BasisErrorJson {
  name: string;
  shortMessage: string;
  details?: string;
  docsPath?: string;
  metaMessages?: readonly string[];
  /** A subclass's machine-readable code (Binance's numeric code on API errors). */
  code?: number | string;
  version: string;
  /** Name and message of the direct cause. */
  cause?: unknown;
}

/** A narrowing helper: `BasisError` with its literal `name` (see the `XErrorType` pattern). */
export type BasisErrorType = BasisError & { name: 'BasisError' };

type ErrorLike = { message?: unknown; cause?: unknown };

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function brandOf(value: unknown): readonly string[] | undefined {
  if (!isObject(value)) return undefined;
  const brand = (value as { [basisErrorBrand]?: unknown })[basisErrorBrand];
  return Array.isArray(brand) ? (brand as readonly string[]) : undefined;
}

/** Class names from `target` up to (and including) the first class named by `stop`. */
function classNames(target: unknown, stop: unknown): readonly string[] {
  const names: string[] = [];
  let current = target;
  for (let level = 0; level < MAX_CHAIN && typeof current === 'function'; level++) {
    names.push(current.name);
    if (current === stop) break;
    current = Object.getPrototypeOf(current);
  }
  return Object.freeze(names);
}

/**
 * Redacts the header of a stack (`Name: message`, possibly several lines), not its frames: frames name
 * functions and files, and redacting a long stack costs far more than its header.
 */
function cleanStack(stack: string, clean: TextRedactor): string {
  const firstFrame = stack.search(/\n\s+at /);
  return firstFrame < 0 ? clean(stack) : clean(stack.slice(0, firstFrame)) + stack.slice(firstFrame);
}

/** Rewrites, in place, string fields of one error in a cause chain that still carry secrets. */
function scrubOne(target: object, clean: TextRedactor): void {
  for (const key of Object.getOwnPropertyNames(target)) {
    if (key === 'cause') continue;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor === undefined || !('value' in descriptor) || descriptor.writable !== true) continue;
    const value: unknown = descriptor.value;
    let next: unknown = value;
    if (typeof value === 'string') {
      if (key === 'stack') next = cleanStack(value, clean);
      else next = isSensitiveKey(key) ? REDACTED : clean(value);
    } else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      const cleaned = value.map(clean);
      if (cleaned.some((item, index) => item !== value[index])) next = Object.freeze(cleaned);
    }
    if (next !== value) {
      try {
        (target as Record<string, unknown>)[key] = next;
      } catch {
        // A frozen foreign error: its text is redacted again wherever this error reads it.
      }
    }
  }
}

function isErrorLike(value: unknown): value is Error {
  return (
    value instanceof Error ||
    Object.prototype.toString.call(value) === '[object Error]' ||
    brandOf(value) !== undefined
  );
}

/**
 * Makes a cause safe to print. Errors are scrubbed in place with their whole chain (messages, stacks,
 * other own string fields): Node's `util.inspect` prints every cause's stack, so a secret left in a
 * wrapped error would be printed with the wrapper. Only secret substrings change. Any other object is
 * replaced by a redacted copy, since rewriting the caller's data (a config with the live API key) in
 * place would break it; strings are redacted.
 */
function sanitizeCause(cause: unknown, clean: TextRedactor): unknown {
  if (typeof cause === 'string') return clean(cause);
  if (!isObject(cause)) return cause;
  if (!isErrorLike(cause)) return redactObject(cause, clean);
  const seen = new Set<object>();
  let current: Error = cause;
  for (let depth = 0; depth < MAX_CHAIN && !seen.has(current); depth++) {
    seen.add(current);
    scrubOne(current, clean);
    const next: unknown = current.cause;
    if (isErrorLike(next)) {
      current = next;
      continue;
    }
    if (next !== undefined) {
      try {
        current.cause = sanitizeCause(next, clean);
      } catch {
        // A frozen error keeps its cause; nothing else can be done without replacing the error.
      }
    }
    break;
  }
  return cause;
}

function detailsOf(cause: unknown): string | undefined {
  if (typeof cause === 'string') return cause;
  if (!isObject(cause)) return undefined;
  if (brandOf(cause) !== undefined) {
    const { details, shortMessage } = cause as { details?: unknown; shortMessage?: unknown };
    if (typeof details === 'string') return details;
    if (typeof shortMessage === 'string') return shortMessage;
  }
  const { message } = cause as ErrorLike;
  return typeof message === 'string' && message.length > 0 ? message : undefined;
}

function docsPathOf(cause: unknown): string | undefined {
  if (brandOf(cause) === undefined) return undefined;
  const { docsPath } = cause as { docsPath?: unknown };
  return typeof docsPath === 'string' ? docsPath : undefined;
}

function composeMessage(
  shortMessage: string,
  metaMessages: readonly string[] | undefined,
  docsPath: string | undefined,
  details: string | undefined,
): string {
  const lines = [shortMessage, ''];
  if (metaMessages !== undefined && metaMessages.length > 0) lines.push(...metaMessages, '');
  if (docsPath !== undefined) lines.push(`Docs: ${DOCS_BASE_URL}${docsPath.replace(/^\/+/, '')}`);
  if (details !== undefined) lines.push(`Details: ${details}`);
  lines.push(`Version: ${version}`);
  return lines.join('\n');
}

/**
 * The single root of every Basis error.
 *
 * The message is composed from parts: the short message, a blank line, the meta lines (then a blank
 * line), `Docs: https://basis.dev/docs/<docsPath>`, `Details: ...` and `Version: ...`.
 *
 * Secrets never print. Every part (and the cause chain's messages and stacks, rewritten in place) is
 * redacted by key (`signature=...`, `X-MBX-APIKEY: ...`, `"apiKey":"..."`, see `redact.ts`) and by
 * value for the `secrets` option. The stack is captured with the already redacted message.
 *
 * `instanceof` works across duplicate copies of the package (two versions in `node_modules`): every
 * instance carries the {@link basisErrorBrand} with its class names, and `Symbol.hasInstance` accepts a
 * branded value from another copy when its class names include the tested class's name. Subclass
 * checks stay exact: a plain `BasisError` is not an instance of any subclass.
 *
 * Subclasses declare a literal name and usually a type for narrowing (a class that is itself extended
 * types its name as `string`, so its subclasses can set theirs):
 *
 * @example
 * export type HttpRequestErrorType = HttpRequestError & { name: 'HttpRequestError' };
 * export class HttpRequestError extends BasisError {
 *   override name = 'HttpRequestError' as const;
 *   constructor(url: string, options: { cause?: unknown; secrets?: readonly string[] } = {}) {
 *     super('HTTP request failed.', { ...options, metaMessages: [`URL: ${url}`], docsPath: 'errors#http' });
 *   }
 * }
 */
export class BasisError extends Error {
  /** The first line of the message, without meta lines, docs link, details or version. */
  readonly shortMessage: string;
  /** Technical details: the `details` option, else the cause's details or message. Redacted. */
  readonly details: string | undefined;
  /** Documentation path relative to `https://basis.dev/docs/`, if any (taken from a Basis cause). */
  readonly docsPath: string | undefined;
  /** Extra message lines, redacted. */
  readonly metaMessages: readonly string[] | undefined;
  /** The package version that created the error, e.g. `'@basis/core@0.1.0'`. */
  readonly version: string = version;
  /** The class name; every subclass sets its own literal. */
  override name = 'BasisError';
  /** The redactor built from the `secrets` option; private, so neither `inspect` nor JSON shows it. */
  readonly #clean: TextRedactor;

  constructor(shortMessage: string, options: BasisErrorOptions = {}) {
    const clean = createRedactor(options.secrets);
    const cause = options.cause === undefined ? undefined : sanitizeCause(options.cause, clean);
    const short = clean(shortMessage) || 'An error occurred.';
    const rawDetails = options.details ?? detailsOf(cause);
    const details = rawDetails === undefined ? undefined : clean(rawDetails);
    const metaMessages =
      options.metaMessages === undefined ? undefined : Object.freeze(options.metaMessages.map(clean));
    const docsPath = options.docsPath ?? docsPathOf(cause);
    super(
      composeMessage(short, metaMessages, docsPath, details),
      cause === undefined ? undefined : { cause },
    );
    this.shortMessage = short;
    this.details = details;
    this.docsPath = docsPath;
    this.metaMessages = metaMessages;
    this.#clean = clean;
    if (options.name !== undefined) this.name = options.name;
    Object.defineProperty(this, basisErrorBrand, { value: classNames(new.target, BasisError) });
  }

  /**
   * `instanceof` that also recognises errors created by another copy of this package. Same-copy
   * instances are checked the ordinary way (prototype chain); a value from another copy must carry the
   * brand, and for a subclass its brand must list the subclass's name.
   */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (
      ...args: never[]
    ) => T,
    value: unknown,
  ): value is T {
    // `this` is the class right of `instanceof`: a subclass when the method is inherited.
    if (!isObject(value)) return false;
    // biome-ignore lint/complexity/noThisInStatic: the tested class, not BasisError.
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const brand = brandOf(value);
    if (brand === undefined) return false;
    // Every branded value is a BasisError, whatever its class names are called after bundling.
    // biome-ignore lint/complexity/noThisInStatic: the tested class, not BasisError.
    return (this as unknown) === BasisError || brand.includes(this.name);
  }

  /**
   * Follows the `cause` chain, starting with this error.
   *
   * Without `fn`, returns the deepest value of the chain (this error if it has no cause). With `fn`,
   * returns the first value for which `fn` returns true, or `null`. Cycles end the walk.
   *
   * @example
   * const rejected = error.walk((e) => e instanceof BinanceApiError);
   */
  walk(): unknown;
  walk<T>(fn: (error: unknown) => error is T): T | null;
  walk(fn: (error: unknown) => boolean): unknown;
  walk(fn?: (error: unknown) => boolean): unknown {
    const seen = new Set<unknown>();
    let current: unknown = this;
    for (let depth = 0; depth < MAX_CHAIN; depth++) {
      if (fn?.(current)) return current;
      seen.add(current);
      const next = isObject(current) ? (current as ErrorLike).cause : undefined;
      if (next === undefined || seen.has(next)) break;
      current = next;
    }
    return fn === undefined ? current : null;
  }

  /**
   * A plain, redacted object for `JSON.stringify` and structured loggers: name, short message,
   * details, meta lines, docs path, a subclass's `code` if present, version, and the direct cause's
   * name and message.
   */
  toJSON(): BasisErrorJson {
    const json: BasisErrorJson = { name: this.name, shortMessage: this.shortMessage, version: this.version };
    if (this.details !== undefined) json.details = this.details;
    if (this.docsPath !== undefined) json.docsPath = this.docsPath;
    if (this.metaMessages !== undefined) json.metaMessages = this.metaMessages;
    const { code } = this as { code?: unknown };
    if (typeof code === 'number' || typeof code === 'string') json.code = code;
    const { cause } = this;
    if (cause !== undefined) {
      json.cause = isErrorLike(cause)
        ? { name: cause.name, message: this.#clean(String(cause.message)) }
        : redactObject(cause, this.#clean);
    }
    return redactObject(json, this.#clean) as BasisErrorJson;
  }

  /**
   * Redacts a string with the secrets given to this error's constructor plus the known-key patterns.
   * For subclasses that keep extra fields (a URL, a request body) on the instance.
   */
  protected redactString(text: string): string {
    return this.#clean(text);
  }
}
