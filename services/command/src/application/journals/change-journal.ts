import { decideJournal } from '../../domain/journal/decide-journal.js';
import type { DeleteJournal, UpdateJournal } from '../../domain/journal/journal-commands.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import { findJournal } from '../../adapters/pg/journal-rows.js';
import type { Caller } from '../caller.js';
import { commandContext, type CommandEnvironment } from '../command-environment.js';
import { runCommand } from '../run-command.js';
import { recordJournal, type JournalWritten } from './record-journal.js';

/** Updates or deletes a journal, decided against its row locked for the rest of the transaction. */
export async function changeJournal(
  environment: CommandEnvironment,
  caller: Caller,
  command: UpdateJournal | DeleteJournal,
): Promise<JournalWritten | DomainError> {
  return runCommand(environment.pool, caller, command.type, async (tx) => {
    const state = await findJournal(tx, command.data.journalId, 'update');
    const context = commandContext(environment, 0);
    // The caller is always the one on the request, whatever the command object says.
    const asCaller = { ...command, data: { ...command.data, callerId: caller.userId } } as typeof command;
    const decision = decideJournal(asCaller, state, context);
    if (isDomainError(decision)) return decision;
    return recordJournal(tx, environment, caller, state, decision, context.now);
  });
}
