import type { PoolClient } from '@mindflow/db';

/** Tables the runtime and the migrations keep per schema, whose *rows* (not the tables) belong to a projection. */
const bookkeeping = new Set(['schema_migrations', 'projection_versions', 'dead_letters', 'event_log_checkpoints']);

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface SwapPlan {
  readonly projection: string;
  readonly liveSchema: string;
  readonly rebuildSchema: string;
  /** Where the replaced live objects go, kept for inspection or a swap back. */
  readonly retiredSchema: string;
  /** schema_migrations scopes whose rows follow the rebuilt objects into the live schema. */
  readonly migrationScopes: readonly string[];
}

export interface SwapSummary {
  readonly relations: readonly string[];
  readonly types: readonly string[];
  readonly functions: readonly string[];
  readonly versions: number;
  readonly deadLetters: number;
}

/**
 * Aggregates the live projection has taken further than the rebuild (none: the rebuild can replace it
 * without losing an effect). The live projection must be held still (its exclusive lock) for the answer
 * to stay true.
 */
export async function aggregatesAhead(client: PoolClient, plan: SwapPlan, limit = 5): Promise<{ aggregateId: string; live: number; rebuilt: number | null }[]> {
  const { rows } = await client.query<{ aggregate_id: string; live: number; rebuilt: number | null }>(
    `SELECT l.aggregate_id, l.version AS live, r.version AS rebuilt
     FROM ${quoteIdent(plan.liveSchema)}.projection_versions l
     LEFT JOIN ${quoteIdent(plan.rebuildSchema)}.projection_versions r ON r.projection = l.projection AND r.aggregate_id = l.aggregate_id
     WHERE l.projection = $1 AND (r.version IS NULL OR r.version < l.version)
     LIMIT $2`,
    [plan.projection, limit],
  );
  return rows.map((r) => ({ aggregateId: r.aggregate_id, live: r.live, rebuilt: r.rebuilt }));
}

/**
 * Swaps the rebuilt projection in, inside the caller's transaction: every object the migrations made in
 * the rebuild schema (tables with their indexes, constraints, owned sequences, policies and triggers;
 * views; types; functions) moves into the live schema, and the live objects of the same names move out
 * to the retired schema first. The projection's rows of the bookkeeping tables (versions, dead letters,
 * applied migrations) are replaced by the rebuild's; the old ones are copied to the retired schema.
 * Readers see the old objects until the commit and the new ones after it; the moves wait at most the
 * transaction's lock_timeout for readers in flight.
 */
export async function swapIn(client: PoolClient, plan: SwapPlan): Promise<SwapSummary> {
  const [live, rebuild, retired] = [plan.liveSchema, plan.rebuildSchema, plan.retiredSchema].map(quoteIdent) as [string, string, string];
  await client.query(`CREATE SCHEMA ${retired}`);

  const incoming = await objectsOf(client, plan.rebuildSchema);
  const existing = await objectsOf(client, plan.liveSchema);
  const lockable = (o: SchemaObject) => o.kind === 'relation' && o.lockable;
  // Views before tables: a reader of a view locks the view first and its tables after, so taking them
  // in the same order means the swap never holds a table a reader needs while waiting for that reader's view
  // (a deadlock Postgres would break by failing the read).
  const viewsFirst = (a: SchemaObject, b: SchemaObject) => Number(a.alter !== 'VIEW' && a.alter !== 'MATERIALIZED VIEW') - Number(b.alter !== 'VIEW' && b.alter !== 'MATERIALIZED VIEW');
  const toLock = [
    ...existing.filter((o) => lockable(o) && incoming.some((i) => i.kind === o.kind && i.name === o.name)).map((o) => ({ o, ident: `${live}.${quoteIdent(o.name)}` })),
    ...incoming.filter(lockable).map((o) => ({ o, ident: `${rebuild}.${quoteIdent(o.name)}` })),
  ].sort((a, b) => viewsFirst(a.o, b.o)).map((l) => l.ident);
  // Every lock at once, before any move: a reader never sees half a swap, and we wait at most lock_timeout.
  if (toLock.length > 0) await client.query(`LOCK TABLE ${toLock.join(', ')} IN ACCESS EXCLUSIVE MODE`);

  for (const object of incoming) {
    const old = existing.find((o) => o.kind === object.kind && o.name === object.name);
    if (old) await client.query(`ALTER ${old.alter} ${live}.${old.ident} SET SCHEMA ${retired}`);
  }
  for (const object of incoming) await client.query(`ALTER ${object.alter} ${rebuild}.${object.ident} SET SCHEMA ${live}`);
  for (const { name } of await client.query<{ name: string }>(
    'SELECT e.extname AS name FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname = $1', [plan.rebuildSchema],
  ).then((r) => r.rows)) {
    await client.query(`ALTER EXTENSION ${quoteIdent(name)} SET SCHEMA ${live}`);
  }

  const p = [plan.projection];
  await client.query(`CREATE TABLE ${retired}.projection_versions AS SELECT * FROM ${live}.projection_versions WHERE projection = $1`, p);
  await client.query(`DELETE FROM ${live}.projection_versions WHERE projection = $1`, p);
  const versions = await client.query(
    `INSERT INTO ${live}.projection_versions (projection, aggregate_id, version)
     SELECT projection, aggregate_id, version FROM ${rebuild}.projection_versions WHERE projection = $1`, p);
  const letterColumns = 'projection, aggregate_id, version, event_type, event_id, event, raw, position, reason, error, attempts, parked_at';
  await client.query(`CREATE TABLE ${retired}.dead_letters AS SELECT * FROM ${live}.dead_letters WHERE projection = $1`, p);
  await client.query(`DELETE FROM ${live}.dead_letters WHERE projection = $1`, p);
  const letters = await client.query(
    `INSERT INTO ${live}.dead_letters (${letterColumns}) SELECT ${letterColumns} FROM ${rebuild}.dead_letters WHERE projection = $1 ORDER BY id`, p);
  await client.query(
    `INSERT INTO ${live}.schema_migrations (scope, id, applied_at)
     SELECT scope, id, applied_at FROM ${rebuild}.schema_migrations WHERE scope = ANY($1) ON CONFLICT DO NOTHING`,
    [plan.migrationScopes],
  );
  await client.query(`DROP SCHEMA ${rebuild} CASCADE`); // only its bookkeeping is left
  const names = (kind: SchemaObject['kind']) => incoming.filter((o) => o.kind === kind).map((o) => o.name);
  return { relations: names('relation'), types: names('type'), functions: names('function'), versions: versions.rowCount ?? 0, deadLetters: letters.rowCount ?? 0 };
}

