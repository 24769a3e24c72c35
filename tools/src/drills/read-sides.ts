// The two sides reconciliation compares: the write DB (the truth) and each read side, as entity snapshots.
// The query read DB is one adapter; the search index (services/search) will be another `ReadSide`.
import type { Pool } from '@mindflow/db';
import { entityKey, type EntitySnapshot, type EntityState, type ReadSide } from './reconcile.js';

interface JournalRow { id: string; owner_id: string; name: string; description: string | null; color: string | null; icon: string | null; is_private: boolean; version: number; deleted: boolean; entry_count: number }
interface EntryRow { id: string; journal_id: string; owner_id: string; journal_name: string | null; title: string | null; content: string; mood: string | null; tags: string[]; word_count: number; version: number; deleted: boolean }

function journalState(r: JournalRow): EntityState {
  return {
    kind: 'journal', id: r.id, version: r.version, deleted: r.deleted,
    fields: { ownerId: r.owner_id, name: r.name, description: r.description, color: r.color, icon: r.icon, isPrivate: r.is_private, entryCount: Number(r.entry_count) },
  };
}

function entryState(r: EntryRow): EntityState {
  return {
    kind: 'entry', id: r.id, version: r.version, deleted: r.deleted,
    fields: { journalId: r.journal_id, ownerId: r.owner_id, journalName: r.journal_name, title: r.title, content: r.content, mood: r.mood, tags: r.tags, wordCount: r.word_count },
  };
}

function toSnapshot(states: EntityState[]): EntitySnapshot {
  return new Map(states.map((s) => [entityKey(s.kind, s.id), s]));
}

/** The write DB's journals and entries, as the read models should show them. */
export async function writeSnapshot(writePool: Pool): Promise<EntitySnapshot> {
  const journals = await writePool.query<JournalRow>(
    `SELECT j.id, j.owner_id, j.name, j.description, j.color, j.icon, j.is_private, j.version, j.deleted_at IS NOT NULL AS deleted,
            CASE WHEN j.deleted_at IS NOT NULL THEN 0
                 ELSE (SELECT count(*) FROM entries e WHERE e.journal_id = j.id AND e.deleted_at IS NULL) END AS entry_count
     FROM journals j`,
  );
  const entries = await writePool.query<EntryRow>(
    `SELECT e.id, e.journal_id, e.owner_id, j.name AS journal_name, e.title, e.content, e.mood, e.word_count, e.version,
            (e.deleted_at IS NOT NULL OR j.deleted_at IS NOT NULL) AS deleted,
            coalesce((SELECT array_agg(t.tag ORDER BY t.ordinal) FROM entry_tags t WHERE t.entry_id = e.id), '{}') AS tags
     FROM entries e JOIN journals j ON j.id = e.journal_id`,
  );
  return toSnapshot([...journals.rows.map(journalState), ...entries.rows.map(entryState)]);
}

/** The query projection's read DB: `journals_view`, `entries_view`. */
export function queryReadSide(readPool: Pool): ReadSide {
  return {
    name: 'query read DB',
    kinds: ['journal', 'entry'],
    keepsDeleted: true,
    async snapshot() {
      const journals = await readPool.query<JournalRow>(
        `SELECT journal_id AS id, owner_id, name, description, color, icon, is_private, version, deleted_at IS NOT NULL AS deleted, entry_count
         FROM journals_view`,
      );
      const entries = await readPool.query<EntryRow>(
        `SELECT entry_id AS id, journal_id, owner_id, journal_name, title, content, mood, tags, word_count, version, deleted_at IS NOT NULL AS deleted
         FROM entries_view`,
      );
      return toSnapshot([...journals.rows.map(journalState), ...entries.rows.map(entryState)]);
    },
  };
}

/** Aggregate → highest version written to the outbox, for the aggregate types `eventTypes` belong to. */
export async function writtenVersions(writePool: Pool, eventTypes: readonly string[]): Promise<Written> {
  const { rows } = await writePool.query<{ aggregate_id: string; aggregate_type: string; version: number; events: string }>(
    `SELECT aggregate_id, min(aggregate_type) AS aggregate_type, max(aggregate_version) AS version, count(*) AS events FROM outbox
     WHERE aggregate_type IN (SELECT DISTINCT aggregate_type FROM outbox WHERE event_type = ANY($1))
     GROUP BY aggregate_id`,
    [eventTypes],
  );
  return {
    total: rows.reduce((sum, r) => sum + Number(r.events), 0),
    byAggregate: new Map(rows.map((r) => [r.aggregate_id, r.version])),
    types: new Map(rows.map((r) => [r.aggregate_id, r.aggregate_type])),
  };
}

