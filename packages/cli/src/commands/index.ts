import type { CommandDefinition, FlagSpecs } from '../command.js';

type Loader = () => Promise<{ default: CommandDefinition<FlagSpecs> }>;

/** Every command, loaded only when it runs (so `basis --help` stays instant). */
export const commands: Readonly<Record<string, { readonly summary: string; readonly load: Loader }>> = {
  backtest: {
    summary: 'backtest a strategy in virtual time (synthetic market or Binance historical files)',
    load: () => import('./backtest.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  exchange: {
    summary: 'run a local Binance USD-M Futures exchange on this machine',
    load: () => import('./exchange.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  run: {
    summary: 'run a strategy in real time on the embedded local exchange, with a live view',
    load: () => import('./run.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  start: {
    summary: 'run an example strategy on the embedded local exchange (what `npm start` runs)',
    load: () => import('./start.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  version: {
    summary: 'print the versions of the Basis packages and Node',
    load: () => import('./version.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
};
