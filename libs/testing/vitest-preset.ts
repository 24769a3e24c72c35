// One Vitest configuration for every project, with the three test tiers of STYLE.md:
//   *.unit.spec.ts  pure, no servers           -> `test`
//   *.int.spec.ts   real Postgres/Kafka/Redis/ES -> `test:int`
//   *.e2e.spec.ts   the running system          -> `test:e2e`
import { defineConfig } from 'vitest/config';
import type { Reporter, TestCase } from 'vitest/node';

/**
 * Tests against real servers run on a loaded machine: each gets one retry, and every retry is reported
 * by name (FlakyReporter, counted by tools/test.sh) so a flake is seen and fixed, never hidden.
 */
const serverTestRetry = 1;

/** Prints every test that needed a retry, passed or not. */
class FlakyReporter implements Reporter {
  onTestCaseResult(testCase: TestCase): void {
    const diagnostic = testCase.diagnostic();
    if (!diagnostic || diagnostic.retryCount === 0) return;
    const outcome = testCase.result().state === 'passed' ? 'passed on retry' : 'failed every try';
    process.stdout.write(`FLAKY (${outcome}, ${diagnostic.retryCount} retr${diagnostic.retryCount === 1 ? 'y' : 'ies'}): ${testCase.module.moduleId} > ${testCase.fullName}\n`);
  }
}

export interface ProjectTestOptions {
  /**
   * Global setup files of the tiers against real servers (int, e2e): e.g. tools' role bundles, built once per run
   * for the suites that start whole systems.
   */
  readonly serverTierSetup?: readonly string[];
  /** Global setup files of the e2e tier only, run after `serverTierSetup`'s: e.g. tools' shared systems. */
  readonly e2eSetup?: readonly string[];
}

export function projectTestConfig(options: ProjectTestOptions = {}) {
  const globalSetup = options.serverTierSetup ? { globalSetup: [...options.serverTierSetup] } : {};
  const e2eSetup = options.serverTierSetup || options.e2eSetup
    ? { globalSetup: [...(options.serverTierSetup ?? []), ...(options.e2eSetup ?? [])] }
    : {};
  return defineConfig({
    test: {
      passWithNoTests: true,
      reporters: ['default', new FlakyReporter()],
      projects: [
        { extends: true, test: { name: 'unit', include: ['src/**/*.unit.spec.ts', 'test/**/*.unit.spec.ts'] } },
        {
          extends: true,
          test: {
            name: 'int',
            include: ['src/**/*.int.spec.ts', 'test/**/*.int.spec.ts'],
            testTimeout: 60_000,
            retry: serverTestRetry,
            hookTimeout: 120_000,
            fileParallelism: false,
            ...globalSetup,
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['src/**/*.e2e.spec.ts', 'test/**/*.e2e.spec.ts'],
            testTimeout: 120_000,
            retry: serverTestRetry,
            hookTimeout: 180_000,
            fileParallelism: false,
            ...e2eSetup,
          },
        },
      ],
    },
  });
}
