import { migrationChecksum, type Pool } from '@mindflow/db';
import { outboxMigrations } from '@mindflow/event-log';
import { pause, type Logger } from '@mindflow/platform';

/**
 * The relay reads an outbox it does not own: the service writing it (command, identity, insights) migrates it
 * with its own schema, and so does the deployment's migrations Job. The relay only checks that every outbox
 * migration (`@mindflow/event-log` `outboxMigrations`) is recorded in the database's `schema_migrations`, under
 * whichever scope the owner applied it, with the text the relay was built with; until then it waits (the
 * database may not even exist yet: the owner creates it), saying so every `logEveryMs`.
 * An outbox migrated from other SQL is a different outbox: that fails the start.
 */
export async function awaitOutboxSchema(pool: Pool, options: { log: Logger; retryMs?: number; logEveryMs?: number }): Promise<void> {
  const retryMs = options.retryMs ?? 500;
  const logEveryMs = options.logEveryMs ?? 10_000;
  const started = Date.now();
  let loggedAt = started;
  for (;;) {
    let missing: string[];
    try {
      missing = await missingOutboxMigrations(pool);
    } catch (error) {
      if (error instanceof OutboxSchemaError) throw error;
      if (Date.now() - loggedAt >= logEveryMs) {
        loggedAt = Date.now();
        options.log.warn({ err: error }, 'cannot read the outbox database yet; retrying');
      }
      await pause(retryMs);
      continue;
    }
    if (missing.length === 0) return;
    if (Date.now() - loggedAt >= logEveryMs) {
      loggedAt = Date.now();
      options.log.warn({ missing, waitedMs: loggedAt - started }, "waiting for the outbox's owner to migrate it (the relay does not)");
    }
    await pause(retryMs);
  }
}

/** The outbox migrations not (yet) applied in `pool`'s database; throws when one was applied from other SQL. */
export async function missingOutboxMigrations(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ found: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS found");
  if (!rows[0]?.found) return outboxMigrations.map((m) => m.id);
  const applied = await pool.query<{ id: string; checksum: string | null }>(
    'SELECT id, checksum FROM schema_migrations WHERE id = ANY($1::text[])',
    [outboxMigrations.map((m) => m.id)],
  );
  const missing: string[] = [];
  for (const migration of outboxMigrations) {
    const recorded = applied.rows.filter((r) => r.id === migration.id);
    if (recorded.length === 0) missing.push(migration.id);
    else if (!recorded.some((r) => r.checksum === null || r.checksum === migrationChecksum(migration.sql))) {
      throw new OutboxSchemaError(`outbox migration ${migration.id} was applied from other SQL than this relay's (@mindflow/event-log outboxMigrations)`);
    }
  }
  return missing;
}

/** The outbox in the database is not the one this relay reads (an applied outbox migration has other SQL). */
export class OutboxSchemaError extends Error {
  override readonly name = 'OutboxSchemaError';
}
