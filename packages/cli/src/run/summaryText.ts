import type { RunSummary } from '@basis/bot';

/** The run summary as a small table for the terminal. */
export function summaryText(summary: RunSummary, reportPath: string): string {
  const { pnl, drawdown, trades, risk, exposure, denials } = summary;
  const pct = (value: number | null, digits = 2) => (value === null ? 'n/a' : `${value.toFixed(digits)}%`);
  const num = (value: number | null, digits = 2) => (value === null ? 'n/a' : value.toFixed(digits));
  const quote = summary.run.quoteAsset;
  const rows: [string, string][] = [
    ['strategy', `${summary.run.strategy} (${summary.run.mode}, ${summary.run.symbols.join(', ')})`],
    ['duration', formatDuration(summary.run.durationMs)],
    ['equity', `${pnl.startingEquity} -> ${pnl.endingEquity} ${quote}`],
    ['net PnL', `${pnl.netPnl} ${quote} (${pct(pnl.returnPct, 3)})`],
    ['realized / unrealized', `${pnl.realizedPnl} / ${pnl.unrealizedPnl} ${quote}`],
    ['fees / funding', `${pnl.fees} / ${pnl.funding} ${quote}`],
    ['max drawdown', `${drawdown.max} ${quote} (${pct(drawdown.maxPct, 3)})`],
    ['fills / round trips', `${trades.fills} / ${trades.closed} closed, ${trades.open} open`],
    ['win rate', pct(trades.winRatePct, 1)],
    ['Sharpe / Sortino', `${num(risk.sharpe)} / ${num(risk.sortino)}`],
    ['time in market', pct(exposure.timeInMarketPct, 1)],
    ['risk denials', String(denials.count)],
    ['report', reportPath],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n')}\n`;
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
