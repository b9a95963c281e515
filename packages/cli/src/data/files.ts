import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The SHA-256 of a file, hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The hash in a data.binance.vision `.CHECKSUM` file (`<sha256>  <file name>`), or `undefined` when
 * the text is not one.
 */
export function parseChecksum(text: string): string | undefined {
  const match = /^([0-9a-fA-F]{64})\b/.exec(text.trim());
  return match?.[1]?.toLowerCase();
}
