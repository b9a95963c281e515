/**
 * Redaction: removes credentials from anything about to be shown in an error message, a log line or
 * a JSON dump. Parameter and header names stay visible (`signature=[REDACTED]`), only values go.
 *
 * Two mechanisms work together:
 * - known keys: values of `signature`, `apiKey`, `listenKey`, `X-MBX-APIKEY`, `Authorization`,
 *   `Cookie`, anything containing `secret`, `privateKey`, `password` or `passphrase` (see
 *   {@link isSensitiveKey}), in query strings, form bodies, URLs, headers, JSON and free text;
 * - known values: secrets registered by the caller ({@link redactText}, {@link createRedactor}) are
 *   replaced wherever they appear, raw or percent-encoded.
 *
 * The functions are pure and keep no state; regular expressions are module constants.
 *
 * @module
 */

/** The marker that replaces every redacted value. */
export const REDACTED = '[REDACTED]';

/** Lower-case, alphanumeric-only key names whose values are always credentials. */
const SENSITIVE_EXACT: ReadonlySet<string> = new Set([
  'signature',
  'apikey',
  'xmbxapikey',
  'listenkey',
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'token',
  'accesstoken',
  'refreshtoken',
  'credential',
  'credentials',
]);

/** Fragments that make any key name sensitive (`apiSecret`, `secret_key`, `privateKeyPem`, ...). */
const SENSITIVE_FRAGMENTS: readonly string[] = ['secret', 'privatekey', 'password', 'passphrase'];

/**
 * A URL path segment this long and purely alphanumeric is taken for a credential: Binance listen keys
 * (64 characters) travel in paths such as `/ws/<listenKey>`. 40 stays above the 36-character maximum
 * of a client order id, so ids stay readable.
 */
const PATH_TOKEN_MIN = 40;
const PATH_TOKEN = new RegExp(`^[A-Za-z0-9]{${PATH_TOKEN_MIN},}$`);
const PATH_SEGMENT_TOKEN = new RegExp(`(?<=/)[A-Za-z0-9]{${PATH_TOKEN_MIN},}(?=/|$)`, 'g');

/** Bound for nested structures in {@link redactObject}; deeper values become `'[Truncated]'`. */
const MAX_DEPTH = 32;

/**
 * Whether a key (query parameter, header, JSON property) holds a credential.
 *
 * Matching ignores case and every non-alphanumeric character, so `X-MBX-APIKEY`, `x_mbx_apikey`,
 * `api_key`, `apiKey` and `API-KEY` are all the same key.
 *
 * @example
 * isSensitiveKey('X-MBX-APIKEY'); // true
 * isSensitiveKey('api_secret'); // true
 * isSensitiveKey('symbol'); // false
 */
export function isSensitiveKey(name: string): boolean {
  const normalized = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (normalized.length === 0) return false;
  if (SENSITIVE_EXACT.has(normalized)) return true;
  return SENSITIVE_FRAGMENTS.some((fragment) => normalized.includes(fragment));
}

