import { describe, expect, test } from 'vitest';
import { createClient } from '../../clients/createClient.js';
import { ClientConfigError } from '../../errors/config.js';
import { inProcess } from '../../transports/inProcess.js';
import { useListeningExchange } from '../listeningExchange.testing.js';
import { getExchangeInfo } from './getExchangeInfo.js';

const local = useListeningExchange();

describe('getExchangeInfo', () => {
  test('default', async () => {
    const client = createClient({ env: 'local', baseUrl: local().restUrl });
    const info = await getExchangeInfo(client);
    expect(info.timezone).toBe('UTC');
    expect(info.rateLimits).toEqual(
      expect.arrayContaining([expect.objectContaining({ rateLimitType: 'REQUEST_WEIGHT', limit: 2400 })]),
    );
    const btc = info.symbols.find((symbol) => symbol.symbol === 'BTCUSDT');
    expect(btc?.filters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ filterType: 'PRICE_FILTER', tickSize: expect.any(String) }),
      ]),
    );
    expect(client.governor.usage().requestWeight.used).toBeGreaterThanOrEqual(1);
    await client.close();
  });

  test('behavior: in process gives the same answer', async () => {
    const client = createClient({ env: 'local', transport: inProcess({ handler: local().exchange }) });
    const info = await getExchangeInfo(client);
    expect(info.symbols.map((symbol) => symbol.symbol)).toContain('BTCUSDT');
  });

  test('behavior: USD-M only', async () => {
    const client = createClient({
      env: 'local',
      market: 'coinm',
      transport: inProcess({ handler: local().exchange }),
    });
    await expect(getExchangeInfo(client)).rejects.toBeInstanceOf(ClientConfigError);
  });
});
