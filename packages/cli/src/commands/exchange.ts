import { createExchange } from '@basis/exchange';
import { CliUsageError } from '../cliError.js';
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'exchange',
  description: 'run a local Binance USD-M Futures exchange (REST, streams, WebSocket API) on this machine',
  flags: {
    port: { type: 'string', default: '0', valueName: 'N', description: 'TCP port; 0 picks a free one' },
    host: { type: 'string', default: '127.0.0.1', valueName: 'address', description: 'interface to bind' },
    seed: { type: 'string', default: '1', valueName: 'N', description: 'seed of the synthetic market' },
    state: {
      type: 'string',
      valueName: 'DIR',
      description: 'keep the journal and snapshots here; restarting with it resumes the same exchange',
    },
    replay: {
      type: 'string',
      valueName: 'DIR',
      description:
        'replay Binance historical files (data.binance.vision layout) instead of the synthetic market',
    },
    'no-rate-limits': {
      type: 'boolean',
      default: false,
      description: "turn off Binance's request and order limits",
    },
  },
  async run({ flags, io }) {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliUsageError(`--port must be 0..65535, got ${flags.port}`);
    if (flags.replay !== undefined) {
      throw new CliUsageError('--replay is not available yet; run without it for the synthetic market');
    }
    const seed = /^\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed;
    const exchange = createExchange({
      seed,
      ...(flags.state === undefined ? {} : { stateDir: flags.state }),
      ...(flags['no-rate-limits'] ? { rateLimits: { enabled: false } } : {}),
    });
    const endpoints = await exchange.listen({ host: flags.host, port });
    const account = exchange.defaultAccount;
    const facts = {
      restUrl: endpoints.restUrl,
      wsUrl: endpoints.wsUrl,
      wsApiUrl: endpoints.wsApiUrl,
      adminUrl: `${endpoints.restUrl}/admin`,
      apiKey: account?.apiKey ?? null,
      apiSecret: account?.apiSecret ?? null,
      accountId: account?.accountId ?? null,
      seed,
      stateDir: flags.state ?? null,
      symbols: [...exchange.venue.markets.keys()],
    };
    if (flags.json) {
      io.stdout.write(`${JSON.stringify(facts)}\n`);
    } else {
      io.stdout.write(
        [
          'Basis local exchange (Binance USD-M Futures protocol) is running.',
          `  REST        ${facts.restUrl}`,
          `  streams     ${facts.wsUrl}`,
          `  WS API      ${facts.wsApiUrl}`,
          `  admin       ${facts.adminUrl}`,
          `  api key     ${facts.apiKey ?? '(none)'}`,
          `  api secret  ${facts.apiSecret ?? '(none)'}`,
          `  symbols     ${facts.symbols.join(', ')}`,
          flags.state === undefined
            ? '  state       in memory (use --state DIR to keep it)'
            : `  state       ${flags.state}`,
          'Press Ctrl-C to stop.',
          '',
        ].join('\n'),
      );
    }
    await new Promise<void>((resolve) => {
      if (io.stopSignal.aborted) resolve();
      else io.stopSignal.addEventListener('abort', () => resolve(), { once: true });
    });
    await exchange.close();
    if (!flags.json) io.stdout.write('Stopped; the journal is flushed.\n');
    return 0;
  },
});
