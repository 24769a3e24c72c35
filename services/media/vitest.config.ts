import { projectTestConfig } from '@mindflow/testing/vitest-preset';

export default projectTestConfig();
