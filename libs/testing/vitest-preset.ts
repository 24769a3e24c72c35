// One Vitest configuration for every project, with the three test tiers of STYLE.md:
//   *.unit.spec.ts  pure, no servers           -> `test`
//   *.int.spec.ts   real Postgres/Kafka/Redis/ES -> `test:int`
//   *.e2e.spec.ts   the running system          -> `test:e2e`
import { defineConfig } from 'vitest/config';

export function projectTestConfig() {
  return defineConfig({
    test: {
      passWithNoTests: true,
      projects: [
        { extends: true, test: { name: 'unit', include: ['src/**/*.unit.spec.ts', 'test/**/*.unit.spec.ts'] } },
        {
          extends: true,
          test: {
            name: 'int',
            include: ['src/**/*.int.spec.ts', 'test/**/*.int.spec.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['src/**/*.e2e.spec.ts', 'test/**/*.e2e.spec.ts'],
            testTimeout: 120_000,
            hookTimeout: 180_000,
            fileParallelism: false,
          },
        },
      ],
    },
  });
}