/** Decodes ASCII percent-escapes (up to three layers, for double-encoded names); never throws. */
function decodeAscii(text: string): string {
  let current = text;
  for (let layer = 0; layer < 3 && current.includes('%'); layer++) {
    const next = current.replace(/%([0-7][0-9A-Fa-f])/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Whether an encoded parameter name is sensitive. Only its last word counts, so a name that swallowed
 * an encoded prefix (`https%3A%2F%2Fhost%2Fpath%3Fsignature`) is still recognised.
 */
function isSensitiveParamName(raw: string): boolean {
  const words = decodeAscii(raw.replace(/\+/g, ' '))
    .split(/[^A-Za-z0-9_-]+/)
    .filter((word) => word.length > 0);
  const last = words[words.length - 1];
  return last !== undefined && isSensitiveKey(last);
}

// --- free-text patterns -------------------------------------------------------------------------

/** An absolute URL inside text (schemes are short; the cap keeps the scan linear). */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s"'<>`]+/gi;

/**
 * A quoted key followed by `:` or `=` and a value: JSON (`"apiKey":"..."`), JSON escaped inside a
 * JSON string (`\"apiKey\":\"...\"`), and JS literals (`'secret': '...'`).
 * Groups: 1 key quote, 2 key, 3 separator, 4 value quote, 5 quoted value, 6 bare value.
 */
const QUOTED_KEY_VALUE =
  /(\\{0,3}["'])([^"'\\\r\n]{1,64})\1([ \t]*[:=][ \t]*)(?:(\\{0,3}["'])(.*?)\4|([^\s,;&{}[\]()"'\\][^\s,;&}\])"'\\]*))/g;

/**
 * `name=value` pairs as in query strings and form bodies, also percent-encoded once or twice
 * (`name%3Dvalue%26...`, a URL inside another URL's parameter).
 *
 * A name starts at the beginning, after a character that cannot be part of a name, right after a
 * `%XX`/`%25XX` escape (so `%26signature` reads as `&signature`; `%25` itself counts as the first
 * half of a double escape), or after a `%` that starts no
 * escape. It may not contain an encoded `=` or `&`, and is capped at 256 characters: both keep the
 * scan linear on long inputs. A value that is already `[REDACTED]` is taken whole, so redaction is
 * idempotent. Groups: 1 name, 2 separator, 3 value.
 */
const QUERY_PAIR =
  /(?:(?<=^|[^A-Za-z0-9_.[\]%-]|%(?!25)[0-9A-Fa-f]{2}|%25[0-9A-Fa-f]{2})|(?<=%)(?![0-9A-Fa-f]{2}))((?:[A-Za-z0-9_.[\]-]|%(?!3[Dd]|26|25(?:3[Dd]|26))[0-9A-Fa-f]{2}){1,256})(=|%3[Dd]|%253[Dd])(\[REDACTED\]|"[^"\r\n]*"|'[^'\r\n]*'|(?:(?!%26|%2526)[^&\s#"'<>,;)\]}])*)/g;

/**
 * An unquoted `name: value` pair (HTTP header lines, `util.inspect` output, YAML).
 * Groups: 1 name, 2 separator, 3 value quote, 4 quoted value, 5 bare value.
 */
const COLON_PAIR = /(?<![\w\-"'\\%])([A-Za-z][\w-]*)([ \t]*:[ \t]*)(?:(["'])([^\r\n]*?)\3|([^\s,;'"]+))/g;

/** `Authorization:`/`Cookie:` header lines with an unquoted value: the whole rest of the line goes. */
const WHOLE_LINE_HEADER =
  /(?<![\w-])((?:proxy-)?authorization|(?:set-)?cookie)([ \t]*:[ \t]*)([^\s'"][^\r\n]*)/gi;

/** An HTTP authentication scheme followed by its token. */
const AUTH_SCHEME = /\b(Bearer|Basic|Digest)([ \t]+)[A-Za-z0-9\-._~+/]{16,}=*/g;

/** A long alphanumeric path segment (a listen key) inside text: `/ws/<listenKey>`. */
const PATH_TOKEN_IN_TEXT = new RegExp(`(?<=/)[A-Za-z0-9]{${PATH_TOKEN_MIN},}(?=$|[/?#\\s"'<>),\\]}])`, 'g');

/** Unquoted colon-style values shorter than this are prose ("bad signature: the ..."), not keys. */
const COLON_VALUE_MIN = 8;

function redactQueryPairs(text: string): string {
  return text.replace(QUERY_PAIR, (match, name: string, separator: string, value: string) => {
    if (value.length === 0 || value === REDACTED) return match;
    if (isSensitiveParamName(name)) return `${name}${separator}${REDACTED}`;
    if (decodeAscii(name) === 'streams') return `${name}${separator}${redactStreamList(value)}`;
    // A value may itself carry an encoded URL or query; it is strictly shorter, so this terminates.
    const inner = value.includes('=') || value.includes('%') ? redactQueryPairs(value) : value;
    return `${name}${separator}${inner}`;
  });
}

/**
 * Applies every known-key pattern to free text. Secret values are handled by {@link createRedactor}.
 */
function redactPatterns(text: string): string {
  let out = text.replace(URL_IN_TEXT, (url) => redactUrl(url));
  out = out.replace(
    QUOTED_KEY_VALUE,
    (
      match,
      keyQuote: string,
      key: string,
      separator: string,
      valueQuote?: string,
      quoted?: string,
      bare?: string,
    ) => {
      if (!isSensitiveKey(key)) return match;
      if (valueQuote !== undefined && quoted !== undefined) {
        return `${keyQuote}${key}${keyQuote}${separator}${valueQuote}${REDACTED}${valueQuote}`;
      }
      if (bare === undefined || bare === 'null') return match;
      return `${keyQuote}${key}${keyQuote}${separator}${keyQuote}${REDACTED}${keyQuote}`;
    },
  );
  out = redactQueryPairs(out);
  out = out.replace(
    WHOLE_LINE_HEADER,
    (_, name: string, separator: string) => `${name}${separator}${REDACTED}`,
  );
  out = out.replace(
    COLON_PAIR,
    (match, name: string, separator: string, quote?: string, quoted?: string, bare?: string) => {
      if (!isSensitiveKey(name)) return match;
      if (quote !== undefined && quoted !== undefined)
        return `${name}${separator}${quote}${REDACTED}${quote}`;
      if (bare === undefined || bare.length < COLON_VALUE_MIN || bare === REDACTED) return match;
      return `${name}${separator}${REDACTED}`;
    },
  );
  out = out.replace(AUTH_SCHEME, (_, scheme: string, space: string) => `${scheme}${space}${REDACTED}`);
  return out.replace(PATH_TOKEN_IN_TEXT, REDACTED);
}

// --- URLs and queries -----------------------------------------------------------------------------

/** Redacts listen-key-like entries of a combined-stream list (`streams=<listenKey>/btcusdt@depth`). */
function redactStreamList(value: string): string {
  return value
    .split(/(\/|%2[Ff])/)
    .map((part) => (PATH_TOKEN.test(part) ? REDACTED : part))
    .join('');
}

function redactQueryPair(pair: string): string {
  const eq = pair.indexOf('=');
  if (eq < 0) return redactQueryPairs(pair);
  const name = pair.slice(0, eq);
  const value = pair.slice(eq + 1);
  if (isSensitiveParamName(name)) return `${name}=${REDACTED}`;
  if (decodeAscii(name) === 'streams') return `${name}=${redactStreamList(value)}`;
  if (value.includes('%') || value.includes('+')) {
    // Structured values (batchOrders JSON, nested URLs) are percent-encoded: look inside the decoded
    // form and, if something had to go, show the decoded form.
    const decoded = decodeAscii(value.replace(/\+/g, ' '));
    const redacted = redactPatterns(decoded);
    if (redacted !== decoded) return `${name}=${redacted}`;
  }
  return `${name}=${redactQueryPairs(value)}`;
}

/**
 * Redacts a query string or an `application/x-www-form-urlencoded` body.
 *
 * Values of sensitive parameters ({@link isSensitiveKey}: `signature`, `apiKey`, `listenKey`,
 * `secret*`, ...) become `[REDACTED]`; names stay, also when percent-encoded (`%73ignature`).
 * A leading `?` is kept. Listen keys inside a `streams=` list are redacted too.
 *
 * @example
 * redactQuery('symbol=BTCUSDT&timestamp=1591702613943&signature=3c66...');
 * // 'symbol=BTCUSDT&timestamp=1591702613943&signature=[REDACTED]'
 */
export function redactQuery(query: string): string {
  const lead = query.startsWith('?') ? '?' : '';
  const body = query.slice(lead.length);
  if (body.length === 0) return query;
  return lead + body.split('&').map(redactQueryPair).join('&');
}

/**
 * Redacts a URL (absolute or a bare path): user info (`https://user:pass@host`), sensitive query and
 * fragment parameters, and listen-key-like path segments (`/ws/<listenKey>`).
 *
 * The URL is not parsed or normalised, so everything else prints exactly as given.
 *
 * @example
 * redactUrl('wss://fstream.binance.com/ws/pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1');
 * // 'wss://fstream.binance.com/ws/[REDACTED]'
 */
export function redactUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = beforeHash.indexOf('?');
  let base = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  base = base.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, `$1${REDACTED}@`);
  base = base.replace(PATH_SEGMENT_TOKEN, REDACTED);
  const query = queryAt >= 0 ? `?${redactQuery(beforeHash.slice(queryAt + 1))}` : '';
  const fragment = hashAt >= 0 ? `#${redactQuery(url.slice(hashAt + 1))}` : '';
  return base + query + fragment;
}

// --- free text with known secrets ---------------------------------------------------------------

/** A text redactor, as returned by {@link createRedactor}. */
export type TextRedactor = (text: string) => string;

/**
 * Known secret values to redact, or a redactor already built from them with {@link createRedactor}
 * (cheaper when the same secrets are applied many times).
 */
export type Secrets = readonly string[] | TextRedactor;

function toRedactor(secrets: Secrets): TextRedactor {
  return typeof secrets === 'function' ? secrets : createRedactor(secrets);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every form in which a secret may be printed: raw, percent-encoded (once or twice), JSON-escaped. */
function secretForms(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  const forms = [secret, encoded, encodeURIComponent(encoded), JSON.stringify(secret).slice(1, -1)];
  return forms.filter((form) => form.length > 0);
}

/**
 * Builds a text redactor for a fixed set of known secret values. Use it when the same secrets are
 * applied to many strings (an error's message, details, meta lines and stack).
 *
 * The redactor replaces each secret (raw, percent-encoded once or twice, JSON-escaped; ignoring case, since
 * Binance's hex signatures are case-insensitive) and then applies the known-key patterns of
 * {@link redactText}. Empty strings in `secrets` are ignored.
 *
 * @example
 * const clean = createRedactor([apiSecret, apiKey]);
 * logger.warn(clean(message));
 */
export function createRedactor(secrets: readonly string[] = []): TextRedactor {
  const forms = [...new Set(secrets.filter((secret) => secret.length > 0).flatMap(secretForms))];
  if (forms.length === 0) return redactPatterns;
  // Longest first, so a secret that contains another is replaced whole.
  forms.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'gi');
  return (text) => redactPatterns(text.replace(pattern, REDACTED));
}

/**
 * Redacts free text: known `secrets` wherever they appear, then every known-key pattern: URLs
 * ({@link redactUrl}), `key=value` pairs (also percent-encoded), JSON and JS-literal properties,
 * header lines (`X-MBX-APIKEY: ...`, `Authorization: ...`, `Cookie: ...`), `Bearer` tokens and
 * listen keys in paths.
 *
 * An unquoted `name: value` pair is only redacted when the value has at least 8 characters, so prose
 * such as "bad signature: the server refused" stays readable; real keys are far longer.
 *
 * @example
 * redactText('POST /fapi/v1/order?symbol=BTCUSDT&signature=3c66 failed', []);
 * // 'POST /fapi/v1/order?symbol=BTCUSDT&signature=[REDACTED] failed'
 */
export function redactText(text: string, secrets: Secrets = []): string {
  return toRedactor(secrets)(text);
}

/**
 * Redacts a JSON text (a request or response body, a WebSocket API frame) without parsing it, so
 * large integers and formatting survive: string and scalar values of sensitive properties become
 * `"[REDACTED]"`, at any depth. Also accepts text that is not valid JSON.
 *
 * @example
 * redactJson('{"method":"session.logon","params":{"apiKey":"vmPUZE6m","signature":"1cf5"}}');
 * // '{"method":"session.logon","params":{"apiKey":"[REDACTED]","signature":"[REDACTED]"}}'
 */
export function redactJson(text: string, secrets: Secrets = []): string {
  return toRedactor(secrets)(text);
}

// --- headers --------------------------------------------------------------------------------------

/** A header value as Node's `IncomingHttpHeaders`/`OutgoingHttpHeaders` hold it. */
export type HeaderValue = string | number | readonly string[] | undefined;

/** Headers as a plain record. */
export type HeaderRecord = Readonly<Record<string, HeaderValue>>;

/** Anything that enumerates headers like the Fetch `Headers` class (or a `Map<string, string>`). */
export interface HeadersLike {
  forEach(callback: (value: string, name: string) => void): void;
}

/** Redacted headers: a plain record with the original names. */
export type RedactedHeaders = Record<string, string | string[] | undefined>;

function isHeadersLike(value: unknown): value is HeadersLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { forEach?: unknown }).forEach === 'function' &&
    !Array.isArray(value)
  );
}

function redactHeaderValue(name: string, value: HeaderValue, clean: TextRedactor) {
  if (value === undefined) return undefined;
  const sensitive = isSensitiveKey(name);
  const one = (item: string | number) => (sensitive ? REDACTED : clean(String(item)));
  return typeof value === 'string' || typeof value === 'number' ? one(value) : value.map(one);
}

/**
 * Redacts request or response headers. Credential headers (`X-MBX-APIKEY`, `Authorization`,
 * `Proxy-Authorization`, `Cookie`, `Set-Cookie`, matched case-insensitively) become `[REDACTED]`;
 * other values are redacted as text (a `Location` header may carry a signed URL).
 *
 * Accepts a plain record or anything with a `Headers`-style `forEach` (Fetch `Headers`, a `Map`).
 * Returns a new plain record; the input is not changed.
 *
 * @example
 * redactHeaders({ 'X-MBX-APIKEY': apiKey, 'content-type': 'application/json' });
 * // { 'X-MBX-APIKEY': '[REDACTED]', 'content-type': 'application/json' }
 */
export function redactHeaders(headers: HeaderRecord | HeadersLike, secrets: Secrets = []): RedactedHeaders {
  const clean = toRedactor(secrets);
  const out: RedactedHeaders = {};
  if (isHeadersLike(headers)) {
    headers.forEach((value, name) => {
      out[name] = redactHeaderValue(name, value, clean);
    });
    return out;
  }
  for (const [name, value] of Object.entries(headers)) out[name] = redactHeaderValue(name, value, clean);
  return out;
}

// --- structured values ----------------------------------------------------------------------------

function redactStructured(value: unknown, clean: TextRedactor, depth: number, path: Set<object>): unknown {
  if (typeof value === 'string') return clean(value);
  if (typeof value !== 'object' || value === null) return value;
  if (path.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (value instanceof URL) return redactUrl(clean(value.href));
  if (value instanceof URLSearchParams) return redactQuery(clean(value.toString()));
  if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value)) return value;
  const recurse = (item: unknown) => redactStructured(item, clean, depth + 1, path);
  const entry = (key: unknown, item: unknown) =>
    typeof key === 'string' && isSensitiveKey(key) && item !== null && item !== undefined
      ? REDACTED
      : recurse(item);
  path.add(value);
  try {
    if (Array.isArray(value)) return value.map(recurse);
    if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, entry(key, item)]));
    if (value instanceof Set) return new Set([...value].map(recurse));
    if (!(value instanceof Error) && isHeadersLike(value)) {
      const out: Record<string, unknown> = {};
      value.forEach((item, key) => {
        out[key] = entry(key, item);
      });
      return out;
    }
    const out: Record<string, unknown> = {};
    if (value instanceof Error) {
      // Own `name`/`message` are not enumerable on errors; show them explicitly.
      out.name = value.name;
      out.message = clean(value.message);
    }
    for (const [key, item] of Object.entries(value)) out[key] = entry(key, item);
    return out;
  } finally {
    path.delete(value);
  }
}

