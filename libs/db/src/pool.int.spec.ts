import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { createPool, type Pool } from './pool.js';
import { withTransaction } from './transaction.js';

describe('createPool', () => {
  let db: TestDatabase;
  let pool: Pool;
  let admin: Pool;
  const uncaught: unknown[] = [];
  const record = (error: unknown) => void uncaught.push(error);

  beforeAll(async () => {
    db = await createTestDatabase('db-pool');
    pool = createPool(db.url, { applicationName: 'pool-spec', max: 2 });
    admin = createPool(db.url, { applicationName: 'pool-spec-admin', max: 1 });
    process.on('uncaughtException', record);
  });

  afterAll(async () => {
    process.off('uncaughtException', record);
    await pool?.end();
    await admin?.end();
    await db?.drop();
  });

  it('survives losing the server of a checked-out client: the holder gets an error, the process does not die, the pool recovers', async () => {
    const outcome = withTransaction(pool, async (tx) => {
      const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      // The server ends this connection while the client is checked out and idle (between two queries).
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await sleep(300);
      await tx.query('SELECT 1');
    });
    await expect(outcome).rejects.toThrow();
    expect(uncaught).toEqual([]);
    const { rows } = await pool.query<{ answer: number }>('SELECT 6 * 7 AS answer');
    expect(rows[0]!.answer).toBe(42);
  });
});
