// docker-compose.yml problems come back with file, line and field.
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@mindflow/platform';
import { formatProblem } from '../report/problem.js';
import { loadCompose, parseEnvFile } from './compose-file.js';
import { composeProblems } from './compose-rules.js';
import { composeSchemaErrors } from './compose-schema.js';

const env = parseEnvFile('TAG=dev\nPASSWORD=secret\n# comment\nEMPTY=\n');

describe('interpolation', () => {
  it('resolves compose variable forms from the env file and reports what is missing, with its line', () => {
    const text = [
      'services:',
      '  db:',
      '    image: postgres:${TAG}',
      '    environment:',
      '      A: ${PASSWORD:?set it}',
      '      B: ${EMPTY:-fallback}',
      '      C: $${NOT_INTERPOLATED}',
      '      D: ${MISSING}',
      '      E: ${ALSO_MISSING:?copy .env.example}',
    ].join('\n');
    const compose = loadCompose('docker-compose.yml', text, env);
    expect(compose.config).toEqual({ services: { db: { image: 'postgres:dev', environment: { A: 'secret', B: 'fallback', C: '${NOT_INTERPOLATED}', D: '', E: '' } } } });
    expect(compose.problems.map(formatProblem)).toEqual([
      'docker-compose.yml:8: services.db.environment.D: ${MISSING} is not set in the env file and has no default',
      'docker-compose.yml:9: services.db.environment.E: ${ALSO_MISSING} is required (copy .env.example) but not set in the env file',
    ]);
  });

  it('reports broken YAML with its line', () => {
    expect(loadCompose('docker-compose.yml', 'services:\n  db: [unclosed\n', env).problems[0]).toMatchObject({ file: 'docker-compose.yml', line: expect.any(Number) });
  });
});

describe('schema', () => {
  it('names the field the Compose Specification refuses', async () => {
    const compose = loadCompose('docker-compose.yml', 'name: mindflow\nservices:\n  db:\n    image: postgres\n    helthcheck: {}\n    restart: sometimes\n', env);
    expect(await composeSchemaErrors(compose.config)).toEqual([
      { field: 'services.db', message: 'must NOT have additional properties: "helthcheck"' },
    ]);
    expect(compose.lineOf('services.db.helthcheck')).toBe(5);
  });
});

describe('rules', () => {
  const problems = (text: string) => composeProblems(loadCompose('docker-compose.yml', text, env), repoRoot).map(formatProblem);

  it('wants health-checked start order against services that exist', () => {
    const text = [
      'services:',
      '  db:',
      '    image: postgres',
      '  app:',
      '    image: app',
      '    depends_on:',
      '      db: { condition: service_healthy }',
      '      cache: { condition: service_healthy }',
      '  other:',
      '    image: other',
      '    depends_on: [db]',
    ].join('\n');
    const found = problems(text);
    expect(found).toContain('docker-compose.yml:7: services.app.depends_on.db: "db" has no healthcheck (in compose or its Dockerfile\'s HEALTHCHECK)');
    expect(found).toContain('docker-compose.yml:8: services.app.depends_on.cache: no service "cache"');
    expect(found).toContain('docker-compose.yml:11: services.other.depends_on[0]: waits only for the start, not for health: use condition service_healthy (or service_completed_successfully for a one-shot)');
  });

  it('counts a Dockerfile HEALTHCHECK, checks build files, volumes and ports, and wants every role', () => {
    const text = [
      'services:',
      '  gateway:',
      '    build: { context: ., dockerfile: docker/node-role.Dockerfile, args: { ROLES: gateway, DEFAULT_ROLE: gateway, API_PORT: "4000" } }',
      '    image: mindflow/gateway:dev',
      '    command: ["gateway.mjs"]',
      '    ports: ["4000:4000"]',
      '    volumes: [undeclared:/data]',
      '  app:',
      '    build: { context: ., dockerfile: nowhere/Dockerfile }',
      '    ports: ["4000:80"]',
      '    depends_on:',
      '      gateway: { condition: service_healthy }',
    ].join('\n');
    const found = problems(text);
    expect(found).not.toContain(expect.stringContaining('services.app.depends_on.gateway'));
    expect(found).toContain('docker-compose.yml:7: services.gateway.volumes: named volume "undeclared" is not declared under volumes:');
    expect(found).toContain('docker-compose.yml:9: services.app.build.dockerfile: nowhere/Dockerfile does not exist');
    expect(found).toContain('docker-compose.yml:10: services.app.ports[0]: host port 4000 is already published by gateway');
    expect(found).toContain('docker-compose.yml: no service "command" (deploy/src/roles/roles.ts)');
  });

  it('wants each Node image built with its roles as build arguments, and no health check on a one-shot', () => {
    const text = [
      'services:',
      '  query-subgraph:',
      '    build: { context: ., dockerfile: docker/node-role.Dockerfile, args: { ROLES: query-subgraph, DEFAULT_ROLE: query-subgraph } }',
      '    image: mindflow/query:dev',
      '    command: ["query-subgraph.mjs"]',
      '  migrate:',
      '    build: { context: ., dockerfile: docker/node-role.Dockerfile, args: { ROLES: migrate, DEFAULT_ROLE: migrate } }',
      '    image: mindflow/migrate:dev',
      '    command: ["migrate.mjs"]',
      '    restart: "no"',
      '  media-subgraph:',
      '    build: { context: ., dockerfile: docker/node-role.Dockerfile, args: { ROLES: "media-projector media-subgraph", DEFAULT_ROLE: media-subgraph, API_PORT: "4006" } }',
      '    image: mindflow/media:dev',
      '    command: ["media-subgraph.mjs"]',
    ].join('\n');
    const found = problems(text);
    // sharp (native), pdfkit and its fonts (files read at run time): the bundle carries none, the media image installs them (roles.ts nativePackages)
    expect(found).toContain('docker-compose.yml: services.media-subgraph.build.args.NATIVE_PACKAGES: must be "dejavu-fonts-ttf pdfkit sharp" (the media image\'s roles, deploy/src/roles/roles.ts)');
    expect(found).not.toContain(expect.stringContaining('services.query-subgraph.build.args.NATIVE_PACKAGES'));
    expect(found).toContain('docker-compose.yml:3: services.query-subgraph.build.args.ROLES: must be "query-projector query-subgraph" (the query image\'s roles, deploy/src/roles/roles.ts)');
    expect(found).toContain('docker-compose.yml: services.query-subgraph.build.args.API_PORT: must be "4001" (the query image\'s roles, deploy/src/roles/roles.ts)');
    expect(found).not.toContain(expect.stringContaining('services.query-subgraph.build.args.DEFAULT_ROLE'));
    expect(found).not.toContain(expect.stringContaining('services.migrate.build.args'));
    expect(found).toContain('docker-compose.yml: services.migrate.healthcheck: a one-shot serves no ops port: healthcheck: { disable: true } (the image\'s HEALTHCHECK is for servers)');
  });
});
