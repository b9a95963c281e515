import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BasisError, Decimal } from '@basis/core';
import type { RiskHalt } from '../strategy/events.js';
import type { KillSwitchState } from './killSwitch.js';

/** What a live run's risk engine carries into the next run on the same account. */
export interface RiskState {
  readonly version: 1;
  readonly killSwitch: KillSwitchState;
  /** The kill switch tripped (or was halted by hand): the next run starts halted. */
  readonly halt?: RiskHalt;
}

/** Where a kernel keeps its {@link RiskState} (`KernelOptions.riskState`). */
export interface RiskStateStore {
  /** The saved state; undefined when there is none yet. */
  load(): RiskState | undefined;
  save(state: RiskState): void;
}

/** A risk state file that cannot be read or is not one: the run does not start unguarded. */
export class RiskStateError extends BasisError {
  override name = 'RiskStateError' as const;
  readonly path: string;

  constructor(path: string, problem: string, cause?: unknown) {
    super(
      `the risk state ${path} ${problem}: fix it, or delete it (or pass --reset-kill-switch) to start afresh, which forgets the kill switch's peak and any halt`,
      cause === undefined ? {} : { cause },
    );
    this.path = path;
  }
}

/** Narrows a caught error to {@link RiskStateError} by its `name`. */
export type RiskStateErrorType = RiskStateError & { name: 'RiskStateError' };

/**
 * A {@link RiskStateStore} in a JSON file: written whole to a temporary file, then renamed over the old
 * one, so a crash leaves either the old state or the new, never half of one.
 *
 * @example
 * await runLive({ strategy, client, risk: { maxDailyLoss: '300' }, riskState: new RiskStateFile('runs/state/testnet-mm.json') });
 */
export class RiskStateFile implements RiskStateStore {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  /** @throws RiskStateError when the file exists but cannot be read or is not a risk state. */
  load(): RiskState | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
      throw new RiskStateError(this.path, 'cannot be read', error);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new RiskStateError(this.path, 'is not JSON', error);
    }
    if (!isRiskState(value)) throw new RiskStateError(this.path, 'is not a Basis risk state (version 1)');
    return value;
  }

  save(state: RiskState): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temporary, this.path);
  }

  /** Forgets the saved state (the next run starts afresh). */
  clear(): void {
    rmSync(this.path, { force: true });
  }
}

const isDecimal = (value: unknown): boolean =>
  typeof value === 'string' && Decimal.tryParse(value) !== undefined;

function isRiskState(value: unknown): value is RiskState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as { version?: unknown; killSwitch?: unknown; halt?: unknown };
  if (state.version !== 1 || typeof state.killSwitch !== 'object' || state.killSwitch === null) return false;
  const ks = state.killSwitch as { peak?: unknown; day?: unknown; dayStart?: unknown };
  if (ks.peak !== undefined && !isDecimal(ks.peak)) return false;
  if ((ks.day === undefined) !== (ks.dayStart === undefined)) return false;
  if (ks.day !== undefined && !(Number.isInteger(ks.day) && isDecimal(ks.dayStart))) return false;
  if (state.halt === undefined) return true;
  const halt = state.halt as { rule?: unknown; message?: unknown; time?: unknown };
  return (
    typeof halt === 'object' &&
    halt !== null &&
    (halt.rule === 'maxDrawdown' || halt.rule === 'maxDailyLoss' || halt.rule === 'manual') &&
    typeof halt.message === 'string' &&
    Number.isFinite(halt.time)
  );
}
