import { CliUsageError } from '../cliError.js';
import { defineCommand } from '../command.js';
import { PAPER_FLAGS, runPaperCommand } from '../run/paperCommand.js';

const ENVS = ['local', 'testnet', 'demo', 'production'] as const;

export default defineCommand({
  name: 'run',
  description: 'run a strategy in real time: on the embedded local exchange (paper), with a live view',
  usage: '<strategy>',
  flags: {
    env: {
      type: 'string',
      default: 'local',
      valueName: 'ENV',
      description: 'local (the embedded exchange; default), testnet, demo or production',
    },
    ...PAPER_FLAGS,
  },
  async run({ flags, positionals, io }) {
    const strategy = positionals[0];
    if (strategy === undefined)
      throw new CliUsageError('name a strategy: an example (market-maker) or a file path');
    if (!(ENVS as readonly string[]).includes(flags.env))
      throw new CliUsageError(`--env must be one of ${ENVS.join(', ')}; got ${flags.env}`);
    if (flags.env !== 'local') {
      // Live trading needs the SDK's streams (user data, reconnects, order book); until they land it
      // is refused outright rather than run half-built with real money.
      throw new CliUsageError(
        `--env ${flags.env} is not available yet: live trading waits for the SDK's streams. Use --env local (paper) or basis backtest.`,
      );
    }
    return runPaperCommand({ strategy, flags, io });
  },
});
