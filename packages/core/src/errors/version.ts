/**
 * The package and version printed on the `Version:` line of every {@link BasisError} message.
 *
 * Kept in step with `packages/core/package.json` by hand; a test pins the two together.
 */
export const version = '@basis/core@0.1.0';
