import { coinOfSymbol } from '@basis/bot';
import {
  CLIENT_FLAGS,
  describeTarget,
  MARKET_FLAG,
  marketOf,
  perMarket,
  resolveTarget,
  targetJson,
  withClient,
} from '../client.js';
import { defineCommand } from '../command.js';
import { formatTable, positionColumns, toJson, trimDecimal } from '../table.js';

export default defineCommand({
  name: 'positions',
  description:
    'list open positions: size, entry, mark, unrealized PnL, liquidation price (COIN-M: a COIN-M --symbol or --market coinm; sizes in contracts, PnL in coin)',
  flags: {
    ...CLIENT_FLAGS,
    ...MARKET_FLAG,
    symbol: { type: 'string', valueName: 'SYMBOL', description: 'only this symbol' },
  },
  async run({ flags, io }) {
    const symbol = flags.symbol?.toUpperCase();
    const market = marketOf([symbol], flags.market);
    const target = resolveTarget(flags, io, { changesState: false, action: 'read positions', market });
    const bySymbol = symbol === undefined ? {} : { symbol };
    const rows = await withClient(target, (client) =>
      perMarket<Promise<PositionView[]>>(client, {
        usdm: (c) => c.getPositionRiskV3(bySymbol),
        // COIN-M filters by pair, not symbol; `notionalValue` (in coin) where USD-M says `notional`.
        coinm: async (c) =>
          (await c.getPositionRisk())
            .filter((p) => symbol === undefined || p.symbol === symbol)
            .map((p) => ({
              ...p,
              notional: p.notionalValue ?? '',
              marginAsset: coinOfSymbol(p.symbol) ?? '',
            })),
      }),
    );
    const positions = rows.filter((p) => Number(p.positionAmt) !== 0);
    if (flags.json) {
      io.stdout.write(
        toJson({
          ...targetJson(target),
          positions,
        }),
      );
      return 0;
    }
    if (positions.length === 0) {
      io.stdout.write(
        `No open positions${symbol === undefined ? '' : ` on ${symbol}`} (${describeTarget(target)}).\n`,
      );
      return 0;
    }
    io.stdout.write(
      formatTable(
        [
          ...positionColumns(market),
          { header: 'ENTRY', value: (p) => trimDecimal(p.entryPrice), right: true },
          { header: 'MARK', value: (p) => trimDecimal(p.markPrice), right: true },
          { header: 'NOTIONAL', value: (p) => trimDecimal(p.notional), right: true },
          { header: 'UNREALIZED', value: (p) => trimDecimal(p.unRealizedProfit), right: true },
          { header: 'IN', value: (p) => p.marginAsset },
          { header: 'LIQ', value: (p) => trimDecimal(p.liquidationPrice), right: true },
          { header: 'MARGIN', value: (p) => (Number(p.isolatedMargin) !== 0 ? 'isolated' : 'cross') },
        ],
        positions,
      ),
    );
    return 0;
  },
});

/** The fields the table shows, as both markets answer them. */
interface PositionView {
  readonly symbol: string;
  readonly positionSide: string;
  readonly positionAmt: string;
  readonly entryPrice: string;
  readonly markPrice: string;
  readonly notional: string;
  readonly unRealizedProfit: string;
  readonly liquidationPrice: string;
  readonly isolatedMargin: string;
  /** The asset of the notional, PnL and margin: USDT/USDC on USD-M, the coin on COIN-M. */
  readonly marginAsset: string;
}
