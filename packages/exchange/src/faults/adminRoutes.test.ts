import type { UserDataEvent } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { publicRequest } from '../testing/signedRequest.js';
import {
  adminRequest,
  type FaultyExchange,
  faultyExchange,
  json,
  marketBuy,
  orderExists,
} from './testing.js';

const open: FaultyExchange[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((fx) => fx.close()));
});

function start(): FaultyExchange {
  const fx = faultyExchange();
  open.push(fx);
  return fx;
}

describe('/admin/faults', () => {
  test('default: POST adds a rule, GET lists it with its hits, DELETE removes it', () => {
    const fx = start();
    const added = fx.handle(
      adminRequest('POST', '/admin/faults', {
        kind: 'unknownAfterExecution',
        scope: { route: 'newOrder' },
        count: 1,
        params: { message: 'unknown' },
      }),
    );
    expect(added.status).toBe(200);
    const { id } = json<{ id: string }>(added);
    expect(id).toBe('f1');

    const answer = fx.handle(marketBuy(fx, fx.alice, 'via-admin'));
    expect(answer.status).toBe(503);
    expect(orderExists(fx, fx.alice, 'via-admin')).toBe(true);

    const listed = json<{ rules: unknown[] }>(fx.handle(adminRequest('GET', '/admin/faults')));
    expect(listed.rules).toEqual([
      {
        id: 'f1',
        kind: 'unknownAfterExecution',
        scope: { route: 'newOrder' },
        count: 1,
        params: { message: 'unknown' },
        createdAt: fx.clock.now(),
        fired: 1,
        state: 'spent',
      },
    ]);
    expect(json(fx.handle(adminRequest('DELETE', `/admin/faults/${id}`)))).toEqual({ removed: 'f1' });
    expect(json(fx.handle(adminRequest('GET', '/admin/faults')))).toEqual({ rules: [] });
  });

  test('behavior: durationMs ends a rule on the exchange clock; DELETE /admin/faults clears all', () => {
    const fx = start();
    fx.handle(adminRequest('POST', '/admin/faults', { kind: 'serviceUnavailable', durationMs: 500 }));
    fx.handle(
      adminRequest('POST', '/admin/faults', { kind: 'slow', probability: 0.5, params: { delayMs: 100 } }),
    );
    expect(fx.handle(publicRequest('GET', '/fapi/v1/time')).status).toBe(503);
    fx.clock.advance(500);
    expect(fx.handle(publicRequest('GET', '/fapi/v1/time')).status).toBe(200);
    expect(json(fx.handle(adminRequest('DELETE', '/admin/faults')))).toEqual({ cleared: 1 });
    expect(json(fx.handle(adminRequest('GET', '/admin/faults')))).toEqual({ rules: [] });
  });

  test('behavior: bad input is 400, an unknown id 404, and admin routes are never faulted', () => {
    const fx = start();
    const bad = fx.handle(adminRequest('POST', '/admin/faults', { kind: 'http5xx', scope: { acount: 2 } }));
    expect(bad.status).toBe(400);
    expect(json(bad)).toEqual({ error: 'unknown scope field acount' });
    expect(fx.handle(adminRequest('POST', '/admin/faults', { kind: 'clockSkew' })).status).toBe(400);
    expect(fx.handle(adminRequest('DELETE', '/admin/faults/f99')).status).toBe(404);
    expect(fx.handle(adminRequest('PUT', '/admin/faults')).status).toBe(405);
    fx.handle(adminRequest('POST', '/admin/faults', { kind: 'http5xx' }));
    expect(fx.handle(adminRequest('GET', '/admin/faults')).status).toBe(200);
  });

  test('behavior: POST /admin/faults/listenKeyExpiry expires the key now and the stream layer gets listenKeyExpired', () => {
    const fx = start();
    const events: [number, UserDataEvent][] = [];
    const unsubscribe = fx.exchange.venue.subscribe({
      userEvent: (accountId, event) => events.push([accountId, event]),
    });
    const started = fx.handle({
      ...publicRequest('POST', '/fapi/v1/listenKey'),
      headers: { 'x-mbx-apikey': fx.bob.apiKey },
    });
    const { listenKey } = json<{ listenKey: string }>(started);
    expect(fx.exchange.venue.listenKeys.accountOf(listenKey, fx.exchange.venue.now)).toBe(fx.bob.accountId);
    fx.clock.advance(1000);

    const expired = fx.handle(
      adminRequest('POST', '/admin/faults/listenKeyExpiry', { accountId: fx.bob.accountId }),
    );
    expect(json(expired)).toEqual({ listenKey, accountId: fx.bob.accountId, expiredAt: fx.clock.now() });
    expect(events.filter(([, e]) => e.e === 'listenKeyExpired')).toEqual([
      [fx.bob.accountId, { e: 'listenKeyExpired', E: fx.clock.now(), listenKey }],
    ]);
    // The key is gone: a keepalive is -1125, as after a natural expiry.
    const keepalive = fx.handle({
      ...publicRequest('PUT', '/fapi/v1/listenKey'),
      headers: { 'x-mbx-apikey': fx.bob.apiKey },
    });
    expect(json(keepalive)).toMatchObject({ code: -1125 });
    // No key left to expire.
    expect(
      fx.handle(adminRequest('POST', '/admin/faults/listenKeyExpiry', { accountId: fx.bob.accountId }))
        .status,
    ).toBe(404);
    expect(fx.handle(adminRequest('POST', '/admin/faults/listenKeyExpiry', { accountId: 'x' })).status).toBe(
      400,
    );
    unsubscribe();
  });

  test('behavior: connection actions are 409 until a WebSocket layer is attached', () => {
    const fx = start();
    expect(fx.handle(adminRequest('POST', '/admin/faults/dropConnections', {})).status).toBe(409);
    const closed: number[] = [];
    fx.faults.attachConnections({
      connections: () => [
        {
          id: 7,
          kind: 'stream',
          ip: '127.0.0.1',
          path: '/ws',
          streams: [],
          apiKey: undefined,
          close: () => closed.push(7),
        },
      ],
    });
    const dropped = fx.handle(
      adminRequest('POST', '/admin/faults/dropConnections', { filter: { ip: '127.0.0.1' } }),
    );
    expect(json(dropped)).toEqual({ closed: 1 });
    const cut = fx.handle(
      adminRequest('POST', '/admin/faults/force24hDisconnect', { filter: { connectionId: 8 } }),
    );
    expect(json(cut)).toEqual({ closed: 0 });
    expect(closed).toEqual([7]);
  });
});
