/** What `run` throws, or `undefined` when it returns: for tests that inspect an error's fields. */
export function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
