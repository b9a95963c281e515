import { CliUsageError } from '../cliError.js';
import {
  CLIENT_FLAGS,
  describeTarget,
  marketOf,
  perMarket,
  resolveTarget,
  withClient,
  YES_FLAG,
} from '../client.js';
import { defineCommand } from '../command.js';
import { toJson, trimDecimal } from '../table.js';

export default defineCommand({
  name: 'leverage',
  description: "set a symbol's initial leverage (USD-M or COIN-M, by the symbol)",
  usage: '<symbol> <leverage>',
  flags: { ...CLIENT_FLAGS, ...YES_FLAG },
  async run({ flags, positionals, io }) {
    const [rawSymbol, rawLeverage, ...extra] = positionals;
    if (rawSymbol === undefined || rawLeverage === undefined)
      throw new CliUsageError('give a symbol and a leverage: basis leverage BTCUSDT 10');
    if (extra.length > 0) throw new CliUsageError(`unexpected arguments: ${extra.join(' ')}`);
    const leverage = Number(rawLeverage.replace(/x$/i, ''));
    if (!/^\d+x?$/i.test(rawLeverage) || !Number.isInteger(leverage) || leverage < 1 || leverage > 125)
      throw new CliUsageError(`<leverage> must be an integer 1..125; got ${rawLeverage}`);
    const symbol = rawSymbol.toUpperCase();
    const target = resolveTarget(flags, io, {
      changesState: true,
      action: `set ${symbol} leverage to ${leverage}x`,
      market: marketOf([symbol], undefined),
    });
    // USD-M caps the notional at this leverage; COIN-M caps the quantity, in contracts.
    const { result, cap } = await withClient(target, (client) =>
      perMarket<Promise<{ result: object & { symbol: string; leverage: number }; cap: string }>>(client, {
        usdm: async (c) => {
          const result = await c.setLeverage({ symbol, leverage });
          return { result, cap: `max notional at this leverage ${trimDecimal(result.maxNotionalValue)}` };
        },
        coinm: async (c) => {
          const result = await c.setLeverage({ symbol, leverage });
          return { result, cap: `max quantity at this leverage ${trimDecimal(result.maxQty)} contracts` };
        },
      }),
    );
    if (flags.json) {
      io.stdout.write(
        toJson({ env: target.env, baseUrl: target.baseUrl ?? null, market: target.market, ...result }),
      );
      return 0;
    }
    io.stdout.write(
      `${result.symbol} leverage is ${result.leverage}x on ${describeTarget(target)}; ${cap}.\n`,
    );
    return 0;
  },
});
