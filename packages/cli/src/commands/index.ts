import type { CommandDefinition, FlagSpecs } from '../command.js';

type Loader = () => Promise<{ default: CommandDefinition<FlagSpecs> }>;

/** Every command, loaded only when it runs (so `basis --help` stays instant). */
export const commands: Readonly<Record<string, { readonly summary: string; readonly load: Loader }>> = {
  account: {
    summary: 'show balances, margin totals and positions of an account (local, testnet, demo, production)',
    load: () => import('./account.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  backtest: {
    summary: 'backtest a strategy in virtual time (synthetic market or Binance historical files)',
    load: () => import('./backtest.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  cancel: {
    summary: 'cancel an order by id or client id, or all open orders of a symbol',
    load: () => import('./cancel.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  data: {
    summary: 'import Binance historical files, or download them from data.binance.vision',
    load: () => import('./data.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  exchange: {
    summary: 'run a local Binance USD-M Futures exchange on this machine',
    load: () => import('./exchange.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  leverage: {
    summary: "set a symbol's leverage",
    load: () => import('./leverage.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  order: {
    summary: "place an order, checked against the symbol's filters before it is sent",
    load: () => import('./order.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  orders: {
    summary: 'list open orders (or --all: the order history of a symbol)',
    load: () => import('./orders.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  positions: {
    summary: 'list open positions with entry, mark, PnL and liquidation price',
    load: () => import('./positions.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  run: {
    summary: 'run a strategy in real time on the embedded local exchange, with a live view',
    load: () => import('./run.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  start: {
    summary: 'run an example strategy on the embedded local exchange (what `npm start` runs)',
    load: () => import('./start.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  stream: {
    summary: 'print a market stream live (trades, mark price, book ticker, klines, depth)',
    load: () => import('./stream.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
  version: {
    summary: 'print the versions of the Basis packages and Node',
    load: () => import('./version.js') as Promise<{ default: CommandDefinition<FlagSpecs> }>,
  },
};
