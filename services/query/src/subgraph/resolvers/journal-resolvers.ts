import { authenticated, type SubgraphContext } from '../context.js';
import { decodeCursor, pageSize } from '../read-model/cursor.js';
import { entriesOfJournal } from '../read-model/entry-reads.js';
import type { JournalRecord } from '../read-model/records.js';
import type { PageArgs } from './query-resolvers.js';

export const Journal = {
  /** `_entities` (a search hit, an insights card): null when the journal is not the caller's. */
  __resolveReference(reference: { id: string }, context: SubgraphContext) {
    return authenticated(context).loaders.journal.load(reference.id);
  },
  /** A journal as the command side answered it (an update's payload) has no count: the read side's. */
  async entryCount(journal: JournalRecord, _args: unknown, context: SubgraphContext) {
    if (journal.entryCount !== undefined) return journal.entryCount;
    return (await authenticated(context).loaders.journal.load(journal.id))?.entryCount ?? 0;
  },
  entries(journal: JournalRecord, args: PageArgs, context: SubgraphContext) {
    const { caller } = authenticated(context);
    return entriesOfJournal(context.pool, caller.userId, journal.id, pageSize(args.first), decodeCursor(args.after));
  },
};
