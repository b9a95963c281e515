import type { CommandDefinition, FlagSpecs } from '../command.js';

type Loader = () => Promise<{ default: CommandDefinition<FlagSpecs> }>;

/** Every command, loaded only when it runs (so `basis --help` stays instant). */
export const commands: Readonly<Record<string, { readonly summary: string; readonly load: Loader }>> = {
  exchange: {
    summary: 'run a local Binance USD-M Futures exchange on this machine',
    load: () => import('./exchange.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  start: {
    summary: 'run the example on the embedded local exchange (what `npm start` runs)',
    load: () => import('./start.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  version: {
    summary: 'print the versions of the Basis packages and Node',
    load: () => import('./version.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
};