export interface Written {
  readonly total: number;
  /** Aggregate → its highest written version. */
  readonly byAggregate: Map<string, number>;
  /** Aggregate → its type. */
  readonly types: Map<string, string>;
}

/**
 * What `projection` should hold of `written`: all of it for the query projection (the reference: the written
 * set is defined by its event types); for another projection (search), the aggregates of the types it holds
 * any of, since it follows other streams (in embedded mode the outbox also carries insights' events, which
 * search does not follow).
 */
export function writtenFor(projection: string, reference: string, written: Written, held: Iterable<string>): Map<string, number> {
  if (projection === reference) return written.byAggregate;
  const types = new Set<string>();
  for (const aggregateId of held) {
    const type = written.types.get(aggregateId.toLowerCase());
    if (type) types.add(type);
  }
  return new Map([...written.byAggregate].filter(([aggregateId]) => types.has(written.types.get(aggregateId)!)));
}

/** Aggregate → version in the read DB's live `projection_versions`. */
export async function projectedVersions(readPool: Pool, projection: string): Promise<Map<string, number>> {
  const { rows } = await readPool.query<{ aggregate_id: string; version: number }>(
    'SELECT aggregate_id, version FROM projection_versions WHERE projection = $1', [projection],
  );
  return new Map(rows.map((r) => [r.aggregate_id, r.version]));
}

/** Dead letters of `projection` still parked (but those of the `except` aggregates). */
export async function parkedLetters(readPool: Pool, projection: string, except: ReadonlySet<string> = new Set()): Promise<number> {
  const exists = await readPool.query(`SELECT to_regclass('dead_letters') IS NOT NULL AS present`);
  if (!(exists.rows[0] as { present: boolean }).present) return 0;
  const { rows } = await readPool.query<{ n: string }>(
    'SELECT count(*) AS n FROM dead_letters WHERE projection = $1 AND (aggregate_id IS NULL OR NOT aggregate_id = ANY($2::uuid[]))', [projection, [...except]],
  );
  return Number(rows[0]?.n ?? 0);
}

/** A few parked letters, to say why in a report. */
export async function parkedExamples(readPool: Pool, projection: string): Promise<string[]> {
  const { rows } = await readPool.query<{ event_type: string | null; version: number | null; reason: string; error: string | null }>(
    'SELECT event_type, version, reason, error FROM dead_letters WHERE projection = $1 ORDER BY id LIMIT 5', [projection],
  ).catch(() => ({ rows: [] }));
  return rows.map((r) => `${r.event_type ?? '?'} v${r.version ?? '?'} ${r.reason}: ${(r.error ?? '').slice(0, 200)}`);
}

/**
 * The search projection's index when it lives in the read DB (Postgres full-text search: `search_documents`,
 * what the search service uses without ELASTICSEARCH_URL). Entries only: journals are not searchable
 * documents. An Elasticsearch index would be one more adapter reading the same fields from `_search`.
 */
export function postgresSearchReadSide(readPool: Pool): ReadSide {
  return {
    name: 'search index (Postgres)',
    kinds: ['entry'],
    keepsDeleted: false,
    async snapshot() {
      const { rows } = await readPool.query<{ id: string; owner_id: string; journal_id: string; title: string | null; body: string; mood: string | null; tags: string[]; version: number; deleted: boolean }>(
        `SELECT doc_id AS id, owner_id, journal_id, title, body, mood, tags, version, deleted FROM search_documents WHERE kind = 'entry'`,
      );
      return toSnapshot(rows.map((r) => ({
        kind: 'entry', id: r.id, version: r.version, deleted: r.deleted,
        fields: { ownerId: r.owner_id, journalId: r.journal_id, title: r.title, content: r.body, mood: r.mood, tags: r.tags },
      })));
    },
  };
}

/** Whether the read DB holds the search projection's Postgres index. */
export async function hasPostgresSearch(readPool: Pool): Promise<boolean> {
  const { rows } = await readPool.query<{ present: boolean }>(`SELECT to_regclass('search_documents') IS NOT NULL AS present`);
  return rows[0]!.present;
}
