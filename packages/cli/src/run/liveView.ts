import type { FeedHealth, PaperUpdate } from '@basis/bot';
import { Decimal } from '@basis/core';
import type { CommandIo } from '../command.js';
import { formatDuration } from './summaryText.js';

/** What the live view shows besides the runtime's updates. */
export interface LiveViewContext {
  readonly strategy: string;
  readonly restUrl: string | undefined;
  readonly startedAt: number;
  readonly durationMs: number | undefined;
  /** Where it runs, for the header (default: `the embedded local exchange (paper)`). */
  readonly where?: string;
}

export interface LiveView {
  update(update: PaperUpdate): void;
  /** A strategy's log line: above the block on a terminal (the block is redrawn under it), stderr otherwise. */
  log(line: string): void;
}

const PLAIN_EVERY_MS = 5_000;
/** Width assumed when the terminal does not say (a line longer than the terminal would wrap and break the redraw). */
const DEFAULT_COLUMNS = 120;
const ORDERS_SHOWN = 4;
const ESC = '\u001b[';

/**
 * The terminal view of a running strategy: a block redrawn in place on a terminal, one plain log
 * line every few seconds otherwise (a file or a pipe gets no escape codes).
 */
export function createLiveView(io: CommandIo, context: LiveViewContext): LiveView {
  const tty = io.stdout.isTTY === true;
  let drawn = 0;
  let block: readonly string[] = [];
  let lastPlain = 0;
  const draw = (lines: readonly string[]): void => {
    // Up over the previous block, then rewrite each line in place.
    const up = drawn > 0 ? `${ESC}${drawn}A` : '';
    io.stdout.write(`${up}${lines.map((line) => `${ESC}2K${line}`).join('\n')}\n`);
    drawn = lines.length;
    block = lines;
  };
  return {
    log(line) {
      if (!tty) {
        io.stderr.write(`${line}\n`);
        return;
      }
      io.stdout.write(`${drawn > 0 ? `${ESC}${drawn}A${ESC}0J` : ''}${line}\n`);
      drawn = 0;
      if (block.length > 0) draw(block);
    },
    update(update) {
      const elapsed = update.time - context.startedAt;
      if (!tty) {
        if (update.time - lastPlain < PLAIN_EVERY_MS) return;
        lastPlain = update.time;
        io.stdout.write(`${plainLine(update)}\n`);
        return;
      }
      const remaining =
        context.durationMs === undefined
          ? 'until Ctrl-C'
          : `${formatDuration(Math.max(0, context.durationMs - elapsed))} left`;
      const width = io.stdout.columns ?? DEFAULT_COLUMNS;
      draw(
        [
          `basis: ${context.strategy} on ${context.where ?? 'the embedded local exchange (paper)'}   ${formatDuration(elapsed)} elapsed, ${remaining}`,
          ...blockLines(update),
          `  exchange    ${context.restUrl ?? 'in-process'}`,
        ].map((line) => fit(line, width)),
      );
    },
  };
}

/** The view's lines between the header and the exchange: prices, position, PnL, orders, fills, feeds. */
function blockLines(update: PaperUpdate): string[] {
  const asset = update.asset;
  const lines: string[] = [];
  for (const [symbol, m] of Object.entries(update.markets)) {
    const parts = [
      ['last', m.last],
      ['bid', m.bid],
      ['ask', m.ask],
      ['mark', m.mark],
    ].filter((part): part is [string, string] => part[1] !== undefined);
    const prices = parts.length === 0 ? 'no price yet' : parts.map(([k, v]) => `${k} ${v}`).join('  ');
    lines.push(`  ${symbol.padEnd(11)} ${prices}`);
  }
  const open = openPositions(update);
  lines.push(
    `  position    ${open.length === 0 ? 'flat' : open.map((s) => `${s} ${update.positions[s]} @ ${update.entryPrices[s]}`).join(', ')}`,
  );
  lines.push(
    `  PnL         ${money(update.netPnl, asset, true)} ${asset}  realized ${money(update.realizedPnl, asset, true)}  unrealized ${money(update.unrealizedPnl, asset, true)}  fees ${money(update.fees, asset)}  funding ${money(update.funding, asset, true)}`,
  );
  lines.push(`  equity      ${money(update.equity, asset)} ${asset}`);
  const orders = update.openOrders;
  const shown = orders
    .slice(0, ORDERS_SHOWN)
    .map(
      (o) =>
        `${o.side} ${o.quantity} @ ${o.price}${Decimal.parse(o.filledQty).isZero() ? '' : ` (${o.filledQty} filled)`}`,
    );
  const more = orders.length > ORDERS_SHOWN ? `, +${orders.length - ORDERS_SHOWN} more` : '';
  lines.push(
    `  orders      ${orders.length === 0 ? 'none open' : `${orders.length} open: ${shown.join(', ')}${more}`}`,
  );
  const recent = update.recentFills
    .slice()
    .reverse()
    .map((f) => `${f.side} ${f.qty} @ ${f.price} (${new Date(f.time).toISOString().slice(11, 19)})`);
  lines.push(`  fills       ${update.fills}${recent.length === 0 ? '' : `; last ${recent.join(', ')}`}`);
  const { market, account, lastMarketEventAt } = update.feeds;
  const age =
    lastMarketEventAt === undefined
      ? 'no event yet'
      : `last event ${(Math.max(0, update.time - lastMarketEventAt) / 1000).toFixed(1)}s ago`;
  lines.push(`  streams     market ${feedText(market)}, ${age}; account ${feedText(account)}`);
  return lines;
}

/** The one line a file or pipe gets every few seconds. */
function plainLine(update: PaperUpdate): string {
  const open = openPositions(update);
  const position = open.length === 0 ? 'flat' : open.map((s) => `${s} ${update.positions[s]}`).join(',');
  const prices = Object.entries(update.markets)
    .map(([s, m]) => `${s}:${m.last ?? m.mark ?? '?'}`)
    .join(',');
  return `${new Date(update.time).toISOString()} equity=${update.equity} upnl=${update.unrealizedPnl} net=${update.netPnl} fills=${update.fills} position=${position} orders=${update.openOrders.length} price=${prices} streams=${update.feeds.market.state}/${update.feeds.account.state}`;
}

/** The symbols with an open position: those with an entry price. */
function openPositions(update: PaperUpdate): string[] {
  return Object.keys(update.entryPrices);
}

function feedText(feed: FeedHealth): string {
  return feed.reconnects === 0 ? feed.state : `${feed.state} (${feed.reconnects} reconnects)`;
}

/** Money for the eye: 4 decimals in a stablecoin, 8 in a coin (COIN-M); `signed` adds a `+`. */
function money(value: string, asset: string, signed = false): string {
  const text = Decimal.parse(value).toFixed(STABLE.test(asset) ? 4 : 8, 'half-even');
  return signed && !text.startsWith('-') && !/^0\.0*$/.test(text) ? `+${text}` : text;
}

const STABLE = /^(USDT|USDC|FDUSD|BUSD)$/;

/** Cuts a line to the terminal's width. */
function fit(line: string, width: number): string {
  return line.length <= width ? line : `${line.slice(0, Math.max(0, width - 1))}…`;
}
