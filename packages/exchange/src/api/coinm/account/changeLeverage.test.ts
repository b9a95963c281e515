import type { CoinmAccount, CoinmPositionRisk } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { closeAll, fill, get, send, setMark, startCoinm } from './testing.js';

afterEach(closeAll);

describe('POST /dapi/v1/leverage', () => {
  test('default: answers `{leverage, maxQty, symbol}`, `maxQty` the cap in coin; the views follow', () => {
    const f = startCoinm();
    fill(f, 'BTCUSD_PERP', 'BUY', '100', '50000');
    setMark(f, 'BTCUSD_PERP', '55000');
    const answer = send(f, 'POST', '/dapi/v1/leverage', { symbol: 'BTCUSD_PERP', leverage: 125 });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body as object)).toEqual(['leverage', 'maxQty', 'symbol']);
    expect(answer.body).toEqual({ leverage: 125, maxQty: '5', symbol: 'BTCUSD_PERP' });
    const row = get<CoinmAccount>(f, '/dapi/v1/account').positions[0]!;
    // 0.18181818 BTC / 125 = 0.00145454.
    expect(row).toMatchObject({ leverage: '125', maxQty: '5', initialMargin: '0.00145454' });
    const risk = get<CoinmPositionRisk[]>(f, '/dapi/v1/positionRisk', { pair: 'BTCUSD' })[0]!;
    expect(risk).toMatchObject({ leverage: '125', maxQty: '5' });
  });

  test('behavior: Binance’s codes: an invalid leverage, a position beyond the new cap, missing params', () => {
    const f = startCoinm();
    expect(send(f, 'POST', '/dapi/v1/leverage', { symbol: 'BTCUSD_PERP', leverage: 126 }).body).toEqual({
      code: -4028,
      msg: 'Leverage 126 is not valid',
    });
    // 1,000 contracts at 15,000 = 6.67 BTC, beyond the 125× cap of 5 BTC.
    fill(f, 'BTCUSD_PERP', 'BUY', '1000', '15000');
    expect(send(f, 'POST', '/dapi/v1/leverage', { symbol: 'BTCUSD_PERP', leverage: 125 }).body).toMatchObject(
      {
        code: -2027,
      },
    );
    expect(send(f, 'POST', '/dapi/v1/leverage', { symbol: 'NOPE', leverage: 5 }).body).toMatchObject({
      code: -1121,
    });
    expect(send(f, 'POST', '/dapi/v1/leverage', { symbol: 'BTCUSD_PERP' }).body).toMatchObject({
      code: -1102,
    });
  });
});
