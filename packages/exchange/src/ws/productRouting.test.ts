import { describe, expect, test } from 'vitest';
import { toCoinmUrl } from './productRouting.js';

describe('toCoinmUrl', () => {
  test('behavior: COIN-M streams and WebSocket API map to the USD-M forms; everything else stays USD-M', () => {
    expect(toCoinmUrl('/dstream/ws/btcusd_perp@aggTrade')).toBe('/ws/btcusd_perp@aggTrade');
    expect(toCoinmUrl('/dstream/stream?streams=a/b')).toBe('/stream?streams=a/b');
    expect(toCoinmUrl('/dstream')).toBe('/');
    expect(toCoinmUrl('/ws-dapi/v1')).toBe('/ws-fapi/v1');
    expect(toCoinmUrl('/ws-dapi/v1?returnRateLimits=false')).toBe('/ws-fapi/v1?returnRateLimits=false');
    expect(toCoinmUrl('/dstream/ws-dapi/v1')).toBe('/ws-fapi/v1');
    expect(toCoinmUrl('/ws/btcusdt@aggTrade')).toBeUndefined();
    expect(toCoinmUrl('/ws-fapi/v1')).toBeUndefined();
    expect(toCoinmUrl('/dstreamx/ws')).toBeUndefined();
    expect(toCoinmUrl('/ws-dapi/v10')).toBeUndefined();
  });
});
