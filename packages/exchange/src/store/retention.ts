import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { listStoreFiles } from './layout.js';

/**
 * How many snapshots are kept. Two, so that when the newest turns out unreadable on recovery the
 * previous one and the journal after it are still there.
 */
export const SNAPSHOTS_KEPT = 2;

/**
 * Deletes the snapshots beyond the newest {@link SNAPSHOTS_KEPT} and the journal segments that
 * recovery from none of the kept snapshots would read. With fewer snapshots than that, no segment
 * is deleted: if the only snapshot proves unreadable, recovery replays from sequence 1. Best effort:
 * a file that cannot be deleted now is harmless and goes at the next call.
 */
export function removeUnneededFiles(dir: string): void {
  let files: ReturnType<typeof listStoreFiles>;
  try {
    files = listStoreFiles(dir);
  } catch {
    return; // Best effort, like the deletions below.
  }
  const { segments, snapshots } = files;
  const kept = snapshots.slice(-SNAPSHOTS_KEPT);
  // If the newest snapshot proves unreadable, recovery replays from the oldest kept one; with
  // fewer than SNAPSHOTS_KEPT snapshots, from the start.
  const floor = kept.length === SNAPSHOTS_KEPT ? kept[0]!.seq : 0;
  const doomed: string[] = [];
  for (let i = 0; i + 1 < segments.length; i += 1) {
    if (segments[i + 1]!.seq - 1 <= floor) doomed.push(segments[i]!.name);
  }
  for (const old of snapshots.slice(0, -SNAPSHOTS_KEPT)) doomed.push(old.name);
  for (const name of doomed) {
    try {
      rmSync(join(dir, name), { force: true });
    } catch {
      // A file left behind is harmless and goes at the next call.
    }
  }
}
