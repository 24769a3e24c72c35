// Node-side tests of the client project (the Angular components run under `ng test`, see angular.json):
//   server/**/*.int.spec.ts  the static + proxy server against a stand-in gateway   -> `test:int`
//   e2e/**/*.e2e.spec.ts     Chromium against the whole running system              -> `test:e2e`
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    passWithNoTests: true,
    projects: [
      { extends: true, test: { name: 'int', include: ['server/**/*.int.spec.ts'], testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: 'e2e', include: ['e2e/**/*.e2e.spec.ts'], testTimeout: 240_000, hookTimeout: 240_000, fileParallelism: false,
          // the system's roles run from bundles built once per run (tools/src/system/role-bundles.ts)
          globalSetup: ['../tools/src/system/test/role-bundles.global-setup.ts'],
        },
      },
    ],
  },
});
