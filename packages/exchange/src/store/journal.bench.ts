import { closeSync, fdatasyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { segmentFileName } from './layout.js';
import { encodeRecord } from './record.js';
import { openStore, type Store } from './store.js';

// What the venue journals per accepted order: the signed request's parameters plus routing data
// (about 300 bytes as a record). The exchange targets 10,000 such commands per second.
const command = {
  type: 'order.new',
  account: 'a1',
  receivedAt: 1_700_000_000_000,
  params: {
    symbol: 'BTCUSDT',
    side: 'BUY',
    type: 'LIMIT',
    timeInForce: 'GTC',
    quantity: '0.010',
    price: '65000.10',
    newClientOrderId: 'x-basis-7f3a9c1e2b4d4e6f8a0b',
    recvWindow: 5000,
    timestamp: 1_591_702_613_943,
  },
};
const record = encodeRecord(1_000_000, JSON.stringify(command));

let dir = '';
let store: Store | undefined;
let fd = -1;

const freshDir = (): void => {
  dir = mkdtempSync(join(tmpdir(), 'basis-store-bench-'));
};
const cleanUp = (): void => {
  store?.close();
  store = undefined;
  if (fd >= 0) closeSync(fd);
  fd = -1;
  rmSync(dir, { recursive: true, force: true });
};
const withStore = (fsync: 'none' | 'batch' | 'always') => ({
  setup: () => {
    freshDir();
    store = openStore({ dir, fsync, snapshotEvery: 0 });
    store.recover();
  },
  teardown: cleanUp,
});
const withFile = {
  setup: () => {
    freshDir();
    fd = openSync(join(dir, segmentFileName(1)), 'a');
  },
  teardown: cleanUp,
};

describe('append one order command (kill -9 safe)', () => {
  bench(
    'floor: fs.writeSync of the same record, pre-encoded',
    () => {
      writeSync(fd, record);
    },
    withFile,
  );
  bench(
    'floor + encoding: JSON.stringify + fs.writeSync, no framing or checksum',
    () => {
      writeSync(fd, `${JSON.stringify(command)}\n`);
    },
    withFile,
  );
  bench(
    'store.append, fsync none',
    () => {
      store!.append(command);
    },
    withStore('none'),
  );
  bench(
    'store.append, fsync batch (100 ms, off-thread)',
    () => {
      store!.append(command);
    },
    withStore('batch'),
  );
});

describe('append one order command (power-loss safe)', () => {
  bench(
    'floor: fs.writeSync + fs.fdatasyncSync of the same record',
    () => {
      writeSync(fd, record);
      fdatasyncSync(fd);
    },
    { ...withFile, time: 200 },
  );
  bench(
    'store.append, fsync always',
    () => {
      store!.append(command);
    },
    { ...withStore('always'), time: 200 },
  );
});

// Restart cost: open, check and decode a journal of 10,000 commands (no snapshot).
const RECORDS = 10_000;
const withJournal = {
  setup: () => {
    freshDir();
    const writer = openStore({ dir, fsync: 'none', snapshotEvery: 0 });
    writer.recover();
    for (let i = 0; i < RECORDS; i += 1) writer.append(command);
    writer.close();
  },
  teardown: cleanUp,
};

describe(`recover ${RECORDS.toLocaleString('en')} commands`, () => {
  bench(
    'store: openStore + recover (checksums, sequence, decode) + close',
    () => {
      const reader = openStore({ dir, fsync: 'none' });
      reader.recover();
      reader.close();
    },
    withJournal,
  );
  bench(
    'floor: readFileSync + split + JSON.parse of each line, unchecked',
    () => {
      const text = readFileSync(join(dir, segmentFileName(1)), 'utf8');
      for (const line of text.split('\n')) {
        if (line.length > 0) JSON.parse(line.slice(line.indexOf('\t', line.indexOf('\t') + 1) + 1));
      }
    },
    withJournal,
  );
});
