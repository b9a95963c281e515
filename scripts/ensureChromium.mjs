// The report's browser test drives Debian's Chromium (playwright-core cannot download a browser on
// machines without internet). This runs before `npm test`: it installs Chromium with apt when it is
// missing and the machine allows it, or says exactly what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.BASIS_CHROMIUM ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  process.stderr.write(
    `Chromium is needed by the report's browser test and is not at ${CHROMIUM}.\n` +
      'Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`), or point BASIS_CHROMIUM at a Chromium binary.\n',
  );
  process.exit(1);
}

process.stdout.write('Installing Debian chromium for the browser tests (once)...\n');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const run = (args) =>
  spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
// The package lists may be empty on a fresh machine: update, then install.
if (
  !(
    run(['install', '-y', '-qq', 'chromium']) ||
    (run(['update', '-qq']) && run(['install', '-y', '-qq', 'chromium']))
  )
) {
  process.stderr.write('apt-get could not install chromium; install it by hand and run the tests again.\n');
  process.exit(1);
}
process.exit(existsSync(CHROMIUM) ? 0 : 1);
