import {
  createHmac,
  createPrivateKey,
  createSecretKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { InvalidSigningKeyError } from './errors.js';
import { encodeParams, restSigningPayload, stripSignature, wsApiSigningPayload } from './payload.js';
import { createSigner, hmacSha256Hex, signatureForQuery, signEd25519Base64, signRsaBase64 } from './sign.js';
import { createVerifier, verifyEd25519Base64, verifyHmacSha256Hex, verifyRsaBase64 } from './verify.js';

// Binance's public documentation example (reference §2.3).
const apiKey = 'dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83';
const apiSecret = '2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9';
const fullPayload =
  'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943';
const fullSignature = '3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9';
const mixedQuery = 'symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC';
const mixedBody = 'quantity=1&price=9000&recvWindow=5000&timestamp=1591702613943';
const mixedSignature = '30baaf0fab549bbeda7f5ef201898b34122da25fd23c646cac2c529aebe670a4';

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
const ed25519Other = pemPair(generateKeyPairSync('ed25519'));
const rsa = pemPair(generateKeyPairSync('rsa', { modulusLength: 2048 }));
const rsaOther = pemPair(generateKeyPairSync('rsa', { modulusLength: 2048 }));

function flipFirstChar(base64: string): string {
  return (base64[0] === 'A' ? 'B' : 'A') + base64.slice(1);
}

describe('HMAC-SHA256 known answers (Binance docs)', () => {
  test('default', () => {
    expect(hmacSha256Hex(apiSecret, fullPayload)).toBe(fullSignature);
  });

  test('behavior: the same payload built with encodeParams signs identically', () => {
    const query = encodeParams({
      symbol: 'BTCUSDT',
      side: 'BUY',
      type: 'LIMIT',
      quantity: 1,
      price: 9000,
      timeInForce: 'GTC',
      recvWindow: 5000,
      timestamp: 1591702613943,
    });
    expect(query).toBe(fullPayload);
    expect(createSigner({ apiKey, apiSecret }).sign(query)).toBe(fullSignature);
  });

  test('behavior: mixed query and body are concatenated without "&"', () => {
    const payload = restSigningPayload(mixedQuery, mixedBody);
    expect(payload).toContain('timeInForce=GTCquantity=1');
    expect(hmacSha256Hex(apiSecret, payload)).toBe(mixedSignature);
  });

  test("behavior: the docs' typo value f9d0ae5e… is not produced", () => {
    const payload = restSigningPayload(mixedQuery, mixedBody);
    const withAmpersand = `${mixedQuery}&${mixedBody}`;
    for (const candidate of [payload, withAmpersand, fullPayload]) {
      expect(hmacSha256Hex(apiSecret, candidate)).not.toMatch(/^f9d0ae5e/);
    }
  });

  test('behavior: the signer matches a naive createHmac per call, with string or KeyObject secret', () => {
    const naive = createHmac('sha256', apiSecret).update(fullPayload).digest('hex');
    expect(hmacSha256Hex(createSecretKey(Buffer.from(apiSecret)), fullPayload)).toBe(naive);
    const signer = createSigner({ apiKey, apiSecret });
    expect(signer).toMatchObject({ apiKey, keyType: 'HMAC' });
    expect(signer.sign(fullPayload)).toBe(naive);
  });

  test('behavior: the signer holds no secret in enumerable properties', () => {
    const signer = createSigner({ apiKey, apiSecret });
    expect(JSON.stringify(signer)).not.toContain(apiSecret);
    expect(Object.values(signer).some((v) => typeof v === 'string' && v.includes(apiSecret))).toBe(false);
  });

  test('behavior: server round trip through stripSignature (query-only and body-only)', () => {
    const verifier = createVerifier({ type: 'HMAC', secret: apiSecret });
    const query = stripSignature(`${fullPayload}&signature=${fullSignature}`);
    expect(verifier.verify(restSigningPayload(query.unsigned, ''), query.signature ?? '')).toBe(true);
    const body = stripSignature(`${mixedBody}&signature=${mixedSignature.toUpperCase()}`);
    expect(verifier.verify(restSigningPayload(mixedQuery, body.unsigned), body.signature ?? '')).toBe(true);
  });
});

describe('verifyHmacSha256Hex', () => {
  test('default', () => {
    expect(verifyHmacSha256Hex(apiSecret, fullPayload, fullSignature)).toBe(true);
  });

  test('behavior: hex is case-insensitive', () => {
    expect(verifyHmacSha256Hex(apiSecret, fullPayload, fullSignature.toUpperCase())).toBe(true);
    expect(
      createVerifier({ type: 'HMAC', secret: apiSecret }).verify(fullPayload, fullSignature.toUpperCase()),
    ).toBe(true);
  });

  test('behavior: wrong payload, secret or signature is false', () => {
    expect(verifyHmacSha256Hex(apiSecret, `${fullPayload}0`, fullSignature)).toBe(false);
    expect(verifyHmacSha256Hex(`${apiSecret}0`, fullPayload, fullSignature)).toBe(false);
    expect(verifyHmacSha256Hex(apiSecret, fullPayload, mixedSignature)).toBe(false);
  });

  test('behavior: one character replaced is false unless it is the same hex digit in either case', () => {
    // Every code unit up to U+017F in every position: only the digit itself (or A-F for a-f) passes.
    for (let at = 0; at < 64; at++) {
      const digit = fullSignature[at]!;
      for (let code = 0; code <= 0x17f; code++) {
        const replaced = String.fromCharCode(code);
        const signature = fullSignature.slice(0, at) + replaced + fullSignature.slice(at + 1);
        const same = replaced === digit || replaced === digit.toUpperCase();
        if (verifyHmacSha256Hex(apiSecret, fullPayload, signature) !== same)
          expect.fail(`position ${at}, U+${code.toString(16).padStart(4, '0')}: expected ${same}`);
      }
    }
  });

  test('behavior: garbage is false without throwing', () => {
    for (const garbage of [
      '',
      'zz',
      fullSignature.slice(0, 63),
      `${fullSignature}00`,
      `${fullSignature.slice(0, 63)}g`,
      ` ${fullSignature}`,
      '\u0000'.repeat(64),
      fullSignature.replace(/./g, '€'),
    ]) {
      expect(verifyHmacSha256Hex(apiSecret, fullPayload, garbage)).toBe(false);
    }
  });
});

describe.each([
  {
    name: 'ED25519',
    keys: ed25519,
    other: ed25519Other,
    signOne: signEd25519Base64,
    verifyOne: verifyEd25519Base64,
  },
  { name: 'RSA', keys: rsa, other: rsaOther, signOne: signRsaBase64, verifyOne: verifyRsaBase64 },
] as const)('$name round trip', ({ name, keys, other, signOne, verifyOne }) => {
  const signer = createSigner({ apiKey, privateKey: keys.privateKey });
  const verifier = createVerifier({ type: name, publicKey: keys.publicKey });

  test('default', () => {
    expect(signer.keyType).toBe(name);
    const signature = signer.sign(fullPayload);
    expect(signature).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(verifier.verify(fullPayload, signature)).toBe(true);
    expect(verifyOne(keys.publicKey, fullPayload, signature)).toBe(true);
  });

  test('behavior: one-shot signing equals the prepared signer (both schemes are deterministic)', () => {
    expect(signOne(keys.privateKey, fullPayload)).toBe(signer.sign(fullPayload));
    expect(signOne(createPrivateKey(keys.privateKey), fullPayload)).toBe(signer.sign(fullPayload));
  });

  test('behavior: tampered payload, tampered signature and wrong key are false', () => {
    const signature = signer.sign(fullPayload);
    expect(verifier.verify(fullPayload.replace('9000', '9001'), signature)).toBe(false);
    expect(verifier.verify(fullPayload, flipFirstChar(signature))).toBe(false);
    expect(verifyOne(other.publicKey, fullPayload, signature)).toBe(false);
    expect(
      verifier.verify(fullPayload, createSigner({ apiKey, privateKey: other.privateKey }).sign(fullPayload)),
    ).toBe(false);
  });

  test('behavior: malformed base64 is false without throwing', () => {
    const signature = signer.sign(fullPayload);
    for (const garbage of ['', '!!!!', `${signature}A`, `${signature}!`, signature.slice(4), '====', 'A']) {
      expect(verifier.verify(fullPayload, garbage)).toBe(false);
    }
  });

  test('behavior: REST percent-encoding round-trips through stripSignature; "+" read as space also verifies', () => {
    // Find a payload whose signature contains "+", so the encoding question is actually exercised.
    let payload = fullPayload;
    let signature = signer.sign(payload);
    for (let i = 0; i < 200 && !signature.includes('+'); i++) {
      payload = `${fullPayload}&n=${i}`;
      signature = signer.sign(payload);
    }
    expect(signature).toContain('+');
    const wire = `${payload}&signature=${signatureForQuery(signature, signer.keyType)}`;
    expect(wire).not.toMatch(/signature=.*[+/=]/);
    const { unsigned, signature: received } = stripSignature(wire);
    expect(unsigned).toBe(payload);
    expect(received).toBe(signature);
    expect(verifier.verify(unsigned, received ?? '')).toBe(true);
    // A client that did not encode "+" and a server using the form rule deliver a space instead.
    expect(verifier.verify(unsigned, signature.replaceAll('+', ' '))).toBe(true);
    // Unpadded base64 is accepted; still-percent-encoded input is not.
    expect(verifier.verify(unsigned, signature.replace(/=+$/, ''))).toBe(true);
    expect(verifier.verify(unsigned, encodeURIComponent(signature))).toBe(false);
  });

  test('behavior: WS API sorted payload signs and verifies (base64 stays raw inside JSON)', () => {
    const params = { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01', apiKey, timestamp: 1 };
    const signature = signer.sign(wsApiSigningPayload(params));
    const frame = JSON.parse(
      JSON.stringify({ id: 1, method: 'order.place', params: { ...params, signature } }),
    );
    expect(frame.params.signature).toBe(signature);
    expect(verifier.verify(wsApiSigningPayload(frame.params), frame.params.signature)).toBe(true);
  });

  test('behavior: a private key is accepted as the verification key', () => {
    const verifyWithPrivate = createVerifier({ type: name, publicKey: keys.privateKey });
    expect(verifyWithPrivate.verify(fullPayload, signer.sign(fullPayload))).toBe(true);
  });
});

describe('createSigner', () => {
  test('default', () => {
    expect(createSigner({ apiKey, apiSecret }).keyType).toBe('HMAC');
  });

  test('behavior: a PEM private key in apiSecret is used as the private key (as ccxt does)', () => {
    const signer = createSigner({ apiKey, apiSecret: ed25519.privateKey });
    expect(signer.keyType).toBe('ED25519');
    expect(signer.sign(fullPayload)).toBe(signEd25519Base64(ed25519.privateKey, fullPayload));
  });

  test('behavior: encrypted PEM needs the passphrase', () => {
    const encrypted = createPrivateKey(rsa.privateKey).export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: 'pass',
    }) as string;
    expect(() => createSigner({ apiKey, privateKey: encrypted })).toThrow(/privateKeyPassphrase/);
    expect(() => createSigner({ apiKey, privateKey: encrypted, privateKeyPassphrase: 'wrong' })).toThrow(
      /could not be parsed/,
    );
    const signer = createSigner({ apiKey, privateKey: encrypted, privateKeyPassphrase: 'pass' });
    expect(signer.sign(fullPayload)).toBe(signRsaBase64(rsa.privateKey, fullPayload));
  });

  test('behavior: missing, empty, ambiguous or non-private keys throw InvalidSigningKeyError', () => {
    expect(() => createSigner({ apiKey })).toThrow(InvalidSigningKeyError);
    expect(() => createSigner({ apiKey, apiSecret: '' })).toThrow(InvalidSigningKeyError);
    expect(() => createSigner({ apiKey, apiSecret, privateKey: ed25519.privateKey })).toThrow(
      InvalidSigningKeyError,
    );
    expect(() => createSigner({ apiKey, privateKey: apiSecret })).toThrow(InvalidSigningKeyError);
    expect(() => createSigner({ apiKey, privateKey: ed25519.publicKey })).toThrow(InvalidSigningKeyError);
    expect(() => createSigner({ apiKey, apiSecret: rsa.publicKey })).toThrow(InvalidSigningKeyError);
    const ec = pemPair(generateKeyPairSync('ec', { namedCurve: 'P-256' }));
    expect(() => createSigner({ apiKey, privateKey: ec.privateKey })).toThrow(/Unsupported key type 'ec'/);
  });

  test('behavior: error messages never contain the secret', () => {
    for (const credentials of [
      { apiKey, privateKey: apiSecret },
      { apiKey, apiSecret, privateKey: ed25519.privateKey },
      { apiKey, privateKey: '-----BEGIN PRIVATE KEY-----\nnot-base64\n-----END PRIVATE KEY-----' },
    ]) {
      try {
        createSigner(credentials);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidSigningKeyError);
        expect((error as Error).name).toBe('InvalidSigningKeyError');
        expect((error as Error).message).not.toContain(apiSecret);
        expect((error as Error).message).not.toContain('PRIVATE KEY');
      }
    }
  });

  test('behavior: one-shot signers reject the other scheme', () => {
    expect(() => signEd25519Base64(rsa.privateKey, 'x')).toThrow(InvalidSigningKeyError);
    expect(() => signRsaBase64(ed25519.privateKey, 'x')).toThrow(InvalidSigningKeyError);
  });
});

