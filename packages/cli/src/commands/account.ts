import {
  CLIENT_FLAGS,
  describeTarget,
  MARKET_FLAG,
  marketOf,
  perMarket,
  resolveTarget,
  type TradingClient,
  targetJson,
  withClient,
} from '../client.js';
import { defineCommand } from '../command.js';
import { formatTable, positionColumns, toJson, trimDecimal } from '../table.js';

/** The account, as one view: USD-M has totals (in USD); COIN-M balances are per coin only. */
function readAccount(client: TradingClient): Promise<AccountView> {
  return perMarket<Promise<AccountView>>(client, {
    usdm: async (c) => {
      const account = await c.getAccountV3();
      return { account, totals: account, positions: account.positions };
    },
    coinm: async (c) => {
      const account = await c.getAccount();
      return {
        account,
        totals: undefined,
        positions: account.positions.map((p) => ({ ...p, notional: p.notionalValue ?? '' })),
      };
    },
  });
}

interface AccountView {
  /** The account as the exchange answered it (for --json). */
  readonly account: {
    readonly assets: readonly {
      asset: string;
      walletBalance: string;
      unrealizedProfit: string;
      marginBalance: string;
      availableBalance: string;
    }[];
  };
  readonly totals:
    | {
        totalWalletBalance: string;
        totalUnrealizedProfit: string;
        totalMarginBalance: string;
        availableBalance: string;
        totalInitialMargin: string;
        totalMaintMargin: string;
      }
    | undefined;
  readonly positions: readonly {
    symbol: string;
    positionSide: string;
    positionAmt: string;
    notional: string;
    unrealizedProfit: string;
  }[];
}

export default defineCommand({
  name: 'account',
  description:
    'show the futures account: balances per asset, margin totals and open positions (COIN-M: --market coinm, balances in coin, sizes in contracts)',
  flags: { ...CLIENT_FLAGS, ...MARKET_FLAG },
  async run({ flags, io }) {
    const market = marketOf([], flags.market);
    const target = resolveTarget(flags, io, { changesState: false, action: 'read the account', market });
    const { account, totals, positions: all } = await withClient(target, readAccount);
    if (flags.json) {
      io.stdout.write(
        toJson({
          ...targetJson(target),
          account,
        }),
      );
      return 0;
    }
    const assets = account.assets.filter(
      (a) =>
        Number(a.walletBalance) !== 0 || Number(a.marginBalance) !== 0 || Number(a.unrealizedProfit) !== 0,
    );
    const lines = [
      `Account on ${describeTarget(target)}`,
      ...(totals === undefined
        ? ['  balances in each margin coin; position sizes in contracts']
        : [
            `  wallet ${trimDecimal(totals.totalWalletBalance)}  unrealized ${trimDecimal(totals.totalUnrealizedProfit)}  margin balance ${trimDecimal(totals.totalMarginBalance)}  available ${trimDecimal(totals.availableBalance)}`,
            `  initial margin ${trimDecimal(totals.totalInitialMargin)}  maintenance margin ${trimDecimal(totals.totalMaintMargin)}`,
          ]),
      '',
    ];
    io.stdout.write(lines.join('\n'));
    io.stdout.write(
      assets.length === 0
        ? 'No balances.\n'
        : formatTable(
            [
              { header: 'ASSET', value: (a) => a.asset },
              { header: 'WALLET', value: (a) => trimDecimal(a.walletBalance), right: true },
              { header: 'UNREALIZED', value: (a) => trimDecimal(a.unrealizedProfit), right: true },
              { header: 'MARGIN', value: (a) => trimDecimal(a.marginBalance), right: true },
              { header: 'AVAILABLE', value: (a) => trimDecimal(a.availableBalance), right: true },
            ],
            assets,
          ),
    );
    const positions = all.filter((p) => Number(p.positionAmt) !== 0);
    io.stdout.write(
      positions.length === 0
        ? 'No open positions.\n'
        : `\n${formatTable(
            [
              ...positionColumns(market),
              { header: 'NOTIONAL', value: (p) => trimDecimal(p.notional), right: true },
              { header: 'UNREALIZED', value: (p) => trimDecimal(p.unrealizedProfit), right: true },
            ],
            positions,
          )}`,
    );
    return 0;
  },
});
