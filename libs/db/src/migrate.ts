import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from './pool.js';
import { withTransaction } from './transaction.js';

export interface Migration {
  /** Sortable, never reused: `0001-create-journals`. */
  readonly id: string;
  readonly sql: string;
}

/** Reads `NNNN-name.sql` files from a folder, in name order. */
export async function migrationsFromDir(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(files.map(async (f) => ({ id: f.replace(/\.sql$/, ''), sql: await readFile(join(dir, f), 'utf8') })));
}

/** Thrown when a migration already applied no longer has the text it was applied with. */
export class MigrationChangedError extends Error {
  constructor(readonly scope: string, readonly id: string, applied: string, now: string) {
    super(
      `migration ${scope}/${id} was edited after it was applied (checksum ${applied.slice(0, 12)} in schema_migrations, ` +
        `${now.slice(0, 12)} now): applied migrations are never edited — put the change in a new migration, or restore the file`,
    );
    this.name = 'MigrationChangedError';
  }
}

/**
 * sha256 of a migration's SQL with its whitespace collapsed: a checkout with CRLF, or a formatter re-indenting the
 * SQL written in a TypeScript template string, is the same migration; a changed word is not.
 */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.trim().replace(/\s+/g, ' ')).digest('hex');
}

/**
 * Applies the migrations of one `scope` (a service's schema) that have not run yet, in one transaction,
 * under an advisory lock so that replicas starting together migrate once. The lock is one for the whole
 * database, not per scope: two services sharing a database would otherwise race to create the
 * `schema_migrations` table itself on a fresh database.
 * Each applied migration's checksum is recorded; one whose text changed since fails the start with
 * `MigrationChangedError` (rows from before checksums existed get theirs recorded on the first run).
 * Returns the ids applied now.
 */
export async function migrate(pool: Pool, scope: string, migrations: readonly Migration[]): Promise<string[]> {
  return withTransaction(pool, async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('mindflow:migrate'))");
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      scope text NOT NULL, id text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scope, id))`);
    await tx.query('ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text');
    const { rows } = await tx.query<{ id: string; checksum: string | null }>('SELECT id, checksum FROM schema_migrations WHERE scope = $1', [scope]);
    const done = new Map(rows.map((r) => [r.id, r.checksum]));
    const applied: string[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
      const checksum = migrationChecksum(migration.sql);
      if (done.has(migration.id)) {
        const recorded = done.get(migration.id);
        if (recorded === null || recorded === undefined) {
          await tx.query('UPDATE schema_migrations SET checksum = $3 WHERE scope = $1 AND id = $2', [scope, migration.id, checksum]);
        } else if (recorded !== checksum) {
          throw new MigrationChangedError(scope, migration.id, recorded, checksum);
        }
        continue;
      }
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (scope, id, checksum) VALUES ($1, $2, $3)', [scope, migration.id, checksum]);
      applied.push(migration.id);
    }
    return applied;
  });
}
