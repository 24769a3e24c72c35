import { iso, type Tx } from './sql-client.js';

/** The tables whose rows are whole aggregates (with `id`, `owner_id`, `version`, `created_at`). */
export type AggregateTable = 'journals' | 'entries' | 'thoughts' | 'tasks' | 'calendar_events';

/** The columns every aggregate row has, under the names the domain gives them. */
export const aggregateColumns = (alias: string) =>
  `${alias}.id, ${alias}.owner_id AS "ownerId", ${alias}.version, ${alias}.created_at AS "createdAt", ${alias}.updated_at AS "updatedAt"`;

type Instants<T> = { readonly [K in keyof T]: T[K] extends string ? Date : T[K] extends string | null ? Date | null : T[K] };

/** An aggregate as selected with its columns named as the domain names them, instants still `Date`s. */
export type SelectedAggregate<S, K extends keyof S> = Omit<S, K> & Instants<Pick<S, K>>;

/** The aggregate of a row selected under domain names, with the given instants as ISO-8601 strings. */
export function aggregateOf<S, K extends keyof S>(row: SelectedAggregate<S, K> | undefined, instants: readonly K[]): S | null {
  if (!row) return null;
  const converted = Object.fromEntries(instants.map((key) => [key, iso((row as Record<K, Date | null>)[key])]));
  return { ...row, ...converted } as S;
}

/**
 * Writes the aggregate's own row as it now stands: inserts it at version 1, else updates the row of the
 * version before. `fields` are the other columns; `created_at` is the aggregate's too (an entry can be redated).
 */
export async function saveAggregateRow(
  tx: Tx,
  table: AggregateTable,
  aggregate: { readonly id: string; readonly ownerId: string; readonly version: number; readonly createdAt: string },
  fields: Readonly<Record<string, unknown>>,
): Promise<void> {
  const names = Object.keys(fields);
  const key = [aggregate.id, aggregate.ownerId, aggregate.version];
  if (aggregate.version === 1) {
    const columns = ['id', 'owner_id', 'version', 'created_at', ...names];
    await tx.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      [...key, aggregate.createdAt, ...Object.values(fields)],
    );
    return;
  }
  const { rowCount } = await tx.query(
    `UPDATE ${table} SET version = $3, created_at = $4, ${names.map((name, i) => `${name} = $${i + 5}`).join(', ')}
     WHERE id = $1 AND owner_id = $2 AND version = $3 - 1`,
    [...key, aggregate.createdAt, ...Object.values(fields)],
  );
  // The row was loaded FOR UPDATE, so this only fires on a wiring bug (a save without the lock).
  if (rowCount !== 1) throw new Error(`${table} row ${aggregate.id} was not at version ${aggregate.version - 1}`);
}

/** An entry's or a thought's tag set as it now stands, in the writer's order. */
export async function saveTags(
  tx: Tx,
  of: { readonly table: 'entry_tags' | 'thought_tags'; readonly key: 'entry_id' | 'thought_id' },
  aggregate: { readonly id: string; readonly version: number; readonly tags: readonly string[] },
): Promise<void> {
  if (aggregate.version > 1) await tx.query(`DELETE FROM ${of.table} WHERE ${of.key} = $1`, [aggregate.id]);
  if (aggregate.tags.length > 0) {
    await tx.query(
      `INSERT INTO ${of.table} (${of.key}, tag, ordinal)
       SELECT $1, tag, ordinal - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(tag, ordinal)`,
      [aggregate.id, aggregate.tags],
    );
  }
}
