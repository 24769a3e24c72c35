import { authenticated, type SubgraphContext } from '../context.js';
import type { EntryResolvers } from '../generated/resolvers-types.js';
import { apiError } from '../errors.js';
import type { JournalRecord } from '../read-model/records.js';

export const Entry: EntryResolvers = {
  /** `_entities` (search hits, insights): null when the entry is not the caller's. */
  __resolveReference(reference, context) {
    return authenticated(context).loaders.entry.load(reference.id);
  },
  async journal(entry, _args, context) {
    const journal = await projectedJournal(entry.journalId, context);
    // Only possible when the journal was deleted meanwhile.
    if (!journal) throw apiError('NOT_FOUND', `journal ${entry.journalId} of entry ${entry.id} is not available`);
    return journal;
  },
};

/**
 * The entry's journal from the read side. An entry a mutation just wrote may name a journal created a
 * moment before, which the projector may not have applied yet: the command side vouched for it, so wait
 * (bounded) for it to appear rather than fail the payload.
 */
async function projectedJournal(journalId: string, context: SubgraphContext): Promise<JournalRecord | null> {
  const { loaders } = authenticated(context);
  const deadline = Date.now() + context.readWaitMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    const journal = await loaders.journal.load(journalId);
    if (journal || Date.now() >= deadline) return journal;
    loaders.journal.clear(journalId);
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(0, deadline - Date.now()))));
  }
}
