import { backoffDelay, pause, type BackoffPolicy } from '@mindflow/platform';
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
/** 10 ms, doubling to 200 ms, no jitter: the read-your-writes polls' schedule (waitForProjection's). */
const journalPolls: BackoffPolicy = { initialMs: 10, maxMs: 200, jitter: 0 };

async function projectedJournal(journalId: string, context: SubgraphContext): Promise<JournalRecord | null> {
  const { loaders } = authenticated(context);
  const deadline = Date.now() + context.readWaitMs;
  for (let attempt = 1; ; attempt++) {
    const journal = await loaders.journal.load(journalId);
    if (journal || Date.now() >= deadline) return journal;
    loaders.journal.clear(journalId);
    await pause(Math.min(backoffDelay(attempt, journalPolls), Math.max(0, deadline - Date.now())));
  }
}
