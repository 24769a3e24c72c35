import { decideEntry } from '../../domain/entry/decide-entry.js';
import type { DeleteEntry, UpdateEntry } from '../../domain/entry/entry-commands.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import { findEntry } from '../../adapters/pg/entry-rows.js';
import { findJournal } from '../../adapters/pg/journal-rows.js';
import type { Caller } from '../caller.js';
import { commandContext, type CommandEnvironment } from '../command-environment.js';
import { runCommand } from '../run-command.js';
import { recordEntry, type EntryWritten } from './record-entry.js';

/** Updates or deletes an entry, decided against its row locked for the rest of the transaction. */
export async function changeEntry(
  environment: CommandEnvironment,
  caller: Caller,
  command: UpdateEntry | DeleteEntry,
): Promise<EntryWritten | DomainError> {
  return runCommand(environment.pool, caller, command.type, async (tx) => {
    const entry = await findEntry(tx, command.data.entryId, 'update');
    const journal = entry ? await findJournal(tx, entry.journalId, 'share') : null;
    const moveTo = command.type === 'UpdateEntry' ? command.data.journalId : undefined;
    const targetJournal = entry && moveTo && moveTo !== entry.journalId ? await findJournal(tx, moveTo, 'share') : null;
    const context = commandContext(environment, 0);
    // The caller is always the one on the request, whatever the command object says.
    const asCaller = { ...command, data: { ...command.data, callerId: caller.userId } } as typeof command;
    const decision = decideEntry(asCaller, { entry, journal, targetJournal }, context);
    if (isDomainError(decision)) return decision;
    return recordEntry(tx, environment, caller, entry, decision, context.now);
  });
}
