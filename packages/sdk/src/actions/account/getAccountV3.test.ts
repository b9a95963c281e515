import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createClient } from '../../clients/createClient.js';
import { ApiKeyError } from '../../errors/api.js';
import { MissingCredentialsError } from '../../errors/request.js';
import { inProcess } from '../../transports/inProcess.js';
import { useListeningExchange } from '../listeningExchange.testing.js';
import { getAccountV3 } from './getAccountV3.js';

const local = useListeningExchange();

describe('getAccountV3', () => {
  test('default', async () => {
    const client = createClient({
      env: 'local',
      baseUrl: local().restUrl,
      credentials: local().exchange.defaultAccount!,
    });
    const account = await getAccountV3(client);
    expect(account.assets).toEqual(
      expect.arrayContaining([expect.objectContaining({ asset: 'USDT', walletBalance: '100000.00000000' })]),
    );
    expect(account.positions).toEqual([]);
    await client.close();
  });

  test('behavior: an Ed25519 account in process, with a per-call recvWindow', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const created = local().exchange.admin({
      kind: 'createAccount',
      balances: { USDT: '1000' },
      keys: [{ type: 'ED25519', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() }],
    });
    if (created.kind !== 'account') throw new Error('expected an account');
    const client = createClient({
      env: 'local',
      transport: inProcess({ handler: local().exchange }),
      credentials: { apiKey: created.keys[0]!.apiKey, privateKey },
    });
    const account = await getAccountV3(client, { recvWindow: 10_000 });
    expect(account.totalWalletBalance).toBe('1000.00000000');
  });

  test('behavior: without credentials, or with a revoked key', async () => {
    const anonymous = createClient({ env: 'local', transport: inProcess({ handler: local().exchange }) });
    await expect(getAccountV3(anonymous)).rejects.toBeInstanceOf(MissingCredentialsError);
    const stranger = createClient({
      env: 'local',
      transport: inProcess({ handler: local().exchange }),
      credentials: { apiKey: 'B'.repeat(64), apiSecret: 'nope' },
    });
    await expect(getAccountV3(stranger)).rejects.toBeInstanceOf(ApiKeyError);
  });
});
