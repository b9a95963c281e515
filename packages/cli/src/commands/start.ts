import { defineCommand } from '../command.js';
import { PAPER_FLAGS, runPaperCommand } from '../run/paperCommand.js';
import { RISK_FLAGS } from '../run/riskFlags.js';

export default defineCommand({
  name: 'start',
  description:
    'run an example strategy (the market maker) on the embedded local exchange in real time, with a live view; ' +
    'Ctrl-C or --duration ends it with a summary and an HTML report. No keys, no network.',
  flags: {
    strategy: {
      type: 'string',
      default: 'market-maker',
      valueName: 'NAME|PATH',
      description: 'an example (market-maker, trend-follower, funding-carry) or a strategy file',
    },
    ...PAPER_FLAGS,
    ...RISK_FLAGS,
  },
  run: ({ flags, io }) => runPaperCommand({ strategy: flags.strategy, flags, io }),
});
