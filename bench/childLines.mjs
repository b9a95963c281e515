// Benchmark children answer in JSON lines on stdout, one per question, in order. Both sides of that
// exchange live here: the parent's (`jsonLines`, `askCpuMs`, `stopForMemory`) and the child's
// (`report`, `answerParent`).

/**
 * Reads `child`'s stdout as JSON lines; the returned `next(what)` resolves with the next line, or
 * rejects if the child exits first (the error reads `${name} exited (code) before ${what}`).
 */
export function jsonLines(child, name) {
  const lines = [];
  const waiters = [];
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    for (let nl = buffered.indexOf('\n'); nl !== -1; nl = buffered.indexOf('\n')) {
      const line = JSON.parse(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
      const waiter = waiters.shift();
      if (waiter === undefined) lines.push(line);
      else waiter.resolve(line);
    }
  });
  const exitedBefore = (code, what) => new Error(`${name} exited (${code}) before ${what}`);
  child.once('exit', (code) => {
    for (const waiter of waiters.splice(0)) waiter.reject(exitedBefore(code, waiter.what));
  });
  return (what) =>
    new Promise((resolve, reject) => {
      if (lines.length > 0) resolve(lines.shift());
      // A child that has already exited will never answer.
      else if (child.exitCode !== null) reject(exitedBefore(child.exitCode, what));
      else waiters.push({ resolve, reject, what });
    });
}

/** The CPU time (user + system, ms) a child running `answerParent` has used so far. */
export async function askCpuMs(child, next) {
  const answer = next('reporting its CPU time');
  child.stdin.write('cpu\n');
  return (await answer).cpuMs;
}

/**
 * Ends the stdin of a child running `answerParent`, which asks it to report its memory, close and exit
 * (writing its profile, if any); resolves with `{ rssMb, heapUsedMb }` once it has exited.
 */
export async function stopForMemory(child, next) {
  const memory = next('reporting its memory');
  child.stdin.end();
  const reported = await memory;
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise((resolve) => child.once('exit', resolve));
  }
  return reported;
}

/** The child's side: one JSON line on stdout. */
export function report(fields) {
  process.stdout.write(`${JSON.stringify(fields)}\n`);
}

/**
 * The child's side, once it is up: answers each `cpu` line on stdin with `{ cpuMs }` (CPU time so far;
 * the parent takes differences) and each line named in `commands` with what that function returns;
 * when stdin ends (so the child never outlives its parent), reports `{ rssMb, heapUsedMb }`, awaits
 * `stop()` and exits 0, which lets `node --cpu-prof` write its profile.
 */
export function answerParent(stop, commands = {}) {
  let pending = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    pending += chunk;
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n')) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line === 'cpu') {
        const usage = process.cpuUsage();
        report({ cpuMs: (usage.user + usage.system) / 1000 });
      } else if (Object.hasOwn(commands, line)) {
        report(commands[line]());
      }
    }
  });
  process.stdin.on('end', async () => {
    const memory = process.memoryUsage();
    report({ rssMb: mb(memory.rss), heapUsedMb: mb(memory.heapUsed) });
    await stop();
    process.exit(0);
  });
}

function mb(bytes) {
  return Math.round(bytes / 1048576);
}
