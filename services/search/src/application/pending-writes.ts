import type { SqlClient } from '@mindflow/event-log';
import { documentAfter, type DocumentEvent } from '../domain/documents-from-events.js';
import type { SearchDocument } from '../domain/search-document.js';
import { documentIdOf, needsStoredDocument } from '../domain/stored-document.js';
import type { SearchIndex } from './search-index.js';

/** A projection transaction (the runtime's `tx`): the key its staged events are kept under. */
type Transaction = SqlClient;

interface JournalDeletion {
  readonly ownerId: string;
  readonly journalId: string;
  readonly deletedAt: string;
}

interface Staged {
  readonly events: DocumentEvent[];
  readonly deletedJournals: Map<string, JournalDeletion>;
}

/**
 * The events one projection transaction has applied to the search index and not yet written. Handlers only
 * stage (no I/O per event); just before the transaction commits its checkpoint (`flushBeforeCheckpoint`)
 * `flush` turns them into documents with a fixed number of round trips whatever the chunk's size:
 * 0. the owners' locks (see below; only for chunks with entry events or journal deletions);
 * 1. the chunk's journal deletions recorded in `search_deleted_journals` (one statement, in `tx`);
 * 2. one multi-get of the stored documents the chunk needs — only aggregates whose first staged event is
 *    not self-contained (a creation or a deletion needs nothing stored), so a chunk of creations reads nothing;
 * 3. one query for which of the chunk's journals are deleted (seeing step 1);
 * 4. the events folded in order per aggregate (`documentAfter`), one bulk write of the results;
 * 5. the entries of journals deleted in this chunk hidden (rare: a journal deletion).
 * Events at or below the version of the document they fold onto are skipped: that document already holds
 * them (a chunk redelivered after its bulk write landed but before its commit).
 *
 * A journal's deletion must not interleave with its entries' writes (an entry written live after the
 * deletion hid it, by a chunk that did not see the deletion yet): a chunk with entry events takes their
 * owners' advisory locks *shared*, a chunk with a journal deletion its owner's *exclusive*, for the rest
 * of the transaction, before anything is read. So entry chunks of one owner (its entries are spread over
 * every partition) run side by side, and only a journal deletion waits for them, or they for it; taken
 * here rather than through the runtime's `sharedKeys`, which are exclusive and would make every entry
 * chunk of an owner wait for the one before it, bulk write included.
 *
 * A transaction that fails before its flush leaves its staged events behind, and the next transaction of
 * the same connection writes them with its own: they were admitted in order by the runtime's version
 * gates, the fold skips what a document already holds, and the index's version guard makes a repeat a no-op.
 */
export class PendingWrites {
  private readonly staged = new WeakMap<Transaction, Staged>();

  private readonly namespace: string;
  private readonly maxStaged: number;

  constructor(
    private readonly index: SearchIndex,
    options: {
      /** Prefixes the owners' lock keys: the read DB schema, so a projection in another schema never waits for this one. */
      readonly lockNamespace?: string;
      /** Past this many staged events a transaction writes them before going on. */
      readonly maxStaged?: number;
    } = {},
  ) {
    this.namespace = options.lockNamespace ?? '';
    this.maxStaged = options.maxStaged ?? 1_000;
  }

  async stage(tx: Transaction, event: DocumentEvent): Promise<void> {
    const staged = this.of(tx);
    staged.events.push(event);
    if (staged.events.length >= this.maxStaged) await this.flush(tx);
  }

  /** A journal's deletion: recorded and its entries hidden when the transaction flushes. */
  deleteJournal(tx: Transaction, deletion: JournalDeletion): void {
    this.of(tx).deletedJournals.set(deletion.journalId, deletion);
  }

  /** Writes everything `tx` staged: a fixed number of round trips (see the class comment). */
  async flush(tx: Transaction): Promise<void> {
    const staged = this.staged.get(tx);
    if (!staged) return;
    this.staged.delete(tx);
    const { events, deletedJournals } = staged;
    await lockOwners(tx, this.namespace, events, [...deletedJournals.values()]);
    if (deletedJournals.size > 0) await recordDeletedJournals(tx, [...deletedJournals.values()]);
    if (events.length > 0) await this.index.write(await this.documents(tx, events));
    for (const { ownerId, journalId } of deletedJournals.values()) await this.index.hideJournalEntries(ownerId, journalId);
  }

