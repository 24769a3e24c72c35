import type { SearchDocument } from '../domain/search-document.js';
import type { SearchIndex } from './search-index.js';

/** A projection transaction (the runtime's `tx`), used only as a key here. */
type Transaction = object;

/**
 * The documents one projection transaction has produced and not yet written: the projector's handlers
 * stage them here, and they go to the index in one bulk call just before the transaction commits its
 * checkpoint (see `flushBeforeCheckpoint`). The next event of the same aggregate in the same chunk sees
 * the staged document as its current state. A chunk that fails leaves its staged documents behind for the
 * client's next transaction, which writes them with its own: they are the effects of events applied in
 * order, and the version guard makes writing them again a no-op.
 */
export class PendingWrites {
  private readonly staged = new WeakMap<Transaction, Map<string, SearchDocument>>();

  constructor(
    private readonly index: SearchIndex,
    /** Past this many staged documents a transaction writes them before going on. */
    private readonly maxStaged = 1_000,
  ) {}

  /** The document as the last applied event left it: staged in `tx`, else stored. */
  async current(tx: Transaction, id: string): Promise<SearchDocument | undefined> {
    return this.staged.get(tx)?.get(id) ?? (await this.index.get(id));
  }

  async stage(tx: Transaction, document: SearchDocument): Promise<void> {
    let documents = this.staged.get(tx);
    if (!documents) this.staged.set(tx, (documents = new Map()));
    documents.set(document.id, document);
    if (documents.size >= this.maxStaged) await this.flush(tx);
  }

  /** Hides a deleted journal's entries, after writing what `tx` staged (which may include some of them). */
  async hideJournalEntries(tx: Transaction, ownerId: string, journalId: string): Promise<void> {
    await this.flush(tx);
    await this.index.hideJournalEntries(ownerId, journalId);
  }

  /** Writes everything `tx` staged, in bulk. */
  async flush(tx: Transaction): Promise<void> {
    const documents = this.staged.get(tx);
    if (!documents || documents.size === 0) return;
    await this.index.write([...documents.values()]);
    this.staged.delete(tx);
  }
}
