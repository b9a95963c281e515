/**
 * Where a V8 CPU profile (`node --cpu-prof`) spends its time: the top functions by self time and by
 * total (inclusive) time, as a share of the profile's busy samples (not idle, not `(program)`), and in
 * µs per request when told how many requests the profile covers.
 *
 *   node bench/cpuprofileTop.mjs <file.cpuprofile> [count] [requests]
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const [file, countText = '25', requestsText] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: node bench/cpuprofileTop.mjs <file.cpuprofile> [count] [requests]\n');
  process.exit(2);
}
const count = Number(countText);
const requests = requestsText === undefined ? undefined : Number(requestsText);
const profile = JSON.parse(readFileSync(file, 'utf8'));

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// Sample time per node (timeDeltas[i] is the time before sample i).
const timeOf = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

const label = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url === '' ? '' : ` ${shorten(url)}:${lineNumber + 1}`;
  return `${functionName === '' ? '(anonymous)' : functionName}${where}`;
};
const IDLE = new Set(['(idle)', '(program)']);

let busy = 0;
const self = new Map();
const total = new Map();
for (const [id, time] of timeOf) {
  const node = nodes.get(id);
  if (IDLE.has(node.callFrame.functionName)) continue;
  busy += time;
  const name = label(node);
  self.set(name, (self.get(name) ?? 0) + time);
  // Inclusive: once per distinct function on the stack (recursion counted once).
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const frame = label(nodes.get(at));
    if (seen.has(frame)) continue;
    seen.add(frame);
    total.set(frame, (total.get(frame) ?? 0) + time);
  }
}

const wall = profile.endTime - profile.startTime;
process.stdout.write(
  `${basename(file)}: ${(wall / 1e6).toFixed(1)} s profiled, ${((busy / wall) * 100).toFixed(0)}% busy\n`,
);
print('self', self);
print('total (inclusive)', total);

function print(title, times) {
  process.stdout.write(`\ntop ${count} by ${title}, % of busy time\n`);
  const rows = [...times].sort((a, b) => b[1] - a[1]).slice(0, count);
  for (const [name, time] of rows) {
    const perRequest = requests === undefined ? '' : `${(time / requests).toFixed(1).padStart(7)} µs/req  `;
    process.stdout.write(`${((time / busy) * 100).toFixed(1).padStart(5)}%  ${perRequest}${name}\n`);
  }
}

function shorten(url) {
  const at = url.indexOf('/packages/');
  if (at !== -1) return url.slice(at + 1);
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) return url.slice(modules + 1);
  return url.replace(/^file:\/\//, '');
}
