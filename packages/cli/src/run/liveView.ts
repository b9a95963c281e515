import type { PaperUpdate } from '@basis/bot';
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
      const positions = Object.entries(update.positions).filter(([, amount]) => !/^-?0(\.0*)?$/.test(amount));
      const positionText =
        positions.length === 0
          ? 'flat'
          : positions.map(([symbol, amount]) => `${symbol} ${amount}`).join(', ');
      if (!tty) {
        if (update.time - lastPlain < PLAIN_EVERY_MS) return;
        lastPlain = update.time;
        io.stdout.write(
          `${new Date(update.time).toISOString()} equity=${update.equity} upnl=${update.unrealizedPnl} fills=${update.fills} position=${positionText}\n`,
        );
        return;
      }
      const remaining =
        context.durationMs === undefined
          ? 'until Ctrl-C'
          : `${formatDuration(Math.max(0, context.durationMs - elapsed))} left`;
      draw([
        `basis: ${context.strategy} on ${context.where ?? 'the embedded local exchange (paper)'}   ${formatDuration(elapsed)} elapsed, ${remaining}`,
        `  equity      ${update.equity} ${update.asset}`,
        `  unrealized  ${update.unrealizedPnl} ${update.asset}`,
        `  fills       ${update.fills}`,
        `  position    ${positionText}`,
        `  exchange    ${context.restUrl ?? 'in-process'}`,
      ]);
    },
  };
}
