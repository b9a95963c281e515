import type { PaperUpdate } from '@basis/bot';
import { describe, expect, test } from 'vitest';
import { captureIo } from '../testing.js';
import { createLiveView } from './liveView.js';

const STARTED = Date.UTC(2026, 0, 5, 12, 0, 0);

function update(overrides: Partial<PaperUpdate> = {}): PaperUpdate {
  return {
    time: STARTED + 7_000,
    asset: 'USDT',
    equity: '9999.63943928000',
    unrealizedPnl: '0.00340000000',
    realizedPnl: '-0.015',
    fees: '0.34556072',
    funding: '0',
    netPnl: '-0.35716072',
    fills: 9,
    positions: { BTCUSDT: '0.002', ETHUSDT: '0' },
    entryPrices: { BTCUSDT: '95987.30' },
    markets: {
      BTCUSDT: { bid: '95981.70', ask: '95981.90', mark: '95990.30' },
      ETHUSDT: {},
    },
    openOrders: ['1', '2', '3', '4', '5', '6'].map((n) => ({
      symbol: 'BTCUSDT',
      side: 'BUY' as const,
      type: 'LIMIT',
      price: `9597${n}.00`,
      quantity: '0.002',
      filledQty: n === '1' ? '0.001' : '0',
    })),
    recentFills: [
      { time: STARTED + 5_000, symbol: 'BTCUSDT', side: 'SELL', qty: '0.002', price: '95994.10' },
      { time: STARTED + 6_000, symbol: 'BTCUSDT', side: 'BUY', qty: '0.002', price: '95987.30' },
    ],
    feeds: {
      market: { state: 'live', reconnects: 2 },
      account: { state: 'reconnecting', reconnects: 0 },
      lastMarketEventAt: STARTED + 6_750,
    },
    ...overrides,
  };
}

const context = { strategy: 'mm', restUrl: 'http://127.0.0.1:4000', startedAt: STARTED, durationMs: 10_000 };

/** A view drawing on a terminal `columns` wide (undefined: the terminal does not say). */
function onTerminal(columns?: number) {
  const io = captureIo();
  const stdout = { write: io.stdout.write, isTTY: true, ...(columns === undefined ? {} : { columns }) };
  return { io, view: createLiveView({ ...io, stdout }, context) };
}

/** The text a terminal shows: escape codes out, the last drawn block. */
function screen(out: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal's escape codes are the point
  const text = out.replace(/\u001b\[\d*[AJK]/g, '');
  const lines = text.split('\n').filter(Boolean);
  return lines.slice(lines.lastIndexOf(lines.find((l) => l.startsWith('basis: '))!));
}

describe('createLiveView', () => {
  test('default: on a terminal, the block shows prices, position, PnL, orders, fills and stream health', () => {
    const { io, view } = onTerminal(200);
    view.update(update());
    expect(screen(io.out())).toEqual([
      'basis: mm on the embedded local exchange (paper)   7s elapsed, 3s left',
      '  BTCUSDT     bid 95981.70  ask 95981.90  mark 95990.30',
      '  ETHUSDT     no price yet',
      '  position    BTCUSDT 0.002 @ 95987.30',
      '  PnL         -0.3572 USDT  realized -0.0150  unrealized +0.0034  fees 0.3456  funding 0.0000',
      '  equity      9999.6394 USDT',
      '  orders      6 open: BUY 0.002 @ 95971.00 (0.001 filled), BUY 0.002 @ 95972.00, BUY 0.002 @ 95973.00, BUY 0.002 @ 95974.00, +2 more',
      '  fills       9; last BUY 0.002 @ 95987.30 (12:00:06), SELL 0.002 @ 95994.10 (12:00:05)',
      '  streams     market live (2 reconnects), last event 0.3s ago; account reconnecting',
      '  exchange    http://127.0.0.1:4000',
    ]);
  });

  test('behavior: lines are cut to the terminal width, so the redraw never wraps', () => {
    const { io, view } = onTerminal(40);
    view.update(update());
    const lines = screen(io.out());
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    expect(lines[7]).toBe('  fills       9; last BUY 0.002 @ 95987…');
  });

  test('behavior: a file or pipe gets one plain line every 5 s, without escape codes', () => {
    const io = captureIo();
    const view = createLiveView(io, context);
    view.update(update({ time: STARTED + 1_000 }));
    view.update(update({ time: STARTED + 2_000 }));
    view.update(update({ time: STARTED + 6_000, openOrders: [] }));
    expect(io.out().split('\n').filter(Boolean)).toEqual([
      '2026-01-05T12:00:01.000Z equity=9999.63943928000 upnl=0.00340000000 net=-0.35716072 fills=9 position=BTCUSDT 0.002 orders=6 price=BTCUSDT:95990.30,ETHUSDT:? streams=live/reconnecting',
      '2026-01-05T12:00:06.000Z equity=9999.63943928000 upnl=0.00340000000 net=-0.35716072 fills=9 position=BTCUSDT 0.002 orders=0 price=BTCUSDT:95990.30,ETHUSDT:? streams=live/reconnecting',
    ]);
  });

  test('behavior: a COIN-M run shows its coin to 8 decimals; no market event yet says so', () => {
    const { io, view } = onTerminal();
    view.update(
      update({
        asset: 'BTC',
        equity: '1.000012345678',
        feeds: {
          market: { state: 'in-process', reconnects: 0 },
          account: { state: 'in-process', reconnects: 0 },
        },
      }),
    );
    const lines = screen(io.out());
    expect(lines).toContain('  equity      1.00001235 BTC');
    expect(lines).toContain('  streams     market in-process, no event yet; account in-process');
  });
});
