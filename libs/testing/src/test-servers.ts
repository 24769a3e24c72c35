import { setTimeout as sleep } from 'node:timers/promises';
import { dockerEngineAnswers } from './docker-engine.js';
import { infraEndpoint } from './infra-endpoints.js';
import { MissingServerError } from './missing-server-error.js';
import { probeServer } from './server-probes.js';
import { reapStaleLeftovers } from './stale-leftovers.js';
import { s3Endpoint, type S3Endpoint } from './s3-endpoint.js';
import { type ServerName, serverInfo } from './server-names.js';

/** The real servers of one test process. Each is looked up and checked only when a suite asks for it. */
export interface TestServers {
  /** URL of the server's `postgres` database; suites make their own with `createTestDatabase`. */
  postgresUrl(): Promise<string>;
  redisUrl(): Promise<string>;
  kafkaBrokers(): Promise<string[]>;
  elasticsearchUrl(): Promise<string>;
  /** An S3-compatible endpoint and its keys; suites make their own bucket (`uniqueBucketName`). */
  s3(): Promise<S3Endpoint>;
  /** Where a server came from (after it was asked for): for a suite's log line. */
  sourceOf(server: ServerName): ServerSource | undefined;
}

export type ServerSource = 'environment' | 'testcontainers' | 'tools/infra';

interface Resolved {
  address: string;
  source: ServerSource;
}

const resolved = new Map<ServerName, Promise<Resolved>>();
const sources = new Map<ServerName, ServerSource>();

/**
 * The servers for this test process, in this order: the environment (`MINDFLOW_TEST_*`), a Docker engine
 * through testcontainers, then the servers `npm run infra:up` started (`.cache/infra/endpoints.json`).
 * A server that cannot be had makes its getter reject with a `MissingServerError` saying how to provide it.
 */
export function testServers(): Promise<TestServers> {
  return Promise.resolve({
    postgresUrl: async () => (await server('postgres')).address,
    redisUrl: async () => (await server('redis')).address,
    kafkaBrokers: async () => (await server('kafka')).address.split(',').map((broker) => broker.trim()),
    elasticsearchUrl: async () => (await server('elasticsearch')).address.replace(/\/$/, ''),
    s3: async () => s3Endpoint((await server('s3')).address),
    sourceOf: (name) => sources.get(name),
  });
}

function server(name: ServerName): Promise<Resolved> {
  let promise = resolved.get(name);
  if (!promise) {
    promise = resolve(name).then(async (found) => {
      sources.set(name, found.source);
      await reapStaleLeftovers(name, found.address);
      return found;
    });
    resolved.set(name, promise);
  }
  return promise;
}

async function resolve(name: ServerName): Promise<Resolved> {
  const fromEnv = process.env[serverInfo[name].envVar]?.trim();
  if (fromEnv) return checked(name, { address: fromEnv, source: 'environment' }, 0);
  if (await dockerEngineAnswers()) {
    const { startContainer } = await import('./containers.js');
    const address = await startContainer(name).catch((error: unknown) => {
      throw new MissingServerError(name, `a Docker engine answers but its container did not start (${message(error)})`);
    });
    // Kafka in a container boots after its advertised address is known; give it a bounded while.
    return checked(name, { address, source: 'testcontainers' }, 60_000);
  }
  const recorded = await infraEndpoint(name);
  if ('missing' in recorded) {
    throw new MissingServerError(name, `${serverInfo[name].envVar} is not set, no Docker engine answers, and ${recorded.missing}`);
  }
  return checked(name, { address: recorded.address, source: 'tools/infra' }, 0);
}

/** The server answers now, or within `patienceMs`; otherwise a MissingServerError naming it. */
async function checked(name: ServerName, found: Resolved, patienceMs: number): Promise<Resolved> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    try {
      await probeServer(name, found.address);
      return found;
    } catch (error) {
      if (Date.now() >= deadline) {
        const origin = found.source === 'environment' ? `from ${serverInfo[name].envVar}` : `from ${found.source}`;
        throw new MissingServerError(name, `${found.address} (${origin}) does not answer: ${message(error)}`);
      }
      await sleep(1_000);
    }
  }
}

function message(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(message).join('; ');
  return error instanceof Error ? error.message || error.name : String(error);
}
