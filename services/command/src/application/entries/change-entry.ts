import { decideEntry } from '../../domain/entry/decide-entry.js';
import type { DeleteEntry, UpdateEntry } from '../../domain/entry/entry-commands.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import type { CommandEnvironment } from '../command-environment.js';
import { decideAndRecord } from '../record-facts.js';
import { runCommand } from '../run-command.js';
import { entryRecording, entryWritten, type EntryWritten } from './entry-recording.js';

/** Updates or deletes an entry, decided against its row locked for the rest of the transaction. */
export async function changeEntry(
  environment: CommandEnvironment,
  caller: Caller,
  command: UpdateEntry | DeleteEntry,
): Promise<EntryWritten | DomainError> {
  return runCommand(environment, caller, command.type, async (tx) => {
    const entry = await tx.entries.find(command.data.entryId, 'update');
    const journal = entry ? await tx.journals.find(entry.journalId, 'share') : null;
    const moveTo = command.type === 'UpdateEntry' ? command.data.journalId : undefined;
    const targetJournal = entry && moveTo && moveTo !== entry.journalId ? await tx.journals.find(moveTo, 'share') : null;
    // The caller is always the one on the request, whatever the command object says.
    const asCaller = { ...command, data: { ...command.data, callerId: caller.userId } } as typeof command;
    const written = await decideAndRecord(tx, environment, caller, entryRecording, entry, (context) =>
      decideEntry(asCaller, { entry, journal, targetJournal }, context), 0);
    return isDomainError(written) ? written : entryWritten(written);
  });
}
