import { findThought } from '../../adapters/pg/thought-rows.js';
import { decideThought } from '../../domain/thought/decide-thought.js';
import type { DeleteThought, UpdateThought } from '../../domain/thought/thought-commands.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import { commandContext, type CommandEnvironment } from '../command-environment.js';
import { recordFacts } from '../record-facts.js';
import { runCommand } from '../run-command.js';
import { thoughtRecording, type ThoughtWritten } from './thought-recording.js';

/** Updates or deletes a thought, decided against its row locked for the rest of the transaction. */
export async function changeThought(
  environment: CommandEnvironment,
  caller: Caller,
  command: UpdateThought | DeleteThought,
): Promise<ThoughtWritten | DomainError> {
  return runCommand(environment.pool, caller, command.type, async (tx) => {
    const state = await findThought(tx, command.data.thoughtId, 'update');
    const context = commandContext(environment, 0);
    // The caller is always the one on the request, whatever the command object says.
    const asCaller = { ...command, data: { ...command.data, callerId: caller.userId } } as typeof command;
    const decision = decideThought(asCaller, state, context);
    if (isDomainError(decision)) return decision;
    return recordFacts(tx, environment, caller, thoughtRecording, state, decision, context.now);
  });
}
