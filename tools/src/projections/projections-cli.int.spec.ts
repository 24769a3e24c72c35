import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPool, migrate, withTransaction, type Pool } from '@mindflow/db';
import { appendToOutbox, outboxMigrations } from '@mindflow/event-log';
import { newEvent, type AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { startQueryProjector, type RunningQueryProjector } from '@mindflow/query';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The operations commands as an operator runs them (their own processes, configured by the environment),
// on the embedded log next to a running query projector.

const tsx = createRequire(import.meta.url).resolve('tsx');
const log = createLogger('projections-cli-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');
let writeDb: TestDatabase;
let readDb: TestDatabase;
let write: Pool;
let read: Pool;
let projector: RunningQueryProjector;
let env: Record<string, string>;

async function run(command: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', tsx, join(import.meta.dirname, `${command}.ts`), ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function journalCreated(name: string): AnyEvent {
  const journalId = randomUUID();
  return newEvent('JournalCreated', {
    eventId: randomUUID(), occurredAt: new Date().toISOString(), source: 'test', correlationId: 'cli-test', causationId: null,
    userId: randomUUID(), aggregateId: journalId, aggregateVersion: 1,
    payload: { journalId, name, description: null, color: '#336699', icon: 'book', isPrivate: true, createdAt: new Date().toISOString() },
  });
}
const journalNames = async () => (await read.query<{ name: string }>('SELECT name FROM journals_view ORDER BY name')).rows.map((r) => r.name);

beforeAll(async () => {
  [writeDb, readDb] = await Promise.all([createTestDatabase('cli_write'), createTestDatabase('cli_read')]);
  write = createPool(writeDb.url, { applicationName: 'cli-test', max: 2 });
  read = createPool(readDb.url, { applicationName: 'cli-test', max: 2 });
  await migrate(write, 'command', outboxMigrations);
  env = { MINDFLOW_MODE: 'embedded', WRITE_DATABASE_URL: writeDb.url, READ_DATABASE_URL: readDb.url, QUERY_PROJECTOR_GROUP: 'cli-test.query' };
  projector = await startQueryProjector({ ...env, MINDFLOW_MODE: 'embedded' }, { log });
  await projector.ready();
});
afterAll(async () => {
  await projector?.close();
  await Promise.all([write?.end(), read?.end()]);
  await Promise.all([writeDb?.drop(), readDb?.drop()]);
});

describe('projection commands', () => {
  it('rebuild.ts rebuilds the query projection next to the live projector and swaps it in', async () => {
    await withTransaction(write, (tx) => appendToOutbox(tx, ['Alpha', 'Beta', 'Gamma'].map(journalCreated)));
    await expect.poll(journalNames, { timeout: 20_000 }).toEqual(['Alpha', 'Beta', 'Gamma']);
    await read.query(`UPDATE journals_view SET name = 'lost'`);

    const { code, stdout, stderr } = await run('rebuild', '--projection', 'query');
    expect({ code, stderr }).toMatchObject({ code: 0 });
    expect(stdout).toMatch(/^rebuilt query: 3 events in .* swapped in .*journals_view.*; replaced objects kept in schema query_retired_\d+/m);
    expect(await journalNames()).toEqual(['Alpha', 'Beta', 'Gamma']);
    await withTransaction(write, (tx) => appendToOutbox(tx, [journalCreated('Delta')]));
    await expect.poll(journalNames, { timeout: 20_000 }).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']); // the live projector goes on
  });

  it('dead-letters.ts lists what is parked and redrive.ts re-applies it', async () => {
    const parked = journalCreated('Parked');
    await read.query(
      `INSERT INTO dead_letters (projection, aggregate_id, version, event_type, event_id, event, reason, error, attempts)
       VALUES ('query', $1, 1, 'JournalCreated', $2, $3, 'poison', 'Error: a bug since fixed', 5)`,
      [parked.aggregateId, parked.eventId, JSON.stringify(parked)],
    );
    const listed = await run('dead-letters', '--projection', 'query');
    expect(listed.stdout).toContain(`${parked.aggregateId}  1 parked from v1 JournalCreated  attempts 5`);

    const redrive = await run('redrive', '--projection', 'query');
    expect(redrive).toMatchObject({ code: 0 });
    expect(redrive.stdout).toContain('redrive of query: 1 applied, 0 already applied, 1 aggregates cleared, 0 letters still parked');
    expect(await journalNames()).toContain('Parked');
    expect((await run('dead-letters', '--projection', 'query')).stdout).toContain('nothing parked in query');
  });

  it('refuses an unknown projection', async () => {
    const { code, stderr } = await run('redrive', '--projection', 'nope');
    expect(code).toBe(64);
    expect(stderr).toContain('unknown projection nope; known: query');
  });
});
