import type * as NodeCrypto from 'node:crypto';

let loaded: typeof NodeCrypto | undefined;

/**
 * `node:crypto`, loaded on first use rather than imported. Why: loading it (with the stream modules
 * it pulls in) took about 4 ms of a 16 ms cold `import('@basis/core')`, and a process that imports
 * core need not sign or verify anything. `process.getBuiltinModule` (Node ≥ 20.16) loads it
 * synchronously, so signing stays synchronous.
 */
export function nodeCrypto(): typeof NodeCrypto {
  loaded ??= process.getBuiltinModule('node:crypto');
  return loaded;
}