describe('signatureForQuery', () => {
  test('default', () => {
    expect(signatureForQuery(fullSignature, 'HMAC')).toBe(fullSignature);
  });

  test('behavior: base64 is percent-encoded for RSA and Ed25519', () => {
    expect(signatureForQuery('ab+c/d==', 'RSA')).toBe('ab%2Bc%2Fd%3D%3D');
    expect(signatureForQuery('ab+c/d==', 'ED25519')).toBe('ab%2Bc%2Fd%3D%3D');
  });
});

describe('createVerifier', () => {
  test('default', () => {
    expect(createVerifier({ type: 'HMAC', secret: apiSecret }).verify(fullPayload, fullSignature)).toBe(true);
  });

  test('behavior: a key of the wrong type or an empty secret throws', () => {
    expect(() => createVerifier({ type: 'RSA', publicKey: ed25519.publicKey })).toThrow(
      InvalidSigningKeyError,
    );
    expect(() => createVerifier({ type: 'ED25519', publicKey: rsa.publicKey })).toThrow(
      InvalidSigningKeyError,
    );
    expect(() => createVerifier({ type: 'ED25519', publicKey: 'not a key' })).toThrow(InvalidSigningKeyError);
    expect(() => createVerifier({ type: 'HMAC', secret: '' })).toThrow(InvalidSigningKeyError);
    expect(() => verifyRsaBase64(ed25519.publicKey, 'x', 'AAAA')).toThrow(InvalidSigningKeyError);
  });
});
