import { acknowledgeInOutbox, eraseOwnedRows, type UserEraser } from '@mindflow/event-log';
import type { PendingWrites } from '../application/pending-writes.js';
import type { SearchIndex } from '../application/search-index.js';

/**
 * What search erases of a user on `UserErasureRequested` (issue 16): every document of theirs in the index
 * (Elasticsearch or the read DB's `search_documents` and `search_vocabulary`), tombstones included, their deleted
 * journals and the projection's dead letters of them. What the chunk staged before the erasure is written first,
 * so it is erased with the rest; every later event of the user is skipped (`erased_users`).
 *
 * Acknowledged with `UserDataErased` in the read DB's outbox in the same transaction, as the query projection does
 * (the query relay publishes that outbox: Kafka distributed, the write DB's outbox embedded).
 */
export function searchUserEraser(projection: string, index: SearchIndex, writes: PendingWrites, now: () => Date = () => new Date()): UserEraser {
  return {
    service: 'search',
    async erase(userId, tx) {
      await writes.flush(tx);
      const documents = await index.eraseOwner(userId);
      const journals = await tx.query('DELETE FROM search_deleted_journals WHERE owner_id = $1', [userId]);
      const { dead_letters } = await eraseOwnedRows(tx, userId, projection, []);
      return { search_documents: documents, search_deleted_journals: journals.rowCount ?? 0, dead_letters: dead_letters ?? 0 };
    },
    acknowledge: acknowledgeInOutbox('search-projector', now),
  };
}
