import { projectTestConfig } from '@mindflow/testing/vitest-preset';

// The int and e2e suites start whole systems: their roles run from bundles built once per run.
export default projectTestConfig({ serverTierSetup: ['src/system/test/role-bundles.global-setup.ts'] });
