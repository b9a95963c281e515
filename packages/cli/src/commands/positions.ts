import { CLIENT_FLAGS, describeTarget, resolveTarget, withClient } from '../client.js';
import { defineCommand } from '../command.js';
import { formatTable, toJson, trimDecimal } from '../table.js';

export default defineCommand({
  name: 'positions',
  description: 'list open positions: size, entry, mark, unrealized PnL, liquidation price',
  flags: {
    ...CLIENT_FLAGS,
    symbol: { type: 'string', valueName: 'SYMBOL', description: 'only this symbol' },
  },
  async run({ flags, io }) {
    const target = resolveTarget(flags, io, { changesState: false, action: 'read positions' });
    const symbol = flags.symbol?.toUpperCase();
    const rows = await withClient(target, (client) =>
      client.getPositionRiskV3(symbol === undefined ? {} : { symbol }),
    );
    const positions = rows.filter((p) => Number(p.positionAmt) !== 0);
    if (flags.json) {
      io.stdout.write(toJson({ env: target.env, baseUrl: target.baseUrl ?? null, positions }));
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
          { header: 'SYMBOL', value: (p) => p.symbol },
          {
            header: 'SIDE',
            value: (p) =>
              p.positionSide === 'BOTH' ? (Number(p.positionAmt) > 0 ? 'LONG' : 'SHORT') : p.positionSide,
          },
          { header: 'SIZE', value: (p) => trimDecimal(p.positionAmt), right: true },
          { header: 'ENTRY', value: (p) => trimDecimal(p.entryPrice), right: true },
          { header: 'MARK', value: (p) => trimDecimal(p.markPrice), right: true },
          { header: 'NOTIONAL', value: (p) => trimDecimal(p.notional), right: true },
          { header: 'UNREALIZED', value: (p) => trimDecimal(p.unRealizedProfit), right: true },
          { header: 'LIQ', value: (p) => trimDecimal(p.liquidationPrice), right: true },
          { header: 'MARGIN', value: (p) => (Number(p.isolatedMargin) !== 0 ? 'isolated' : 'cross') },
        ],
        positions,
      ),
    );
    return 0;
  },
});
