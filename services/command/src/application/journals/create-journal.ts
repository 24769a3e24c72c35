import { decideJournal } from '../../domain/journal/decide-journal.js';
import type { JournalFields } from '../../domain/journal/journal-commands.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import { countLiveJournals, lockOwnerShelf } from '../../adapters/pg/journal-rows.js';
import type { Caller } from '../caller.js';
import { commandContext, type CommandEnvironment } from '../command-environment.js';
import { runCommand } from '../run-command.js';
import { recordJournal, type JournalWritten } from './record-journal.js';

export async function createJournal(
  environment: CommandEnvironment,
  caller: Caller,
  fields: JournalFields,
): Promise<JournalWritten | DomainError> {
  return runCommand(environment.pool, caller, 'CreateJournal', async (tx) => {
    // The plan limit counts the owner's journals: count and insert under one per-owner lock.
    await lockOwnerShelf(tx, caller.userId);
    const ownerLiveJournals = await countLiveJournals(tx, caller.userId);
    const context = commandContext(environment);
    const decision = decideJournal(
      { type: 'CreateJournal', data: { ...fields, ownerId: caller.userId, plan: caller.plan, ownerLiveJournals } },
      null,
      context,
    );
    if (isDomainError(decision)) return decision;
    return recordJournal(tx, environment, caller, null, decision, context.now);
  });
}
