import { decideEntry } from '../../domain/entry/decide-entry.js';
import type { CreateEntry } from '../../domain/entry/entry-commands.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import type { CommandEnvironment } from '../command-environment.js';
import { decideAndRecord } from '../record-facts.js';
import { runCommand } from '../run-command.js';
import { entryRecording, entryWritten, type EntryWritten } from './entry-recording.js';

export async function createEntry(
  environment: CommandEnvironment,
  caller: Caller,
  fields: Omit<CreateEntry['data'], 'callerId'>,
): Promise<EntryWritten | DomainError> {
  return runCommand(environment, caller, 'CreateEntry', async (tx) => {
    // FOR SHARE: a concurrent delete of the journal waits for this entry, or this entry sees the delete.
    const journal = await tx.journals.find(fields.journalId, 'share');
    const written = await decideAndRecord(tx, environment, caller, entryRecording, null, (context) =>
      decideEntry({ type: 'CreateEntry', data: { ...fields, callerId: caller.userId } }, { entry: null, journal }, context));
    return isDomainError(written) ? written : entryWritten(written);
  });
}
