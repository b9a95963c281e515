import { CLIENT_FLAGS, describeTarget, resolveTarget, withClient } from '../client.js';
import { defineCommand } from '../command.js';
import { formatTable, toJson, trimDecimal } from '../table.js';

export default defineCommand({
  name: 'account',
  description: 'show the futures account: balances per asset, margin totals and open positions',
  flags: { ...CLIENT_FLAGS },
  async run({ flags, io }) {
    const target = resolveTarget(flags, io, { changesState: false, action: 'read the account' });
    const account = await withClient(target, (client) => client.getAccountV3());
    if (flags.json) {
      io.stdout.write(toJson({ env: target.env, baseUrl: target.baseUrl ?? null, account }));
      return 0;
    }
    const assets = account.assets.filter(
      (a) =>
        Number(a.walletBalance) !== 0 || Number(a.marginBalance) !== 0 || Number(a.unrealizedProfit) !== 0,
    );
    const lines = [
      `Account on ${describeTarget(target)}`,
      `  wallet ${trimDecimal(account.totalWalletBalance)}  unrealized ${trimDecimal(account.totalUnrealizedProfit)}  margin balance ${trimDecimal(account.totalMarginBalance)}  available ${trimDecimal(account.availableBalance)}`,
      `  initial margin ${trimDecimal(account.totalInitialMargin)}  maintenance margin ${trimDecimal(account.totalMaintMargin)}`,
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
    const positions = account.positions.filter((p) => Number(p.positionAmt) !== 0);
    io.stdout.write(
      positions.length === 0
        ? 'No open positions.\n'
        : `\n${formatTable(
            [
              { header: 'SYMBOL', value: (p) => p.symbol },
              {
                header: 'SIDE',
                value: (p) =>
                  p.positionSide === 'BOTH' ? (Number(p.positionAmt) > 0 ? 'LONG' : 'SHORT') : p.positionSide,
              },
              { header: 'SIZE', value: (p) => trimDecimal(p.positionAmt), right: true },
              { header: 'NOTIONAL', value: (p) => trimDecimal(p.notional), right: true },
              { header: 'UNREALIZED', value: (p) => trimDecimal(p.unrealizedProfit), right: true },
            ],
            positions,
          )}`,
    );
    return 0;
  },
});
