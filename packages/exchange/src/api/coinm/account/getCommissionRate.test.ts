import { afterEach, describe, expect, test } from 'vitest';
import { closeAll, get, send, startCoinm } from './testing.js';

afterEach(closeAll);

describe('GET /dapi/v1/commissionRate', () => {
  test('default: the maker and taker rates, without USD-M’s RPI rate', () => {
    const f = startCoinm();
    expect(get(f, '/dapi/v1/commissionRate', { symbol: 'BTCUSD_PERP' })).toEqual({
      symbol: 'BTCUSD_PERP',
      makerCommissionRate: '0.0002',
      takerCommissionRate: '0.0005',
    });
    f.exchange.admin({ kind: 'setFees', accountId: f.creds.accountId, maker: '0.0001', taker: '0.0004' });
    expect(get(f, '/dapi/v1/commissionRate', { symbol: 'ETHUSD_PERP' })).toEqual({
      symbol: 'ETHUSD_PERP',
      makerCommissionRate: '0.0001',
      takerCommissionRate: '0.0004',
    });
    expect(send(f, 'GET', '/dapi/v1/commissionRate').body).toMatchObject({ code: -1102 });
  });
});
