import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/**
 * Turns V8's parallel scavenger off when the machine has two cores or fewer (`cores`, default: what
 * Node reports), and says whether it did. A backtest allocates a few hundred bytes per print, so its
 * young generation is collected hundreds of times a run. On two cores, handing each collection to
 * helper threads costs more than it saves: they compete for the two cores with the main thread and,
 * when it runs, the replay's reader thread. Measured on 2 vCPU, 10M aggTrades, alternated with V8's default: medians ~10% more prints
 * per second (bench/README.md, "serial scavenges"). On more cores the helpers run beside the engine,
 * and V8's default is kept.
 *
 * Process-wide, so the library never calls it: `basis backtest` does, because it owns its process;
 * a script of your own that runs long backtests can call it first. V8 reads the setting at every
 * scavenge, so it takes effect from the next one.
 */
export function preferSerialScavenges(cores: number = availableParallelism()): boolean {
  if (cores > 2) return false;
  setFlagsFromString('--no-parallel-scavenge');
  return true;
}
