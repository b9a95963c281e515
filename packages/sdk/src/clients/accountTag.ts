/**
 * The tag a shared rate governor keeps an account's ORDERS budget under: derived from the API key (the
 * first 16 hex digits of its SHA-256), never the key itself. The REST client and the WebSocket API
 * client use the same tag, so they share the budget.
 */
export function accountTag(apiKey: string): string {
  // `node:crypto` is loaded on first use rather than imported: importing it took about 4 ms of a cold
  // `import('@basis/sdk')`, and a process that never creates a keyed client does not need it.
  const digest = process.getBuiltinModule('node:crypto').createHash('sha256').update(apiKey).digest('hex');
  return `key:${digest.slice(0, 16)}`;
}
