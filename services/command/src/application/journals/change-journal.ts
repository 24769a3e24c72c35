import { decideJournal } from '../../domain/journal/decide-journal.js';
import type { DeleteJournal, UpdateJournal } from '../../domain/journal/journal-commands.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import { changeAggregate } from '../change-aggregate.js';
import type { CommandEnvironment } from '../command-environment.js';
import { journalRecording, journalWritten, type JournalWritten } from './journal-recording.js';

/** Updates or deletes a journal, decided against its row locked for the rest of the transaction. */
export async function changeJournal(
  environment: CommandEnvironment,
  caller: Caller,
  command: UpdateJournal | DeleteJournal,
): Promise<JournalWritten | DomainError> {
  const written = await changeAggregate(environment, caller, journalRecording, command.data.journalId, command, decideJournal);
  return isDomainError(written) ? written : journalWritten(written);
}
