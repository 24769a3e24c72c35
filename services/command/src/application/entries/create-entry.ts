import { decideEntry } from '../../domain/entry/decide-entry.js';
import type { CreateEntry } from '../../domain/entry/entry-commands.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import { findJournal } from '../../adapters/pg/journal-rows.js';
import type { Caller } from '../caller.js';
import { commandContext, type CommandEnvironment } from '../command-environment.js';
import { runCommand } from '../run-command.js';
import { recordEntry, type EntryWritten } from './record-entry.js';

export async function createEntry(
  environment: CommandEnvironment,
  caller: Caller,
  fields: Omit<CreateEntry['data'], 'callerId'>,
): Promise<EntryWritten | DomainError> {
  return runCommand(environment.pool, caller, 'CreateEntry', async (tx) => {
    // FOR SHARE: a concurrent delete of the journal waits for this entry, or this entry sees the delete.
    const journal = await findJournal(tx, fields.journalId, 'share');
    const context = commandContext(environment);
    const decision = decideEntry({ type: 'CreateEntry', data: { ...fields, callerId: caller.userId } }, { entry: null, journal }, context);
    if (isDomainError(decision)) return decision;
    return recordEntry(tx, environment, caller, null, decision, context.now);
  });
}
