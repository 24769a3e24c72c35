import { authenticated } from '../context.js';
import type { JournalResolvers } from '../generated/resolvers-types.js';
import { decodeCursor, pageSize } from '../read-model/cursor.js';
import { entriesOfJournal } from '../read-model/entry-reads.js';
import { selectsField } from './selects-field.js';

export const Journal: JournalResolvers = {
  /** `_entities` (a search hit, an insights card): null when the journal is not the caller's. */
  __resolveReference(reference, context) {
    return authenticated(context).loaders.journal.load(reference.id);
  },
  /** A journal as the command side answered it (an update's payload) has no count: the read side's. */
  async entryCount(journal, _args, context) {
    if (journal.entryCount !== undefined) return journal.entryCount;
    return (await authenticated(context).loaders.journal.load(journal.id))?.entryCount ?? 0;
  },
  entries(journal, args, context, info) {
    const { caller } = authenticated(context);
    const countToo = selectsField(info, 'totalCount');
    return entriesOfJournal(context.pool, caller.userId, journal.id, pageSize(args.first), decodeCursor(args.after), countToo);
  },
};
