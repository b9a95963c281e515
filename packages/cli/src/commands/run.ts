import { CliUsageError } from '../cliError.js';
import { CLIENT_FLAGS, YES_FLAG } from '../client.js';
import { defineCommand } from '../command.js';
import { LIVE_FLAGS, runLiveCommand } from '../run/liveCommand.js';
import { PAPER_FLAGS, runPaperCommand } from '../run/paperCommand.js';
import { RISK_FLAGS } from '../run/riskFlags.js';

const ENVS = ['local', 'testnet', 'demo', 'production'] as const;

export default defineCommand({
  name: 'run',
  description:
    'run a strategy in real time: paper on the embedded local exchange, or live through the SDK (--env testnet|demo|production, or --env local --url URL)',
  usage: '<strategy>',
  flags: {
    env: {
      type: 'string',
      default: 'local',
      valueName: 'ENV',
      description:
        'local (default: the embedded exchange, paper; with --url, live on that exchange), testnet, demo or production (needs --yes or a confirmation at the prompt)',
    },
    url: CLIENT_FLAGS.url,
    ...YES_FLAG,
    ...PAPER_FLAGS,
    ...RISK_FLAGS,
    ...LIVE_FLAGS,
  },
  async run({ flags, positionals, io }) {
    const strategy = positionals[0];
    if (strategy === undefined)
      throw new CliUsageError('name a strategy: an example (market-maker) or a file path');
    if (!(ENVS as readonly string[]).includes(flags.env))
      throw new CliUsageError(`--env must be one of ${ENVS.join(', ')}; got ${flags.env}`);
    // Paper on the embedded exchange unless a venue is named: a remote environment, or a URL.
    if (flags.env === 'local' && flags.url === undefined) {
      // A paper run trades a fresh embedded account that ends with it: no earlier run's kill switch
      // to keep, nothing left behind on the exchange.
      const live = Object.keys(LIVE_FLAGS).filter((name) => {
        const value = flags[name as keyof typeof LIVE_FLAGS];
        return value !== undefined && value !== false;
      });
      if (live.length > 0)
        throw new CliUsageError(
          `${live.map((name) => `--${name}`).join(', ')}: for live runs only (--env testnet|demo|production, or --url)`,
        );
      return runPaperCommand({ strategy, flags, io });
    }
    return runLiveCommand({ strategy, flags, io });
  },
});
