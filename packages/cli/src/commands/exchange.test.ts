import { describe, expect, test } from 'vitest';
import { run } from '../main.js';
import { captureIo } from '../testing.js';

// `basis exchange` in-process: the command serves until its stop signal, so each test aborts it.

/** Waits (bounded) for the command's first JSON line: the endpoints it serves. */
interface Facts {
  restUrl: string;
  adminUrl: string;
  coinm: { restUrl: string; wsUrl: string; wsApiUrl: string; symbols: string[] } | null;
}

async function started(out: () => string): Promise<Facts> {
  const until = Date.now() + 10_000;
  while (!out().includes('\n') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  const line = out().split('\n')[0];
  if (line === undefined || line === '') throw new Error('basis exchange did not start');
  return JSON.parse(line) as Facts;
}

describe('basis exchange', () => {
  test('behavior: --fault rules are active from the start, as /admin/faults lists them', async () => {
    const controller = new AbortController();
    const io = captureIo({ signal: controller.signal });
    const exit = run(
      [
        'exchange',
        '--json',
        '--fault-seed',
        '7',
        '--fault',
        'silence:stream=btcusdt@trade,count=5',
        '--fault',
        'clockSkew:0.5:skewMs=-2000,route=wsApi',
      ],
      io,
    );
    try {
      const facts = await started(io.out);
      const response = await fetch(`${facts.adminUrl}/faults`);
      expect(response.status).toBe(200);
      const { rules } = (await response.json()) as { rules: Record<string, unknown>[] };
      expect(rules).toMatchObject([
        {
          id: 'f1',
          kind: 'silence',
          scope: { stream: 'btcusdt@trade' },
          count: 5,
          state: 'active',
          fired: 0,
        },
        {
          id: 'f2',
          kind: 'clockSkew',
          probability: 0.5,
          scope: { route: 'wsApi' },
          params: { skewMs: -2000 },
          state: 'active',
        },
      ]);
    } finally {
      controller.abort();
    }
    expect(await exit).toBe(0);
    expect(io.err()).toBe('');
  });

  test('behavior: COIN-M is served beside USD-M (its /dapi answers), unless --no-coinm', async () => {
    for (const off of [false, true]) {
      const controller = new AbortController();
      const io = captureIo({ signal: controller.signal });
      const exit = run(['exchange', '--json', ...(off ? ['--no-coinm'] : [])], io);
      try {
        const facts = await started(io.out);
        const ping = await fetch(`${facts.restUrl}/dapi/v1/ping`);
        if (off) {
          expect(facts.coinm).toBeNull();
          expect(ping.status).toBe(404);
        } else {
          expect(facts.coinm).toMatchObject({
            restUrl: `${facts.restUrl}/dapi`,
            wsUrl: `${facts.restUrl.replace('http', 'ws')}/dstream`,
            wsApiUrl: `${facts.restUrl.replace('http', 'ws')}/ws-dapi/v1`,
          });
          expect(facts.coinm?.symbols).toContain('BTCUSD_PERP');
          expect(ping.status).toBe(200);
        }
      } finally {
        controller.abort();
      }
      expect(await exit).toBe(0);
    }
  });

  test('behavior: a malformed --fault is a usage error (exit 2)', async () => {
    const io = captureIo();
    expect(await run(['exchange', '--fault', 'silence:bogus=1'], io)).toBe(2);
    expect(io.err()).toContain('silence takes no parameter bogus');
  });
});
