import { projectTestConfig } from '@mindflow/testing/vitest-preset';

// The int and e2e suites start whole systems: their roles run from bundles built once per run; the e2e suites that
// need no settings of their own share one system per mode.
export default projectTestConfig({
  serverTierSetup: ['src/system/test/role-bundles.global-setup.ts'],
  e2eSetup: ['src/e2e/test/shared-systems.global-setup.ts'],
});