  /** The documents the events leave, one per aggregate (its last state). */
  private async documents(tx: Transaction, events: readonly DocumentEvent[]): Promise<SearchDocument[]> {
    const firstEvents = new Map<string, DocumentEvent>();
    for (const event of events) if (!firstEvents.has(documentIdOf(event))) firstEvents.set(documentIdOf(event), event);
    const needed = [...firstEvents].filter(([, event]) => needsStoredDocument(event)).map(([id]) => id);
    const stored = needed.length > 0 ? await this.index.getMany(needed) : new Map<string, SearchDocument>();
    const journals = new Set<string>();
    for (const event of events) {
      const journalId = journalOf(event) ?? stored.get(documentIdOf(event))?.journalId;
      if (journalId) journals.add(journalId.toLowerCase());
    }
    const deletedJournals = await deletedAmong(tx, [...journals]);
    const documents = new Map<string, SearchDocument>(stored);
    const written = new Set<string>();
    for (const event of events) {
      const id = documentIdOf(event);
      const current = documents.get(id);
      if (current && current.version >= event.aggregateVersion) continue;
      const journalId = journalOf(event) ?? current?.journalId ?? null;
      const next = documentAfter(event, { current, journalDeleted: journalId !== null && deletedJournals.has(journalId.toLowerCase()) });
      if (!next) continue;
      documents.set(id, next);
      written.add(id);
    }
    return [...written].map((id) => documents.get(id)!);
  }

  private of(tx: Transaction): Staged {
    let staged = this.staged.get(tx);
    if (!staged) this.staged.set(tx, (staged = { events: [], deletedJournals: new Map() }));
    return staged;
  }
}

/** An entry event's journal (entry events but `MoodRecorded` carry it), else null. */
function journalOf(event: DocumentEvent): string | null {
  return (event.payload as { journalId?: string }).journalId ?? null;
}

/** Entry owners' locks shared, journal deleters' exclusive; one statement, in lock-id order (no deadlock between chunks). */
async function lockOwners(tx: Transaction, namespace: string, events: readonly DocumentEvent[], deletions: readonly JournalDeletion[]): Promise<void> {
  const modes = new Map<string, boolean>(); // owner → exclusive
  for (const event of events) if (event.aggregateType === 'entry') modes.set(event.userId, false);
  for (const { ownerId } of deletions) modes.set(ownerId, true);
  if (modes.size === 0) return;
  await tx.query(
    `SELECT CASE WHEN exclusive THEN pg_advisory_xact_lock(id) ELSE pg_advisory_xact_lock_shared(id) END FROM (
       SELECT hashtextextended(key, 0) AS id, bool_or(exclusive) AS exclusive FROM unnest($1::text[], $2::boolean[]) AS k(key, exclusive)
       GROUP BY 1 ORDER BY 1) AS ordered`,
    [[...modes.keys()].map((owner) => `${namespace}search-owner:${owner}`), [...modes.values()]],
  );
}

async function recordDeletedJournals(tx: Transaction, deletions: readonly JournalDeletion[]): Promise<void> {
  await tx.query(
    `INSERT INTO search_deleted_journals (journal_id, owner_id, deleted_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) ON CONFLICT (journal_id) DO NOTHING`,
    [deletions.map((d) => d.journalId), deletions.map((d) => d.ownerId), deletions.map((d) => d.deletedAt)],
  );
}

async function deletedAmong(tx: Transaction, journalIds: readonly string[]): Promise<Set<string>> {
  if (journalIds.length === 0) return new Set();
  const { rows } = await tx.query('SELECT journal_id FROM search_deleted_journals WHERE journal_id = ANY($1::uuid[])', [journalIds]);
  return new Set((rows as { journal_id: string }[]).map((row) => row.journal_id));
}
