import { decideJournal } from '../../domain/journal/decide-journal.js';
import type { JournalFields } from '../../domain/journal/journal-commands.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import type { CommandEnvironment } from '../command-environment.js';
import { decideAndRecord } from '../record-facts.js';
import { runCommand } from '../run-command.js';
import { journalRecording, journalWritten, type JournalWritten } from './journal-recording.js';

export async function createJournal(
  environment: CommandEnvironment,
  caller: Caller,
  fields: JournalFields,
): Promise<JournalWritten | DomainError> {
  return runCommand(environment, caller, 'CreateJournal', async (tx) => {
    // The plan limit counts the owner's journals: count and insert under one per-owner lock.
    await tx.journals.lockOwnerShelf(caller.userId);
    const ownerLiveJournals = await tx.journals.countLive(caller.userId);
    const written = await decideAndRecord(tx, environment, caller, journalRecording, null, (context) =>
      decideJournal({ type: 'CreateJournal', data: { ...fields, ownerId: caller.userId, plan: caller.plan, ownerLiveJournals } }, null, context));
    return isDomainError(written) ? written : journalWritten(written);
  });
}
