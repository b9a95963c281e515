import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/**
 * Writes all of `data` at the descriptor's position (its end, for files opened with `a`). Regular
 * files take the whole buffer in one call; the loop covers short writes, and each turn writes at
 * least one byte or throws.
 */
export function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) {
    const written = writeSync(fd, data, offset, data.length - offset);
    if (written <= 0) throw new Error('write made no progress');
    offset += written;
  }
}

// Where a directory cannot be opened or fsynced (Windows, some network file systems), the rename is
// as durable as the platform makes it; only real I/O errors are worth stopping for.
const UNSUPPORTED_DIRECTORY_SYNC = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

function isUnsupported(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && UNSUPPORTED_DIRECTORY_SYNC.has(code);
}

/**
 * Makes the directory's entries (a rename, a new file) durable, where the platform supports it.
 * Ignores the errors by which platforms say they do not; throws the others.
 */
export function fsyncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch (error) {
    if (isUnsupported(error)) return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    if (!isUnsupported(error)) throw error;
  } finally {
    closeSync(fd);
  }
}
