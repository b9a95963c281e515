#!/usr/bin/env node
// Thin launcher: enable Node's compile cache where available, then load the built CLI.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/main.js');
await main(process.argv.slice(2));
