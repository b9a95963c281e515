import { describe, expect, test } from 'vitest';
import { streamText } from './streamText.js';

const E = Date.UTC(2026, 0, 5, 12, 0, 1, 894);

describe('streamText', () => {
  test('default: one readable line per event kind, by its wire fields', () => {
    const cases: [string, unknown, string][] = [
      [
        'btcusdt@aggTrade',
        { e: 'aggTrade', E, s: 'BTCUSDT', a: 1, p: '95998.20', q: '0.019', T: E, m: true },
        '12:00:01.894 BTCUSDT aggTrade SELL 0.019 @ 95998.20',
      ],
      [
        'btcusdt@trade',
        { e: 'trade', E, s: 'BTCUSDT', t: 2, p: '95998.40', q: '0.001', T: E, m: false },
        '12:00:01.894 BTCUSDT trade BUY  0.001 @ 95998.40',
      ],
      [
        'btcusdt@markPrice',
        {
          e: 'markPriceUpdate',
          E,
          s: 'BTCUSDT',
          p: '96010.47',
          i: '96010.46',
          r: '0.00010000',
          T: E + 3_600_000,
        },
        '12:00:01.894 BTCUSDT mark 96010.47  index 96010.46  funding 0.0100% next 13:00:01',
      ],
      [
        'btcusdt@bookTicker',
        {
          e: 'bookTicker',
          u: 9,
          E,
          T: E,
          s: 'BTCUSDT',
          b: '95998.10',
          B: '0.246',
          a: '95998.30',
          A: '0.203',
        },
        '12:00:01.894 BTCUSDT bid 95998.10 × 0.246  ask 95998.30 × 0.203',
      ],
      [
        'btcusdt@ticker',
        {
          e: '24hrTicker',
          E,
          s: 'BTCUSDT',
          c: '96000.0',
          P: '1.230',
          h: '97000.0',
          l: '95000.0',
          v: '1234.5',
        },
        '12:00:01.894 BTCUSDT last 96000.0  24h 1.230%  high 97000.0  low 95000.0  volume 1234.5',
      ],
      [
        'btcusdt@kline_1m',
        {
          e: 'kline',
          E,
          s: 'BTCUSDT',
          k: { t: E - 1_894, i: '1m', o: '1', h: '3', l: '0.5', c: '2', v: '10', x: true },
        },
        '12:00:01.894 BTCUSDT 1m 12:00  O 1  H 3  L 0.5  C 2  V 10  closed',
      ],
      [
        'btcusdt@forceOrder',
        {
          e: 'forceOrder',
          E,
          o: { s: 'BTCUSDT', S: 'SELL', q: '0.5', p: '94000', ap: '94010.5', X: 'FILLED' },
        },
        '12:00:01.894 BTCUSDT liquidation SELL 0.5 @ 94010.5 (FILLED)',
      ],
      [
        'btcusdt@depth20',
        {
          e: 'depthUpdate',
          E,
          s: 'BTCUSDT',
          U: 5,
          u: 9,
          pu: 4,
          b: [['95998.10', '0.246']],
          a: [['95998.30', '0.2']],
        },
        '12:00:01.894 BTCUSDT book 1 bids (best 95998.10 × 0.246)  1 asks (best 95998.30 × 0.2)  u 9',
      ],
      [
        'btcusdt@depth@100ms',
        { e: 'depthUpdate', E, s: 'BTCUSDT', U: 5, u: 9, pu: 4, b: [['95998.10', '0']], a: [] },
        '12:00:01.894 BTCUSDT depth changes: 1 bid levels, 0 ask levels  U 5 u 9 pu 4',
      ],
    ];
    for (const [name, event, line] of cases) expect(streamText(name, event)).toBe(line);
  });

  test('behavior: an array stream prints each element; an unknown event prints as JSON', () => {
    const mark = (s: string) => ({ e: 'markPriceUpdate', E, s, p: '1', i: '1', r: '0', T: 0 });
    expect(streamText('!markPrice@arr', [mark('BTCUSDT'), mark('ETHUSDT')])).toBe(
      '12:00:01.894 BTCUSDT mark 1  index 1  funding 0.0000%\n12:00:01.894 ETHUSDT mark 1  index 1  funding 0.0000%',
    );
    expect(streamText('x@y', { e: 'somethingNew', n: 12345678901234567890n })).toBe(
      'x@y {"e":"somethingNew","n":12345678901234567890}',
    );
  });
});
