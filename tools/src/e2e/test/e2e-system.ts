import { randomUUID } from 'node:crypto';
import { issueAccessToken, loadSigningKeys } from '@mindflow/auth';
import { createTestDatabase, testServers, uniqueBucketName, uniqueIndexPrefix, uniqueTopicPrefix } from '@mindflow/testing';
import { startSystem, type Mode, type RunningSystem } from '../../system/index.js';
import { GatewayClient } from '../gateway-client.js';

/** What most suites need of a running system: its gateway, and users signed in to it. */
export interface E2eGateway {
  readonly gatewayUrl: string;
  /** A new signed-in user each call (a fresh id, role `user`). */
  newUser(): Promise<GatewayClient>;
}

export interface E2eSystem extends E2eGateway {
  readonly system: RunningSystem;
  stop(): Promise<void>;
}

/** The gateway at `gatewayUrl`, with users signed in by the development keys. */
export async function gatewayOf(gatewayUrl: string): Promise<E2eGateway> {
  const keys = await loadSigningKeys();
  const client = new GatewayClient(gatewayUrl);
  return {
    gatewayUrl,
    newUser: async () => client.withToken((await issueAccessToken({ userId: randomUUID(), roles: ['user'] }, keys)).token),
  };
}

/**
 * The whole system in `mode` on its own write and read databases (and topic prefix), for one suite:
 * what walking-skeleton.e2e.spec.ts sets up, shared by the suites written after it.
 */
export async function startE2eSystem(mode: Mode, label: string, options: { readonly extraEnv?: Record<string, string> } = {}): Promise<E2eSystem> {
  const servers = await testServers();
  const [writeDb, readDb] = await Promise.all([createTestDatabase(`${label}-${mode}-write`), createTestDatabase(`${label}-${mode}-read`)]);
  try {
    const system = await startSystem({
      mode,
      writeDatabaseUrl: writeDb.url,
      readDatabaseUrl: readDb.url,
      topicPrefix: uniqueTopicPrefix(`${label}-${mode}`),
      ...(mode === 'distributed'
        ? {
            kafkaBrokers: (await servers.kafkaBrokers()).join(','),
            redisUrl: await servers.redisUrl(),
            elasticsearchUrl: await servers.elasticsearchUrl(),
            searchIndexPrefix: uniqueIndexPrefix(`${label}-${mode}`),
            // attachments in the S3-compatible server (a bucket of the suite's own, made by the media subgraph)
            s3: { ...(await servers.s3()), bucket: uniqueBucketName(`${label}-${mode}`) },
          }
        : {}),
      output: process.env['E2E_LOGS'] ? process.stderr : null,
      ...(options.extraEnv ? { extraEnv: options.extraEnv } : {}),
    });
    return {
      ...(await gatewayOf(system.gatewayUrl)),
      system,
      async stop() {
        await system.stop();
        await Promise.all([writeDb.drop(), readDb.drop()]);
      },
    };
  } catch (error) {
    await Promise.all([writeDb.drop(), readDb.drop()]);
    throw error;
  }
}
