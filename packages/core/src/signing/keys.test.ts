import { createPrivateKey, createSecretKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { InvalidSigningKeyError } from './errors.js';
import {
  detectKeyType,
  isPemPrivateKey,
  KEY_TYPES,
  keyTypeOf,
  parsePrivateKey,
  parsePublicKey,
} from './keys.js';

function pemPair(keys: { publicKey: KeyObject; privateKey: KeyObject }): {
  publicKey: string;
  privateKey: string;
} {
  return {
    publicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
const ed25519 = pemPair(generateKeyPairSync('ed25519'));
const rsa = pemPair(generateKeyPairSync('rsa', { modulusLength: 2048 }));

describe('detectKeyType', () => {
  test('default', () => {
    expect(detectKeyType('2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9')).toBe('HMAC');
    expect(detectKeyType(ed25519.privateKey)).toBe('ED25519');
    expect(detectKeyType(rsa.privateKey)).toBe('RSA');
  });

  test('behavior: KeyObjects are classified by their type', () => {
    expect(detectKeyType(createSecretKey(Buffer.from('s')))).toBe('HMAC');
    expect(detectKeyType(createPrivateKey(ed25519.privateKey))).toBe('ED25519');
    expect(detectKeyType(createPrivateKey(rsa.privateKey))).toBe('RSA');
  });

  test('behavior: PKCS#1 "RSA PRIVATE KEY" PEM and surrounding whitespace are recognised', () => {
    const pkcs1 = createPrivateKey(rsa.privateKey).export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(pkcs1).toContain('BEGIN RSA PRIVATE KEY');
    expect(detectKeyType(`\n  ${pkcs1}\n`)).toBe('RSA');
  });

  test('behavior: a public key PEM, a broken PEM or an unsupported type throws', () => {
    expect(() => detectKeyType(ed25519.publicKey)).toThrow(InvalidSigningKeyError);
    expect(() => detectKeyType('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toThrow(
      InvalidSigningKeyError,
    );
    const ec = pemPair(generateKeyPairSync('ec', { namedCurve: 'P-256' }));
    expect(() => detectKeyType(ec.privateKey)).toThrow(/Unsupported key type 'ec'/);
  });
});

describe('keyTypeOf', () => {
  test('default', () => {
    expect(keyTypeOf(parsePublicKey(ed25519.publicKey))).toBe('ED25519');
    expect(keyTypeOf(parsePublicKey(rsa.publicKey))).toBe('RSA');
  });
});

describe('parsePrivateKey / parsePublicKey', () => {
  test('default', () => {
    expect(parsePrivateKey(ed25519.privateKey).type).toBe('private');
    expect(parsePublicKey(ed25519.publicKey).type).toBe('public');
  });

  test('behavior: a private key yields its public half; a secret key is refused', () => {
    expect(parsePublicKey(ed25519.privateKey).type).toBe('public');
    expect(parsePublicKey(createPrivateKey(rsa.privateKey)).type).toBe('public');
    expect(() => parsePublicKey(createSecretKey(Buffer.from('s')))).toThrow(InvalidSigningKeyError);
    expect(() => parsePrivateKey(parsePublicKey(rsa.publicKey))).toThrow(InvalidSigningKeyError);
  });
});

describe('isPemPrivateKey', () => {
  test('default', () => {
    expect(isPemPrivateKey(ed25519.privateKey)).toBe(true);
    expect(isPemPrivateKey(ed25519.publicKey)).toBe(false);
    expect(isPemPrivateKey('-----BEGIN ENCRYPTED PRIVATE KEY-----')).toBe(true);
    expect(isPemPrivateKey('secret')).toBe(false);
  });
});

describe('KEY_TYPES', () => {
  test('default', () => {
    expect(KEY_TYPES).toMatchInlineSnapshot(`
    [
      "HMAC",
      "ED25519",
      "RSA",
    ]
  `);
  });
});
