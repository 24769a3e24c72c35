import type { Pool } from '@mindflow/db';
import { VersionGapError, type SqlClient } from '@mindflow/event-log';
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
 * them (a chunk redelivered after its bulk write landed but before its commit). Any other event that needs a
 * document is folded only onto its immediate predecessor (version n − 1): a document is the right state for
 * its version only if every step that made it was. An aggregate whose events do not continue the state at
 * hand (staged events that skip versions, or a stored document behind them) has its stored document read
 * again and is folded from it; if that still does not continue it, the flush throws a `VersionGapError`
 * (retried by the runtime, never parked) rather than write a document at a version whose state it lacks.
 *
 * A journal's deletion must not interleave with its entries' writes (an entry written live after the
 * deletion hid it, by a chunk that did not see the deletion yet): a chunk with entry events takes their
 * owners' advisory locks *shared*, a chunk with a journal deletion its owner's *exclusive*, for the rest
 * of the transaction, before anything is read. So entry chunks of one owner (its entries are spread over
 * every partition) run side by side, and only a journal deletion waits for them, or they for it; taken
 * here rather than through the runtime's `sharedKeys`, which are exclusive and would make every entry
 * chunk of an owner wait for the one before it, bulk write included.
 *
 * Staged events belong to one transaction attempt. A transaction that fails before its flush (another member
 * took the partition, a deadlock in the runtime's bookkeeping, the dead-letter topic unreachable) rolls
 * back, and what it staged must go with it: its events were never admitted (the runtime's version gates
 * rolled back too), and written later by whichever transaction next runs on the pooled connection they
 * would fold stale states. `discardOnRelease(pool)` drops a connection's staged events when it goes back to
 * the pool — after its COMMIT (nothing is left then: the flush took it) or its ROLLBACK.
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

  /**
   * Ends staging with the transaction: a connection of `pool` released (after COMMIT or ROLLBACK) drops what
   * its transaction staged and did not flush. `pool` is the one the projection transactions run on.
   */
  discardOnRelease(pool: Pick<Pool, 'on'>): void {
    pool.on('release', (_error, client) => this.discard(client));
  }

  /** Forgets what `tx` staged and did not flush (its transaction failed). */
  discard(tx: Transaction): void {
    this.staged.delete(tx);
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
    const byAggregate = new Map<string, DocumentEvent[]>();
    for (const event of events) {
      const id = documentIdOf(event);
      const list = byAggregate.get(id);
      if (list) list.push(event);
      else byAggregate.set(id, [event]);
    }
    const needed = new Set([...byAggregate].filter(([, list]) => needsStoredDocument(list[0]!)).map(([id]) => id));
    const stored = needed.size > 0 ? await this.index.getMany([...needed]) : new Map<string, SearchDocument>();
    const journals = new JournalDeletions(tx);
    await journals.load([...events.map(journalOf), ...[...stored.values()].map((d) => d.journalId)]);
    const documents: SearchDocument[] = [];
    const gaps: string[] = [];
    for (const [id, list] of byAggregate) {
      const folded = fold(list, { document: stored.get(id), read: needed.has(id) }, journals);
      if (folded instanceof Gap) gaps.push(id);
      else if (folded) documents.push(folded);
    }
    if (gaps.length === 0) return documents;
    // Rare: events that do not continue the state at hand. Fold them from the stored document, read again.
    const reread = await this.index.getMany(gaps);
    await journals.load([...reread.values()].map((d) => d.journalId));
    for (const id of gaps) {
      const list = byAggregate.get(id)!;
      const folded = fold(list, { document: reread.get(id), read: true }, journals);
      if (folded instanceof Gap) throw new VersionGapError('search index', id, folded.expected, folded.received);
      if (folded) documents.push(folded);
    }
    return documents;
  }

  private of(tx: Transaction): Staged {
    let staged = this.staged.get(tx);
    if (!staged) this.staged.set(tx, (staged = { events: [], deletedJournals: new Map() }));
    return staged;
  }
}

/** Where an aggregate's fold stopped: an event that needs version `received − 1` found `expected − 1`. */
class Gap {
  constructor(
    readonly expected: number,
    readonly received: number,
  ) {}
}

/**
 * An aggregate's events folded in order onto `start` (what the index holds, if `read`): its last state, or
 * undefined when there is nothing to write, or a `Gap` when an event that needs the previous state finds a
 * state that is not its immediate predecessor (or none, where the index was not read).
 */
function fold(
  events: readonly DocumentEvent[],
  start: { readonly document: SearchDocument | undefined; readonly read: boolean },
  journals: JournalDeletions,
): SearchDocument | undefined | Gap {
  let current = start.document;
  let changed = false;
  for (const event of events) {
    if (current && current.version >= event.aggregateVersion) continue; // already held
    if (needsStoredDocument(event) && (current ? current.version !== event.aggregateVersion - 1 : !start.read)) {
      return new Gap((current?.version ?? 0) + 1, event.aggregateVersion);
    }
    const journalId = journalOf(event) ?? current?.journalId ?? null;
    const next = documentAfter(event, { current, journalDeleted: journals.deleted(journalId) });
    if (!next) continue;
    current = next;
    changed = true;
  }
  return changed ? current : undefined;
}

/** Which journals are deleted, asked of `search_deleted_journals` (in the transaction) once per journal. */
class JournalDeletions {
  private readonly checked = new Set<string>();
  private readonly found = new Set<string>();

  constructor(private readonly tx: Transaction) {}

  async load(journalIds: readonly (string | null)[]): Promise<void> {
    const unknown = [...new Set(journalIds.flatMap((id) => (id ? [id.toLowerCase()] : [])))].filter((id) => !this.checked.has(id));
    if (unknown.length === 0) return;
    for (const id of unknown) this.checked.add(id);
    for (const id of await deletedAmong(this.tx, unknown)) this.found.add(id.toLowerCase());
  }

  deleted(journalId: string | null): boolean {
    return journalId !== null && this.found.has(journalId.toLowerCase());
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
  const { rows } = await tx.query('SELECT journal_id FROM search_deleted_journals WHERE journal_id = ANY($1::uuid[])', [journalIds]);
  return new Set((rows as { journal_id: string }[]).map((row) => row.journal_id));
}
