import type { CoinmUserTrade } from '@basis/core';
import { MONEY_SCALE } from '../../../margin/precision.js';
import { selectUserTrades } from '../../account/historyQueries.js';
import { apiError } from '../../apiError.js';
import { accountOf, defineEndpoint } from '../../endpoint.js';
import { ParamReader } from '../../params.js';
import { marketsMatching } from './views.js';

/**
 * `GET /dapi/v1/userTrades` (`symbol` or `pair`, `orderId`, `startTime`, `endTime`, `fromId`,
 * `limit` default 50, max 1000): the account's fills on the symbol, or on every symbol of the pair,
 * oldest first; rows add `pair`, `marginAsset` and `baseQty` (the fill's value in coin) and drop
 * `quoteQty`. Which fills: {@link selectUserTrades}.
 * - neither `symbol` nor `pair` → `-1102`; both, or `pair` with `fromId` or `orderId` → `-1128`.
 * Weight 20 with `symbol`, 40 with `pair`.
 */
export const getUserTrades = defineEndpoint<CoinmUserTrade[]>({
  name: 'getUserTrades',
  security: 'USER_DATA',
  weight(params) {
    const p = new ParamReader(params);
    return p.has('pair') && !p.has('symbol') ? 40 : 20;
  },
  command: false,
  handle(venue, context, params) {
    const p = new ParamReader(params);
    const symbol = p.string('symbol');
    const pair = p.string('pair');
    if (symbol === undefined && pair === undefined) {
      throw apiError(-1102, ['symbol', 'pair'], { template: 1 });
    }
    if (symbol !== undefined && pair !== undefined) throw apiError(-1128);
    if (pair !== undefined && (p.has('fromId') || p.has('orderId'))) throw apiError(-1128);
    const markets = symbol !== undefined ? [venue.market(symbol)] : marketsMatching(venue, { pair });
    const bySymbol = new Map(markets.map((m) => [m.symbol, m]));
    const picked = selectUserTrades(p, accountOf(context), context.now, (s) => bySymbol.has(s), 50);
    return picked.map((t) => {
      const market = bySymbol.get(t.symbol)!;
      return {
        symbol: t.symbol,
        id: t.id,
        orderId: t.orderId,
        pair: market.spec.pair,
        side: t.side,
        price: t.price.toFixed(market.priceDecimals),
        qty: t.qty.toFixed(market.qtyDecimals),
        realizedPnl: t.realizedPnl.toFixed(MONEY_SCALE),
        marginAsset: market.spec.marginAsset,
        baseQty: t.quoteQty.toFixed(MONEY_SCALE),
        commission: t.commission.toFixed(MONEY_SCALE),
        commissionAsset: t.commissionAsset,
        time: t.time,
        positionSide: t.positionSide,
        buyer: t.side === 'BUY',
        maker: t.maker,
      };
    });
  },
});
