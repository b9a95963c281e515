// Benchmark children answer in JSON lines on stdout, one per question, in order.

/**
 * Reads `child`'s stdout as JSON lines; the returned `next(what)` resolves with the next line, or
 * rejects if the child exits first (`what` names the awaited answer in that error).
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
      else waiter(line);
    }
  });
  return (what) =>
    new Promise((resolve, reject) => {
      if (lines.length > 0) {
        resolve(lines.shift());
        return;
      }
      const onExit = (code) => reject(new Error(`the ${name} exited (${code}) before ${what}`));
      child.once('exit', onExit);
      waiters.push((line) => {
        child.off('exit', onExit);
        resolve(line);
      });
    });
}
