import { apiError } from '../apiError.js';
import type { ParamReader } from '../params.js';

/** One day in ms. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A closed time range, ms; `-Infinity`/`Infinity` for an open side. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
  /** Whether the client sent `startTime` (results then run forward from it). */
  readonly fromStart: boolean;
}

/** How an endpoint reads `startTime`/`endTime`. */
export interface WindowRule {
  /** The range when neither is sent: the last `defaultSpanMs` up to now. */
  readonly defaultSpanMs: number;
  /**
   * The widest range allowed, in days: both sent and wider → `-4165 Maximum time interval is %s
   * days`; only one sent → the range is that wide from it. No limit when absent.
   */
  readonly maxDays?: number;
}

/**
 * Reads `startTime`/`endTime` (`-1023` when start > end) into a window, as Binance's history
 * endpoints do: both → that range; none → the last `defaultSpanMs`; one → `maxDays` from it (or
 * open-ended when the endpoint has no limit).
 */
export function timeWindow(p: ParamReader, now: number, rule: WindowRule): TimeWindow {
  const start = p.integer('startTime');
  const end = p.integer('endTime');
  const max = rule.maxDays === undefined ? undefined : rule.maxDays * DAY_MS;
  if (start !== undefined && end !== undefined) {
    if (start > end) throw apiError(-1023);
    if (max !== undefined && end - start > max) throw apiError(-4165, [rule.maxDays ?? 0]);
    return { start, end, fromStart: true };
  }
  if (start !== undefined) return { start, end: max === undefined ? Infinity : start + max, fromStart: true };
  if (end !== undefined) return { start: max === undefined ? -Infinity : end - max, end, fromStart: false };
  return { start: now - rule.defaultSpanMs, end: now, fromStart: false };
}

/** Whether `time` falls in `window` (both ends inclusive). */
export function inWindow(window: TimeWindow, time: number): boolean {
  return time >= window.start && time <= window.end;
}

/** `limit`: `fallback` when absent; `-1130` outside 1..`max`. */
export function limitParam(p: ParamReader, fallback: number, max: number): number {
  const limit = p.integer('limit') ?? fallback;
  if (limit < 1 || limit > max) throw apiError(-1130, ['limit']);
  return limit;
}
