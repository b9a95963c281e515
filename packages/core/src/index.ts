// @basis/core: what every other Basis package needs, with no I/O.

export type { Clock, TimerHandle } from './clock/clock.js';
export type { VirtualClockErrorType } from './clock/errors.js';
export { VirtualClockError } from './clock/errors.js';
export type { LiveClockOptions } from './clock/liveClock.js';
export { createLiveClock, LiveClock } from './clock/liveClock.js';
export { VirtualClock } from './clock/virtualClock.js';
export { RecentMap } from './collections/recentMap.js';
export type { BasisErrorJson, BasisErrorOptions, BasisErrorType } from './errors/baseError.js';
export { BasisError, basisErrorBrand } from './errors/baseError.js';
export type {
  BinanceErrorCategory,
  BinanceErrorInfo,
  BinanceErrorMarket,
  BinanceErrorRetry,
  BinanceErrorSpec,
  BinanceMarket,
  BinanceMessageArg,
} from './errors/catalog.js';
export {
  BINANCE_ERRORS,
  binanceErrorCategories,
  binanceErrorRetries,
  binanceMarkets,
  defaultRetry,
  formatBinanceMessage,
  formatBinanceTemplate,
  getBinanceError,
} from './errors/catalog.js';
export type {
  HeaderRecord,
  HeadersLike,
  HeaderValue,
  RedactedHeaders,
  Secrets,
  TextRedactor,
} from './errors/redact.js';
export {
  createRedactor,
  isSensitiveKey,
  REDACTED,
  redact,
  redactHeaders,
  redactJson,
  redactObject,
  redactQuery,
  redactText,
  redactUrl,
} from './errors/redact.js';
export { version } from './errors/version.js';
export type { JsonParseErrorParameters, JsonParseErrorType } from './json/errors.js';
export { JsonParseError } from './json/errors.js';
export { parseJson, parseJsonBytes } from './json/parse.js';
export { stringifyJson } from './json/stringify.js';
export { isUnsafeInteger } from './json/unsafeInteger.js';
export type { DecimalInput } from './numeric/decimal.js';
export { Decimal } from './numeric/decimal.js';
export type { DecimalErrorParameters, DecimalErrorRule, DecimalErrorType } from './numeric/decimalError.js';
export { DECIMAL_ERROR_RULES, DecimalError } from './numeric/decimalError.js';
export { countDecimals, isDecimalString } from './numeric/grammar.js';
export type { RoundingMode } from './numeric/rounding.js';
export { assertRoundingMode, divRound, isRoundingMode, ROUNDING_MODES } from './numeric/rounding.js';
export { fromSteps, toSteps } from './numeric/steps.js';
export { exponential, normal, poisson } from './random/distributions.js';
export type { RandomArgumentErrorType } from './random/errors.js';
export { RandomArgumentError } from './random/errors.js';
export type { Rng, RngSeed, RngState } from './random/rng.js';
export { createRng } from './random/rng.js';
export type { InvalidSigningKeyErrorType } from './signing/errors.js';
export { InvalidSigningKeyError } from './signing/errors.js';
export type { Credentials, KeyType } from './signing/keys.js';
export {
  detectKeyType,
  isPemPrivateKey,
  KEY_TYPES,
  keyTypeOf,
  parsePrivateKey,
  parsePublicKey,
} from './signing/keys.js';
export type {
  EncodeParamsOptions,
  Params as SigningParams,
  ParamValue,
  StringifyJson,
  StrippedSignature,
} from './signing/payload.js';
export { encodeParams, restSigningPayload, stripSignature, wsApiSigningPayload } from './signing/payload.js';
export type { Signer } from './signing/sign.js';
export {
  createSigner,
  hmacSha256Hex,
  signatureForQuery,
  signEd25519Base64,
  signRsaBase64,
} from './signing/sign.js';
export type { Verifier, VerifierKey } from './signing/verify.js';
export {
  createVerifier,
  verifyEd25519Base64,
  verifyHmacSha256Hex,
  verifyRsaBase64,
} from './signing/verify.js';
export * from './wire/index.js';
