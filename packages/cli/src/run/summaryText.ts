import type { RiskSummary, RunSummary } from '@basis/bot';

/** The run summary as a small table for the terminal. */
export function summaryText(summary: RunSummary, reportPath: string, fillsPath?: string): string {
  const { pnl, drawdown, trades, risk, exposure, denials } = summary;
  const pct = (value: number | null, digits = 2) => (value === null ? 'n/a' : `${value.toFixed(digits)}%`);
  const quote = summary.run.quoteAsset;
  const rows: [string, string][] = [
    ['strategy', `${summary.run.strategy} (${summary.run.mode}, ${summary.run.symbols.join(', ')})`],
    ['duration', formatDuration(summary.run.durationMs)],
    ['equity', `${pnl.startingEquity} -> ${pnl.endingEquity} ${quote}`],
    ['net PnL', `${pnl.netPnl} ${quote} (${pct(pnl.returnPct, 3)})`],
    ['realized / unrealized', `${pnl.realizedPnl} / ${pnl.unrealizedPnl} ${quote}`],
    ['fees / funding', `${pnl.fees} / ${pnl.funding} ${quote}`],
    // COIN-M: the coin figures above are exact; their USD value is at the coin's index price.
    ...(pnl.usd === null
      ? []
      : ([
          ['net PnL in USD', `${pnl.usd.netPnl} USD (at the ${quote} index ${pnl.usd.endPrice})`],
          ['equity in USD', `${pnl.usd.startingEquity} -> ${pnl.usd.endingEquity} USD`],
        ] as [string, string][])),
    ['max drawdown', `${drawdown.max} ${quote} (${pct(drawdown.maxPct, 3)})`],
    ['fills / round trips', `${trades.fills} / ${trades.closed} closed, ${trades.open} open`],
    ['win rate', pct(trades.winRatePct, 1)],
    ['Sharpe / Sortino', ratios(risk)],
    ['time in market', pct(exposure.timeInMarketPct, 1)],
    ['risk denials', String(denials.count)],
    ['report', reportPath],
    ...(fillsPath === undefined ? [] : ([['fills', fillsPath]] as [string, string][])),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n')}\n`;
}

/**
 * `1.23 / 2.34`, or `n/a` with the reason; one reason when both ratios are missing for the same one (a short
 * run), so the line stays short.
 */
export function ratios(risk: RiskSummary): string {
  const { sharpe, sortino, sharpeNullReason, sortinoNullReason } = risk;
  if (sharpe === null && sortino === null && sharpeNullReason === sortinoNullReason) {
    return withReason('n/a / n/a', sharpeNullReason);
  }
  const one = (value: number | null, reason: string | null) =>
    value === null ? withReason('n/a', reason) : value.toFixed(2);
  return `${one(sharpe, sharpeNullReason)} / ${one(sortino, sortinoNullReason)}`;
}

function withReason(text: string, reason: string | null): string {
  return reason === null ? text : `${text} (${reason})`;
}

/** `1h 02m 03s`, `4m 05s`, `12s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m ${String(s).padStart(2, '0')}s`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}
