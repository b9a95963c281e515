import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { bench, describe } from 'vitest';
import { encodeParams } from './payload.js';
import { createSigner, hmacSha256Hex, signEd25519Base64 } from './sign.js';

// A typical order query as the SDK builds it (reference §2.3 secret; values of a real LIMIT order).
const apiKey = 'dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83';
const apiSecret = '2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9';
const query = encodeParams({
  symbol: 'BTCUSDT',
  side: 'BUY',
  type: 'LIMIT',
  quantity: '0.001',
  price: '64250.10',
  timeInForce: 'GTC',
  newClientOrderId: 'x-basis-7f3a9c1e2b4d4e6f8a0b',
  recvWindow: 5000,
  timestamp: 1591702613943,
});

function pemPair(keys: { publicKey: KeyObject; privateKey: KeyObject }): {
  publicKey: string;
  privateKey: string;
} {
  return {
    publicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
const hmacSigner = createSigner({ apiKey, apiSecret });
const ed25519Pem = pemPair(generateKeyPairSync('ed25519')).privateKey;
const ed25519Signer = createSigner({ apiKey, privateKey: ed25519Pem });
const rsaSigner = createSigner({
  apiKey,
  privateKey: pemPair(generateKeyPairSync('rsa', { modulusLength: 2048 })).privateKey,
});

describe('HMAC-SHA256 sign of an order query', () => {
  bench('basis: createSigner(...).sign (prepared KeyObject)', () => {
    hmacSigner.sign(query);
  });
  bench('basis: hmacSha256Hex (string secret per call)', () => {
    hmacSha256Hex(apiSecret, query);
  });
  bench('floor: crypto.createHmac(...).update(...).digest("hex") each time', () => {
    createHmac('sha256', apiSecret).update(query).digest('hex');
  });
});

describe('asymmetric sign of an order query (prepared keys)', () => {
  bench('Ed25519', () => {
    ed25519Signer.sign(query);
  });
  bench('Ed25519, PEM parsed per call (signEd25519Base64 with a string key)', () => {
    signEd25519Base64(ed25519Pem, query);
  });
  bench('RSA-2048 PKCS1-v1_5/SHA-256', () => {
    rsaSigner.sign(query);
  });
});
