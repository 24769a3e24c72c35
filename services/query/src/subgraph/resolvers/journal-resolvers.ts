import { authenticated } from '../context.js';
import type { JournalResolvers } from '../generated/resolvers-types.js';
import { decodeCursor, pageSize } from '../read-model/cursor.js';
import { badUserInput } from '../errors.js';
import { entriesOfJournal, entriesOfJournalOldestFirst } from '../read-model/entry-reads.js';
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
  /** @inaccessible: the media service's export, page by page (schema.graphql). */
  entriesOldestFirst(journal, args, context) {
    const { caller } = authenticated(context);
    if (args.from && args.to && args.from > args.to) throw badUserInput('from must not be after to', 'from');
    return entriesOfJournalOldestFirst(context.pool, caller.userId, journal.id, pageSize(args.first ?? 100, 500), { from: args.from, to: args.to }, decodeCursor(args.after));
  },
};
