/**
 * Signature verification for the local exchange.
 *
 * Decoding rule: the server decodes the `signature` parameter with `decodeURIComponent` (see
 * `stripSignature`), so a client that percent-encoded its base64 (`%2B`) arrives as `+`. A server or
 * client that applied the form rule instead (`+` means space) turns `+` into ` `; since a space is
 * never valid base64, the base64 verifiers read every space as `+`. That accepts both decodings and
 * nothing else. HMAC signatures are hex, which neither rule touches.
 */
import type { KeyObject } from 'node:crypto';
import { InvalidSigningKeyError } from './errors.js';
import { type KeyType, keyTypeOf, parsePublicKey } from './keys.js';
import { nodeCrypto } from './nodeCrypto.js';

/** The key a {@link Verifier} checks against: an HMAC secret, or an Ed25519/RSA public key. */
export type VerifierKey =
  | { readonly type: 'HMAC'; readonly secret: string }
  | { readonly type: 'ED25519' | 'RSA'; readonly publicKey: string | KeyObject };

/** Checks signatures made with one prepared key. */
export interface Verifier {
  /** The scheme checked. */
  readonly keyType: KeyType;
  /**
   * Whether `signature` (hex for HMAC, base64 for ED25519/RSA, as decoded from the request) is a
   * valid signature of `payload`. Never throws on malformed signatures; returns false.
   */
  verify(payload: string, signature: string): boolean;
}

const HEX_SHA256_LENGTH = 64;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes standard base64 (padding optional, spaces read as `+`); undefined if malformed. */
function decodeBase64Signature(signature: string): Buffer | undefined {
  const text = signature.includes(' ') ? signature.replaceAll(' ', '+') : signature;
  if (text.length === 0 || !BASE64.test(text)) return undefined;
  const padded = text.endsWith('=');
  const body = padded ? text.replace(/=+$/, '') : text;
  if ((padded && text.length % 4 !== 0) || body.length % 4 === 1) return undefined;
  return Buffer.from(text, 'base64');
}

function hmacEquals(secret: string | KeyObject, payload: string, signatureHex: string): boolean {
  if (signatureHex.length !== HEX_SHA256_LENGTH) return false;
  const expected = nodeCrypto().createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
  // Compared as text, every character whatever the mismatches (constant time), without decoding the
  // signature into a buffer: this runs on every signed request. `expected` is lower-case hex, so
  // upper-case A-F are folded and any other character differs from it.
  let difference = 0;
  for (let i = 0; i < HEX_SHA256_LENGTH; i++) {
    const code = signatureHex.charCodeAt(i);
    difference |= (code >= 0x41 && code <= 0x46 ? code | 0x20 : code) ^ expected.charCodeAt(i);
  }
  return difference === 0;
}

function asymmetricEquals(
  key: KeyObject,
  keyType: 'ED25519' | 'RSA',
  payload: string,
  signature: string,
): boolean {
  const bytes = decodeBase64Signature(signature);
  if (bytes === undefined) return false;
  const data = Buffer.from(payload, 'utf8');
  const { constants, verify } = nodeCrypto();
  try {
    return keyType === 'ED25519'
      ? verify(null, data, key, bytes)
      : verify('sha256', data, { key, padding: constants.RSA_PKCS1_PADDING }, bytes);
  } catch {
    return false;
  }
}

function publicKeyOf(key: string | KeyObject, expected: 'ED25519' | 'RSA'): KeyObject {
  const parsed = parsePublicKey(key);
  const actual = keyTypeOf(parsed);
  if (actual !== expected)
    throw new InvalidSigningKeyError(`Expected an ${expected} key, got an ${actual} key.`);
  return parsed;
}

/**
 * Whether `signatureHex` is the HMAC-SHA256 of `payload` under `secret`. Hex is compared
 * case-insensitively and in constant time; anything that is not 64 hex digits is false.
 */
export function verifyHmacSha256Hex(
  secret: string | KeyObject,
  payload: string,
  signatureHex: string,
): boolean {
  return hmacEquals(secret, payload, signatureHex);
}

/**
 * Whether `signatureBase64` is an Ed25519 signature of `payload`. Accepts the signature as
 * percent-decoded, with spaces read as `+` (see the module note). Malformed input is false.
 *
 * @throws InvalidSigningKeyError when the key is unparsable or not Ed25519.
 */
export function verifyEd25519Base64(
  publicKey: string | KeyObject,
  payload: string,
  signatureBase64: string,
): boolean {
  return asymmetricEquals(publicKeyOf(publicKey, 'ED25519'), 'ED25519', payload, signatureBase64);
}

/**
 * Whether `signatureBase64` is an RSASSA-PKCS1-v1_5/SHA-256 signature of `payload`. Accepts the
 * signature as percent-decoded, with spaces read as `+` (see the module note). Malformed input is false.
 *
 * @throws InvalidSigningKeyError when the key is unparsable or not RSA.
 */
export function verifyRsaBase64(
  publicKey: string | KeyObject,
  payload: string,
  signatureBase64: string,
): boolean {
  return asymmetricEquals(publicKeyOf(publicKey, 'RSA'), 'RSA', payload, signatureBase64);
}

/**
 * Creates a {@link Verifier}, parsing the key once.
 *
 * @throws InvalidSigningKeyError when the HMAC secret is empty, or the public key is unparsable or of
 * a different type than declared.
 *
 * @example
 * const verifier = createVerifier({ type: 'HMAC', secret });
 * const query = stripSignature(rawQuery);
 * const body = stripSignature(rawBody);
 * verifier.verify(restSigningPayload(query.unsigned, body.unsigned), query.signature ?? body.signature ?? '');
 */
export function createVerifier(key: VerifierKey): Verifier {
  if (key.type === 'HMAC') {
    if (key.secret === '') throw new InvalidSigningKeyError('The API secret is empty.');
    const secret = nodeCrypto().createSecretKey(Buffer.from(key.secret, 'utf8'));
    return { keyType: 'HMAC', verify: (payload, signature) => hmacEquals(secret, payload, signature) };
  }
  const keyType = key.type;
  const publicKey = publicKeyOf(key.publicKey, keyType);
  return {
    keyType,
    verify: (payload, signature) => asymmetricEquals(publicKey, keyType, payload, signature),
  };
}
