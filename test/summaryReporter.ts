import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the run's counts as one closing line, `N passed, N failed`, taken from vitest's own results,
 * and writes them to `.vitest-results.json` for `.ci/run`. Unhandled errors count as failures.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const mod of testModules) {
      if (mod.state() === 'failed' && mod.children.size === 0) failed += 1;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    }
    writeFileSync('.vitest-results.json', `${JSON.stringify({ passed, failed, skipped })}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}
