export type { CommandContext, CommandDefinition, CommandIo, FlagSpec, FlagSpecs } from './command.js';
export { defineCommand } from './command.js';
export { main, run } from './main.js';
