import { describe, expect, test } from 'vitest';
import { parseConnectionUrl } from './paths.js';

describe('parseConnectionUrl', () => {
  test('default: raw, combined and the 2026 routes', () => {
    expect(parseConnectionUrl('/ws')).toEqual({
      kind: 'streams',
      combined: false,
      names: [],
      listenKeys: [],
    });
    expect(parseConnectionUrl('/ws/btcusdt@aggTrade/ethusdt@depth')).toMatchObject({
      combined: false,
      names: ['btcusdt@aggTrade', 'ethusdt@depth'],
    });
    expect(parseConnectionUrl('/public/ws/3')).toMatchObject({ combined: false, names: ['3'] });
    expect(parseConnectionUrl('/market/stream?streams=btcusdt@markPrice/!ticker@arr')).toMatchObject({
      combined: true,
      names: ['btcusdt@markPrice', '!ticker@arr'],
    });
    expect(parseConnectionUrl('/stream')).toMatchObject({ combined: true, names: [] });
    expect(parseConnectionUrl('/ws/%21bookTicker')).toMatchObject({ names: ['!bookTicker'] });
  });

  test('behavior: listen keys with their event filters, in order; an empty key is kept', () => {
    expect(
      parseConnectionUrl(
        '/private/stream?listenKey=K1&events=ORDER_TRADE_UPDATE/ACCOUNT_UPDATE&listenKey=K2',
      ),
    ).toEqual({
      kind: 'streams',
      combined: true,
      names: [],
      listenKeys: [
        { listenKey: 'K1', events: ['ORDER_TRADE_UPDATE', 'ACCOUNT_UPDATE'] },
        { listenKey: 'K2', events: undefined },
      ],
    });
    expect(parseConnectionUrl('/private/stream?listenKey=')).toMatchObject({
      listenKeys: [{ listenKey: '', events: undefined }],
    });
    expect(parseConnectionUrl('/private/ws?listenKey=K')).toMatchObject({
      combined: false,
      listenKeys: [{ listenKey: 'K' }],
    });
  });

  test('behavior: the WebSocket API and unknown paths', () => {
    expect(parseConnectionUrl('/ws-fapi/v1')).toEqual({ kind: 'wsApi', returnRateLimits: true });
    expect(parseConnectionUrl('/ws-fapi/v1?returnRateLimits=false')).toEqual({
      kind: 'wsApi',
      returnRateLimits: false,
    });
    for (const url of [
      '/',
      '/fapi/v1/depth',
      '/private/ws-fapi/v1',
      '/stream/btcusdt@trade',
      '/public',
      '/wss',
    ]) {
      expect(parseConnectionUrl(url), url).toEqual({ kind: 'unknown' });
    }
  });

  test('behavior: COIN-M has /ws and /stream only, no route prefixes', () => {
    expect(parseConnectionUrl('/ws/btcusd_perp@depth', 'coinm')).toMatchObject({
      kind: 'streams',
      names: ['btcusd_perp@depth'],
    });
    expect(parseConnectionUrl('/stream?listenKey=K', 'coinm')).toMatchObject({
      combined: true,
      listenKeys: [{ listenKey: 'K', events: undefined }],
    });
    for (const url of [
      '/public/ws',
      '/market/stream?streams=btcusd_perp@kline_1m',
      '/private/ws?listenKey=K',
    ]) {
      expect(parseConnectionUrl(url, 'coinm'), url).toEqual({ kind: 'unknown' });
    }
  });
});
