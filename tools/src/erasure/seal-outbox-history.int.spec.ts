import { randomUUID } from 'node:crypto';
import { createPool, migrate, withTransaction, type Pool } from '@mindflow/db';
import { CachedKeyStore, ERASED, isErased, openStoredEvent, parseEvent, type AnyEvent } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { appendToOutbox, keyStoreMigrations, MasterKeyWrapper, outboxMigrations, PgKeyStore } from '@mindflow/event-log';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealOutboxHistory } from './seal-outbox-history.js';

let db: TestDatabase;
let pool: Pool;
let keys: PgKeyStore;
beforeAll(async () => {
  db = await createTestDatabase('seal_outbox');
  pool = createPool(db.url, { applicationName: 'seal-outbox-test', max: 4 });
  await migrate(pool, 'command', outboxMigrations);
  await migrate(pool, 'keys', keyStoreMigrations);
  keys = new PgKeyStore(pool, new MasterKeyWrapper(Buffer.alloc(32, 3)));
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const entry = (userId: string, word: string): AnyEvent => {
  const entryId = randomUUID();
  return sampleEvent('JournalEntryCreated', { userId, eventId: randomUUID(), aggregateId: entryId, source: 'command', payload: { ...sampleEvent('JournalEntryCreated').payload, entryId, content: `Today: ${word}`, tags: [word] } });
};

const completed = (userId: string): AnyEvent => {
  const taskId = randomUUID();
  return sampleEvent('TaskCompleted', { userId, eventId: randomUUID(), source: 'command', aggregateId: taskId, payload: { ...sampleEvent('TaskCompleted').payload, taskId } });
};

describe('sealOutboxHistory (the rewrite of plaintext history)', () => {
  it('seals every old row in place, erases the rows of users already erased, leaves new and other rows alone, and runs again harmlessly', async () => {
    const [kept, gone] = [randomUUID(), randomUUID()];
    const keptWord = `Quokka${kept.slice(0, 6)}`;
    const goneWord = `Axolotl${gone.slice(0, 6)}`;
    const legacy = [entry(kept, keptWord), entry(gone, goneWord), completed(kept)];
    // V1 row as written years ago: tags one string, lower-case mood, no wordCount.
    const v1 = entry(kept, keptWord);
    await withTransaction(pool, (tx) => appendToOutbox(tx, [...legacy, v1])); // no key store: plaintext, as before issue 16
    await pool.query(`UPDATE outbox SET schema_version = 1, payload = (payload - 'wordCount') || jsonb_build_object('tags', $2::text, 'mood', 'calm') WHERE event_id = $1`, [v1.eventId, keptWord]);
    const fresh = entry(kept, keptWord);
    await withTransaction(pool, (tx) => appendToOutbox(tx, [fresh], { keys }));
    await keys.destroy(gone); // erased before its history was sealed

    const raw = async () => (await pool.query<{ raw: string }>('SELECT string_agg(o::text, E\'\\n\') AS raw FROM outbox o')).rows[0]!.raw;
    expect(await raw()).toContain(keptWord);
    const report = await sealOutboxHistory(pool, keys, { batchSize: 2 });
    expect(report).toEqual({ scanned: 4, sealed: 2, erased: 1 });
    expect(await raw()).not.toContain(keptWord);
    expect(await raw()).not.toContain(goneWord);
    expect(await sealOutboxHistory(pool, keys)).toEqual({ scanned: 1, sealed: 0, erased: 0 }); // the TaskCompleted: nothing personal

    const { rows } = await pool.query(`SELECT event_id::text AS "eventId", event_type AS "eventType", schema_version AS "schemaVersion", occurred_at AS "occurredAt",
      'command' AS source, correlation_id AS "correlationId", causation_id AS "causationId", user_id::text AS "userId", aggregate_type AS "aggregateType",
      aggregate_id::text AS "aggregateId", aggregate_version AS "aggregateVersion", payload FROM outbox ORDER BY position`);
    const cache = new CachedKeyStore(keys);
    const events = await Promise.all(rows.map(async (row: Record<string, unknown>) => parseEvent(await openStoredEvent({ ...row, occurredAt: (row.occurredAt as Date).toISOString() }, cache))));
    expect(events.map((e) => e.eventId)).toEqual([...legacy, v1, fresh].map((e) => e.eventId));
    expect(events[0]!.payload).toEqual(legacy[0]!.payload);
    expect(events[1]!.payload).toMatchObject({ content: ERASED, tags: [] });
    expect(isErased(events[1]!)).toBe(true);
    expect(events[3]!.payload).toMatchObject({ content: `Today: ${keptWord}`, tags: [keptWord], mood: 'CALM' });
    expect(events[4]!.payload).toEqual(fresh.payload);
  });
});
