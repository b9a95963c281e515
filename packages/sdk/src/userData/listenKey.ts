import type { Clock, TimerHandle } from '@basis/core';
import { closeUserDataStream } from '../actions/userData/closeUserDataStream.js';
import { keepAliveUserDataStream } from '../actions/userData/keepAliveUserDataStream.js';
import { startUserDataStream } from '../actions/userData/startUserDataStream.js';
import type { Client } from '../clients/createClient.js';

/** Binance's "This listenKey does not exist.": the key expired or was closed. */
export const LISTEN_KEY_NOT_FOUND = -1125;

/** Options of {@link createListenKeyManager}. */
export interface ListenKeyManagerOptions {
  /** Runs the keepalive schedule (default: the client's clock). */
  readonly clock?: Clock;
  /** Keepalive period, ms (default 30 minutes: half of the key's 60-minute validity). */
  readonly keepAliveIntervalMs?: number;
  /** After a keepalive fails for another reason than -1125, try again this soon, ms (default 60 s). */
  readonly retryDelayMs?: number;
  /**
   * The key is gone (a keepalive answered -1125) or a keepalive returned another key: the stream
   * must move to `listenKey` (already created) and read back what it missed.
   */
  readonly onReplaced?: (listenKey: string, reason: 'expired' | 'rotated') => void;
  /** Keys created, kept alive, renewed, closed; keepalive failures. */
  readonly onEvent?: (
    event:
      | { readonly type: 'created' | 'keptAlive' | 'renewed' | 'closed'; readonly listenKey: string }
      | { readonly type: 'keepAliveFailed'; readonly error: unknown },
  ) => void;
}

/** The user-data stream's key: created, kept alive on a schedule, renewed when lost, closed on stop. */
export interface ListenKeyManager {
  /** The current key, once created. */
  readonly listenKey: string | undefined;
  /** Creates (or, while one is active, extends) the account's key and starts the keepalive schedule. */
  start(): Promise<string>;
  /** Creates a new key after the current one expired (`listenKeyExpired`, -1125); no `onReplaced` call. */
  renew(): Promise<string>;
  /** Sends one keepalive now (the schedule calls it). */
  keepAlive(): Promise<void>;
  /** Stops the schedule and closes the key (`DELETE`); a failed close is reported, not thrown. */
  stop(options?: { readonly close?: boolean }): Promise<void>;
}

function codeOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'number') return code;
  }
  return undefined;
}

/**
 * Manages a listen key (reference §5.5, §11.1). A key lives 60 minutes; each keepalive extends it
 * to 60 minutes from then. The schedule (every 30 minutes by default) runs on the injected clock, one
 * timer at a time, cleared by `stop()`, so restarts never stack timers. A keepalive answering -1125
 * creates a new key and calls `onReplaced(newKey, 'expired')`; one returning a different key calls
 * `onReplaced(newKey, 'rotated')`; other failures are retried after `retryDelayMs`.
 *
 * @example
 * const keys = createListenKeyManager(client, { onReplaced: (key) => reconnect(key) });
 * const listenKey = await keys.start();
 * // ...
 * await keys.stop();
 */
export function createListenKeyManager(
  client: Client,
  options: ListenKeyManagerOptions = {},
): ListenKeyManager {
  const clock = options.clock ?? client.clock;
  const intervalMs = options.keepAliveIntervalMs ?? 30 * 60_000;
  const retryDelayMs = options.retryDelayMs ?? 60_000;
  if (!(intervalMs > 0 && intervalMs < 60 * 60_000)) {
    throw new RangeError(`keepAliveIntervalMs must be within the key's 60 minutes, got ${intervalMs}.`);
  }
  let listenKey: string | undefined;
  let timer: TimerHandle | undefined;
  let stopped = false;
  let inFlight: Promise<void> | undefined;

  const report = (event: Parameters<NonNullable<ListenKeyManagerOptions['onEvent']>>[0]): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A failing listener must not break the schedule.
    }
  };

  const schedule = (delayMs: number): void => {
    clock.clearTimeout(timer);
    if (stopped) return;
    timer = clock.setTimeout(() => {
      timer = undefined;
      void manager.keepAlive();
    }, delayMs);
  };

  const create = async (type: 'created' | 'renewed'): Promise<string> => {
    const result = await startUserDataStream(client);
    listenKey = result.listenKey;
    report({ type, listenKey });
    schedule(intervalMs);
    return listenKey;
  };

  const keepAliveOnce = async (): Promise<void> => {
    if (listenKey === undefined || stopped) return;
    const sent = listenKey;
    try {
      const result = await keepAliveUserDataStream(client);
      if (stopped || listenKey !== sent) return;
      if (result.listenKey !== undefined && result.listenKey !== sent) {
        listenKey = result.listenKey;
        report({ type: 'renewed', listenKey });
        schedule(intervalMs);
        options.onReplaced?.(listenKey, 'rotated');
        return;
      }
      report({ type: 'keptAlive', listenKey: sent });
      schedule(intervalMs);
    } catch (error) {
      if (stopped || listenKey !== sent) return;
      report({ type: 'keepAliveFailed', error });
      if (codeOf(error) !== LISTEN_KEY_NOT_FOUND) {
        schedule(retryDelayMs);
        return;
      }
      try {
        const fresh = await create('renewed');
        if (!stopped) options.onReplaced?.(fresh, 'expired');
      } catch (renewError) {
        report({ type: 'keepAliveFailed', error: renewError });
        // The key is gone: try creating one again soon (listenKey still names the dead key).
        schedule(retryDelayMs);
      }
    }
  };

  const manager: ListenKeyManager = {
    get listenKey() {
      return listenKey;
    },
    async start() {
      stopped = false;
      return create('created');
    },
    async renew() {
      stopped = false;
      return create('renewed');
    },
    keepAlive() {
      // One keepalive at a time: a tick during a slow one joins it.
      inFlight ??= keepAliveOnce().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    async stop(stopOptions = {}) {
      stopped = true;
      clock.clearTimeout(timer);
      timer = undefined;
      const key = listenKey;
      listenKey = undefined;
      if (key === undefined || stopOptions.close === false) return;
      try {
        await closeUserDataStream(client);
        report({ type: 'closed', listenKey: key });
      } catch (error) {
        report({ type: 'keepAliveFailed', error });
      }
    },
  };
  return manager;
}
