import type { KeyObject } from 'node:crypto';
import { InvalidSigningKeyError } from './errors.js';
import { nodeCrypto } from './nodeCrypto.js';

/** The signature schemes Binance accepts for API keys. */
export const KEY_TYPES = ['HMAC', 'ED25519', 'RSA'] as const;

/** One of {@link KEY_TYPES}: HMAC-SHA256 (hex), Ed25519 (base64) or RSASSA-PKCS1-v1_5/SHA-256 (base64). */
export type KeyType = (typeof KEY_TYPES)[number];

/**
 * API credentials. HMAC keys use `apiSecret`; Ed25519 and RSA keys use `privateKey` (PKCS#8 PEM or a
 * `KeyObject`). As ccxt does, a PEM private key given as `apiSecret` is also recognised.
 */
export interface Credentials {
  /** The API key, sent as `X-MBX-APIKEY` (REST) or `apiKey` (WebSocket API). */
  readonly apiKey: string;
  /** The HMAC secret, used as its UTF-8 bytes. */
  readonly apiSecret?: string;
  /** An Ed25519 or RSA private key: PEM text (`-----BEGIN PRIVATE KEY-----`) or a `KeyObject`. */
  readonly privateKey?: string | KeyObject;
  /** Passphrase of an encrypted PEM private key (`-----BEGIN ENCRYPTED PRIVATE KEY-----`). */
  readonly privateKeyPassphrase?: string;
}

const PEM_PRIVATE = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const PEM_ENCRYPTED = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/;
const PEM_ANY = /-----BEGIN [A-Z0-9 ]+-----/;

/** Whether `text` contains a PEM private key block (plain, RSA-specific or encrypted). */
export function isPemPrivateKey(text: string): boolean {
  return PEM_PRIVATE.test(text);
}

/**
 * The {@link KeyType} of a parsed key: a secret key is HMAC; an asymmetric key (private or public)
 * is ED25519 or RSA.
 *
 * @throws InvalidSigningKeyError for other asymmetric types (EC, Ed448, RSA-PSS, ...).
 */
export function keyTypeOf(key: KeyObject): KeyType {
  if (key.type === 'secret') return 'HMAC';
  if (key.asymmetricKeyType === 'ed25519') return 'ED25519';
  if (key.asymmetricKeyType === 'rsa') return 'RSA';
  throw new InvalidSigningKeyError(
    `Unsupported key type '${key.asymmetricKeyType ?? 'unknown'}'; Binance accepts HMAC, Ed25519 and RSA keys.`,
  );
}

/**
 * Parses a PEM private key once (parsing per request is slow). A `KeyObject` is returned as is.
 *
 * @throws InvalidSigningKeyError when the PEM is malformed, encrypted without (or with a wrong)
 * passphrase, or not a private key.
 */
export function parsePrivateKey(key: string | KeyObject, passphrase?: string): KeyObject {
  if (typeof key !== 'string') {
    if (key.type !== 'private')
      throw new InvalidSigningKeyError(`Expected a private key, got a ${key.type} key.`);
    return key;
  }
  if (!isPemPrivateKey(key)) throw new InvalidSigningKeyError('Expected a PEM private key.');
  // OpenSSL's error for a missing passphrase varies by Node version, so check the PEM header instead.
  if (passphrase === undefined && PEM_ENCRYPTED.test(key)) {
    throw new InvalidSigningKeyError('The private key is encrypted; pass privateKeyPassphrase.');
  }
  // Keys pasted into environment variables often carry surrounding whitespace, which OpenSSL refuses.
  const text = key.trim();
  try {
    return passphrase === undefined
      ? nodeCrypto().createPrivateKey({ key: text, format: 'pem' })
      : nodeCrypto().createPrivateKey({ key: text, format: 'pem', passphrase });
  } catch (cause) {
    throw new InvalidSigningKeyError(
      'The private key could not be parsed (malformed PEM or wrong passphrase).',
      {
        cause,
      },
    );
  }
}

/**
 * Parses a public key for verification: PEM `PUBLIC KEY` (SPKI) text or a `KeyObject`. A private key
 * (PEM or `KeyObject`) is accepted too, and its public half used.
 *
 * @throws InvalidSigningKeyError when the key cannot be parsed or is a secret key.
 */
export function parsePublicKey(key: string | KeyObject): KeyObject {
  if (typeof key !== 'string') {
    if (key.type === 'public') return key;
    if (key.type === 'private') return nodeCrypto().createPublicKey(key);
    throw new InvalidSigningKeyError('Expected a public or private key, got a secret key.');
  }
  try {
    return nodeCrypto().createPublicKey({ key: key.trim(), format: 'pem' });
  } catch (cause) {
    throw new InvalidSigningKeyError('The public key could not be parsed (expected PEM).', { cause });
  }
}

/**
 * Detects the signature scheme of a secret or private key. A string containing a PEM private key
 * block is parsed (with `crypto.createPrivateKey`) and its `asymmetricKeyType` read; any other
 * string is an HMAC secret. A `KeyObject` is classified by its type.
 *
 * @param passphrase for an encrypted PEM private key.
 * @throws InvalidSigningKeyError for a PEM that is not a private key (e.g. a public key given by
 * mistake), an unparsable PEM, or an unsupported asymmetric type.
 *
 * @example
 * detectKeyType('2b5eb11e18796d12...') // 'HMAC'
 * detectKeyType('-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI...') // 'ED25519'
 */
export function detectKeyType(secretOrPrivateKey: string | KeyObject, passphrase?: string): KeyType {
  if (typeof secretOrPrivateKey !== 'string') return keyTypeOf(secretOrPrivateKey);
  if (isPemPrivateKey(secretOrPrivateKey)) return keyTypeOf(parsePrivateKey(secretOrPrivateKey, passphrase));
  if (PEM_ANY.test(secretOrPrivateKey)) {
    throw new InvalidSigningKeyError('Expected an HMAC secret or a PEM private key, got another PEM block.');
  }
  return 'HMAC';
}
