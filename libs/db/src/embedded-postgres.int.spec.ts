import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@mindflow/platform';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';

describe('startEmbeddedPostgres', () => {
  let root: string | undefined;
  let postgres: EmbeddedPostgres | undefined;
  afterAll(async () => {
    await postgres?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('initialises a cluster, creates the databases asked for, answers queries and stops', async () => {
    root = await mkdtemp(join(tmpdir(), 'mindflow-embedded-postgres-'));
    await chmod(root, 0o755); // as root the server runs as `postgres`, which must reach the data folder
    const port = await freePort();
    const signalListeners = () => ['SIGINT', 'SIGTERM', 'beforeExit'].map((event) => process.listenerCount(event));
    const before = signalListeners();
    postgres = await startEmbeddedPostgres({ dataDir: join(root, 'data'), port, databases: ['mindflow_write', 'mindflow_read'] });
    expect(signalListeners()).toEqual(before); // shutdown stays the caller's decision
    expect(postgres.url).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`);

    const client = new pg.Client({ connectionString: postgres.databaseUrl('mindflow_read') });
    await client.connect();
    const { rows } = await client.query<{ database: string; answer: number }>('SELECT current_database() AS database, 6 * 7 AS answer');
    await client.end();
    expect(rows).toEqual([{ database: 'mindflow_read', answer: 42 }]);

    await postgres.stop();
    postgres = undefined;
    await expect(new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` }).connect()).rejects.toThrow();
  });

  it('starts again on the same data, keeping what was there', async () => {
    const port = await freePort();
    postgres = await startEmbeddedPostgres({ dataDir: join(root!, 'data'), port });
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'mindflow_%' ORDER BY 1");
    await client.end();
    expect(rows.map((row) => row.datname)).toEqual(['mindflow_read', 'mindflow_write']);
  });

  it('says why when it cannot start', async () => {
    const port = await freePort();
    const blocker = await startEmbeddedPostgres({ dataDir: join(root!, 'data-2'), port });
    try {
      await expect(startEmbeddedPostgres({ dataDir: join(root!, 'data-3'), port })).rejects.toThrow(
        new RegExp(`embedded PostgreSQL on 127\\.0\\.0\\.1:${port} .* failed to start[\\s\\S]*(Address already in use|could not create)`),
      );
    } finally {
      await blocker.stop();
    }
  });
});