/**
 * Deeply redacts a structured value: a parsed JSON body, WebSocket API `params`, a config object, an
 * error's extra fields. Properties with sensitive names ({@link isSensitiveKey}: `signature`,
 * `apiKey`, `secret*`, `privateKey`, `listenKey`, ...) become `'[REDACTED]'` at any depth unless they
 * are `null`/`undefined`; every other string is redacted as text ({@link redactText}).
 *
 * Returns a copy made of plain objects, arrays, `Map`s and `Set`s (class instances lose their
 * prototype, `URL`s become strings); the input is not changed. Cycles print as `'[Circular]'`,
 * nesting deeper than 32 levels as `'[Truncated]'`.
 */
export function redactObject(value: unknown, secrets: Secrets = []): unknown {
  return redactStructured(value, toRedactor(secrets), 0, new Set());
}

/**
 * Redacts any value for display: strings as text ({@link redactText}), `URL`s and `URLSearchParams`
 * as URLs and queries, `Headers`-like objects as headers, everything else deeply, as
 * {@link redactObject} does.
 *
 * @example
 * redact({ url: signedUrl, headers: { 'X-MBX-APIKEY': apiKey } }, [apiSecret]);
 */
export function redact(value: unknown, secrets: Secrets = []): unknown {
  // redactObject already dispatches on the type; this is the name to reach for when it is unknown.
  return redactObject(value, secrets);
}