interface SchemaObject {
  readonly kind: 'relation' | 'type' | 'function';
  /** Unique within its kind: a relation's or type's name, a function's signature. */
  readonly name: string;
  /** How ALTER … SET SCHEMA names it (quoted). */
  readonly ident: string;
  /** The ALTER keyword: TABLE, VIEW, MATERIALIZED VIEW, SEQUENCE, FOREIGN TABLE, TYPE, DOMAIN, ROUTINE. */
  readonly alter: string;
  readonly lockable: boolean;
}

const alterOfRelation: Record<string, string> = { r: 'TABLE', p: 'TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', f: 'FOREIGN TABLE', S: 'SEQUENCE' };

/**
 * The movable objects of a schema, bookkeeping tables and extension members excluded: relations other
 * than indexes and column-owned sequences (those follow their table), types that are not a table's row
 * type or an array, and functions.
 */
async function objectsOf(client: PoolClient, schema: string): Promise<SchemaObject[]> {
  const notExtension = (catalog: string, oid: string) =>
    `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
  const relations = await client.query<{ name: string; kind: string }>(
    `SELECT c.relname AS name, c.relkind::text AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ${notExtension('pg_class', 'c.oid')}
       AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
     ORDER BY c.relname`,
    [schema],
  );
  const types = await client.query<{ name: string; kind: string }>(
    `SELECT t.typname AS name, t.typtype::text AS kind FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = $1 AND t.typtype IN ('e', 'd', 'r', 'c') AND ${notExtension('pg_type', 't.oid')}
       AND (t.typtype <> 'c' OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
     ORDER BY t.typname`,
    [schema],
  );
  const functions = await client.query<{ name: string; ident: string }>(
    `SELECT format('%s(%s)', p.proname, pg_get_function_identity_arguments(p.oid)) AS name,
            format('%I(%s)', p.proname, pg_get_function_identity_arguments(p.oid)) AS ident
     FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = $1 AND p.prokind IN ('f', 'p') AND ${notExtension('pg_proc', 'p.oid')}
     ORDER BY 1`,
    [schema],
  );
  return [
    ...relations.rows.filter((r) => !bookkeeping.has(r.name)).map((r) => ({
      kind: 'relation' as const, name: r.name, ident: quoteIdent(r.name), alter: alterOfRelation[r.kind]!, lockable: r.kind !== 'S',
    })),
    ...types.rows.map((t) => ({ kind: 'type' as const, name: t.name, ident: quoteIdent(t.name), alter: t.kind === 'd' ? 'DOMAIN' : 'TYPE', lockable: false })),
    ...functions.rows.map((f) => ({ kind: 'function' as const, name: f.name, ident: f.ident, alter: 'ROUTINE', lockable: false })),
  ];
}
