import { createRequire } from 'node:module';
import { mergeConfig } from 'vitest/config';
import { projectTestConfig } from '@mindflow/testing/vitest-preset';

// `@apollo/gateway` is CommonJS and loads graphql's CommonJS build; Vite would hand our sources the ESM
// build (graphql's `module` field), making two graphql realms whose schemas cannot cross. Node resolves
// `main` for everyone, so tests resolve graphql the way the running gateway does.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

export default mergeConfig(projectTestConfig(), {
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
});
