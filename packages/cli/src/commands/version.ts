import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineCommand } from '../command.js';

const PACKAGES = ['@basis/core', '@basis/sdk', '@basis/exchange', '@basis/bot', '@basis/cli'] as const;

function versionOf(name: string): string {
  const require = createRequire(import.meta.url);
  const manifest: unknown = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest
    ? String(manifest.version)
    : '?';
}

export default defineCommand({
  name: 'version',
  description: 'print the versions of the Basis packages and Node',
  flags: {},
  run({ flags, io }) {
    const versions: Record<string, string> = { node: process.versions.node };
    for (const name of PACKAGES) versions[name] = versionOf(name);
    if (flags.json) io.stdout.write(`${JSON.stringify(versions)}\n`);
    else for (const [name, version] of Object.entries(versions)) io.stdout.write(`${name} ${version}\n`);
    return 0;
  },
});
