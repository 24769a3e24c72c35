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

/**
 * Applies the migrations of one `scope` (a service's schema) that have not run yet, in one transaction,
 * under an advisory lock so that replicas starting together migrate once. The lock is one for the whole
 * database, not per scope: two services sharing a database would otherwise race to create the
 * `schema_migrations` table itself on a fresh database.
 * Returns the ids applied now.
 */
export async function migrate(pool: Pool, scope: string, migrations: readonly Migration[]): Promise<string[]> {
  return withTransaction(pool, async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('mindflow:migrate'))");
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      scope text NOT NULL, id text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scope, id))`);
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM schema_migrations WHERE scope = $1', [scope]);
    const done = new Set(rows.map((r) => r.id));
    const applied: string[] = [];
    for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
      if (done.has(migration.id)) continue;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (scope, id) VALUES ($1, $2)', [scope, migration.id]);
      applied.push(migration.id);
    }
    return applied;
  });
}
