import { randomUUID } from 'node:crypto';
import { createPool, migrate, type Pool } from '@mindflow/db';
import { isSealed, newEvent, openStoredEvent, type AnyEvent } from '@mindflow/events';
import { keyStoreMigrations, MasterKeyWrapper, PgKeyStore } from '@mindflow/event-log';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateMediaDatabase } from './media-migrations.js';
import { pgMediaStore } from './pg-media-store.js';

// Issue 16: AttachmentAdded names the user's file; with the key store it reaches the media outbox sealed, and
// nothing is written for an erased user (no error).
describe('media events in the outbox are sealed with the owner\'s key (real Postgres)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let keys: PgKeyStore;

  beforeAll(async () => {
    db = await createTestDatabase('media_sealed');
    pool = createPool(db.url, { applicationName: 'media-sealed-spec', max: 4 });
    await migrateMediaDatabase(pool);
    await migrate(pool, 'keys', keyStoreMigrations);
    keys = new PgKeyStore(pool, new MasterKeyWrapper(Buffer.alloc(32, 3)));
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const added = (userId: string, fileName: string): AnyEvent => {
    const attachmentId = randomUUID();
    return newEvent('AttachmentAdded', {
      eventId: randomUUID(), occurredAt: new Date().toISOString(), source: 'media', correlationId: randomUUID(), causationId: null, userId,
      aggregateId: attachmentId, aggregateVersion: 1,
      payload: {
        attachmentId, targetType: 'Thought', targetId: randomUUID(), journalId: null, fileName, contentType: 'image/png', size: 10,
        objectKey: `users/${userId}/${attachmentId}`, thumbnailKey: null, width: 1, height: 1, durationSeconds: null, addedAt: new Date().toISOString(),
      },
    });
  };
  type Row = { event_id: string; event_type: string; schema_version: number; aggregate_type: string; aggregate_id: string; aggregate_version: number; user_id: string; payload: Record<string, unknown> };
  const rowsOf = async (userId: string) => (await pool.query<Row>(`SELECT * FROM outbox WHERE user_id = $1 AND event_type = 'AttachmentAdded'`, [userId])).rows;

  it('seals AttachmentAdded.fileName, which a consumer opens with the key; an erased owner gets no event', async () => {
    const marker = `mediamarker${randomUUID().slice(0, 8)}`;
    const [alive, erased] = [randomUUID(), randomUUID()];
    await keys.getOrCreate(erased);
    await keys.destroy(erased);
    await pgMediaStore(pool, keys).transaction((tx) => tx.appendEvents([added(alive, `${marker}.png`), added(erased, `${marker}.png`)]));

    const [row, ...more] = await rowsOf(alive);
    expect(more).toEqual([]);
    expect(isSealed(row!.payload)).toBe(true);
    expect(JSON.stringify(row!.payload)).not.toContain(marker);
    const opened = (await openStoredEvent({ eventId: row!.event_id, eventType: row!.event_type, schemaVersion: row!.schema_version, aggregateType: row!.aggregate_type,
      aggregateId: row!.aggregate_id, aggregateVersion: row!.aggregate_version, userId: row!.user_id, payload: row!.payload }, keys)) as AnyEvent;
    expect(opened.payload).toMatchObject({ fileName: `${marker}.png` });
    expect(await rowsOf(erased)).toEqual([]);
  });
});
