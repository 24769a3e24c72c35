import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TestServers } from './index.js';

// A suite whose server cannot be had must fail loudly, naming the server and how to provide it.
describe('a server that cannot be had', () => {
  const cwd = process.cwd();
  let repo: string;
  beforeEach(async () => {
    // A repository of its own, so that its .cache/infra/endpoints.json is the one found by walking up.
    repo = await mkdtemp(join(tmpdir(), 'mindflow-testing-'));
    await writeFile(join(repo, 'nx.json'), '{}');
    process.chdir(repo);
    vi.stubEnv('MINDFLOW_TEST_DOCKER', 'off');
    vi.stubEnv('MINDFLOW_TEST_KAFKA_BROKERS', '');
    vi.stubEnv('MINDFLOW_TEST_REDIS_URL', '');
  });
  afterEach(async () => {
    process.chdir(cwd);
    vi.unstubAllEnvs();
    vi.resetModules();
    await rm(repo, { recursive: true, force: true });
  });

  async function errorOf(ask: (servers: TestServers) => Promise<unknown>): Promise<Error> {
    const { testServers, MissingServerError } = await import('./index.js');
    const error: unknown = await ask(await testServers()).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(MissingServerError);
    return error as Error;
  }

  it('when the environment names one that does not answer', async () => {
    vi.stubEnv('MINDFLOW_TEST_REDIS_URL', 'redis://127.0.0.1:1'); // port 1: nothing listens there
    const { message } = await errorOf((servers) => servers.redisUrl());
    expect(message).toContain('Redis is not available for this test suite');
    expect(message).toContain('redis://127.0.0.1:1 (from MINDFLOW_TEST_REDIS_URL) does not answer');
    expect(message).toContain('npm run infra:up');
  });

  it('when tools/infra has not been run', async () => {
    const { message } = await errorOf((servers) => servers.kafkaBrokers());
    expect(message).toContain('Kafka is not available for this test suite');
    expect(message).toContain(`${join(repo, '.cache', 'infra', 'endpoints.json')} does not exist`);
    expect(message).toContain('`npm run infra:up` (or `bash tools/infra/infra.sh up kafka`)');
    expect(message).toContain('MINDFLOW_TEST_KAFKA_BROKERS=127.0.0.1:9092');
  });

  it('when tools/infra stopped it', async () => {
    await mkdir(join(repo, '.cache', 'infra'), { recursive: true });
    await writeFile(join(repo, '.cache', 'infra', 'endpoints.json'), JSON.stringify({ kafkaBrokers: null }));
    const { message } = await errorOf((servers) => servers.kafkaBrokers());
    expect(message).toContain('has no kafkaBrokers');
  });

  it('names the S3 server and how to start it (endpoints written before S3Proxy was added have no s3Url)', async () => {
    vi.stubEnv('MINDFLOW_TEST_S3_URL', '');
    await mkdir(join(repo, '.cache', 'infra'), { recursive: true });
    await writeFile(join(repo, '.cache', 'infra', 'endpoints.json'), JSON.stringify({ kafkaBrokers: '127.0.0.1:9092' }));
    const { message } = await errorOf((servers) => servers.s3());
    expect(message).toContain('S3 is not available for this test suite');
    expect(message).toContain('has no s3Url');
    expect(message).toContain('`bash tools/infra/infra.sh up s3`');
    expect(message).toContain('MINDFLOW_TEST_S3_URL=http://mindflow:mindflow-dev-secret@127.0.0.1:9000');
  });
});
