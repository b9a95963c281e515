import type { CommandIo } from './command.js';

/** A CommandIo that records what a command writes, for tests. */
export function captureIo(options: { env?: Record<string, string>; signal?: AbortSignal } = {}): CommandIo & {
  readonly out: () => string;
  readonly err: () => string;
} {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text), isTTY: false },
    stderr: { write: (text: string) => (err += text) },
    env: options.env ?? {},
    stopSignal: options.signal ?? new AbortController().signal,
    out: () => out,
    err: () => err,
  };
}
