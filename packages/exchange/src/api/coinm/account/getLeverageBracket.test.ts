import type { CoinmLeverageBracketV1, CoinmLeverageBracketV2 } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { closeAll, get, send, startCoinm } from './testing.js';

afterEach(closeAll);

// Binance's tier fields, `qtylFloor` (sic) included.
const TIER_FIELDS = ['bracket', 'initialLeverage', 'qtyCap', 'qtylFloor', 'maintMarginRatio', 'cum'];

describe('GET /dapi/v1/leverageBracket and GET /dapi/v2/leverageBracket', () => {
  test('default: v1 per pair, v2 per symbol, caps in coin', () => {
    const f = startCoinm();
    const v1 = get<CoinmLeverageBracketV1[]>(f, '/dapi/v1/leverageBracket');
    const pairs = [...new Set([...f.coinm.markets.values()].map((m) => m.spec.pair))];
    expect(v1.map((b) => b.pair)).toEqual(pairs);
    const [btc] = get<CoinmLeverageBracketV1[]>(f, '/dapi/v1/leverageBracket', { pair: 'BTCUSD' });
    expect(Object.keys(btc!)).toEqual(['pair', 'brackets']);
    expect(btc!.brackets).toHaveLength(10);
    for (const tier of btc!.brackets) expect(Object.keys(tier)).toEqual(TIER_FIELDS);
    // cum of tier 2 = 5 × (0.005 − 0.004).
    expect(btc!.brackets.slice(0, 2)).toEqual([
      { bracket: 1, initialLeverage: 125, qtyCap: 5, qtylFloor: 0, maintMarginRatio: 0.004, cum: 0 },
      { bracket: 2, initialLeverage: 100, qtyCap: 10, qtylFloor: 5, maintMarginRatio: 0.005, cum: 0.005 },
    ]);
    const v2 = get<CoinmLeverageBracketV2[]>(f, '/dapi/v2/leverageBracket', { symbol: 'ETHUSD_PERP' });
    // No `notionalCoef`: nobody's brackets are scaled here.
    expect(v2.map((b) => Object.keys(b))).toEqual([['symbol', 'brackets']]);
    // v2 spells `qtyFloor` right, as live answers do (ccxt reads only that spelling).
    expect(Object.keys(v2[0]!.brackets[0]!)).toEqual(
      TIER_FIELDS.map((f) => (f === 'qtylFloor' ? 'qtyFloor' : f)),
    );
    expect(v2[0]!.brackets[0]).toEqual({
      bracket: 1,
      initialLeverage: 100,
      qtyCap: 150,
      qtyFloor: 0,
      maintMarginRatio: 0.005,
      cum: 0,
    });
    const eth = get<CoinmLeverageBracketV1[]>(f, '/dapi/v1/leverageBracket', { pair: 'ETHUSD' });
    expect(eth).toEqual([
      {
        pair: 'ETHUSD',
        brackets: v2[0]!.brackets.map(({ qtyFloor, ...t }) => ({
          bracket: t.bracket,
          initialLeverage: t.initialLeverage,
          qtyCap: t.qtyCap,
          qtylFloor: qtyFloor,
          maintMarginRatio: t.maintMarginRatio,
          cum: t.cum,
        })),
      },
    ]);
    expect(get<CoinmLeverageBracketV2[]>(f, '/dapi/v2/leverageBracket').map((b) => b.symbol)).toEqual([
      ...f.coinm.markets.keys(),
    ]);
    expect(send(f, 'GET', '/dapi/v1/leverageBracket', { pair: 'DOGEUSD' }).body).toMatchObject({
      code: -1121,
    });
    expect(send(f, 'GET', '/dapi/v2/leverageBracket', { symbol: 'NOPE' }).body).toMatchObject({
      code: -1121,
    });
  });
});
