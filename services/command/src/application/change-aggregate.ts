import type { CommandContext } from '../domain/shared/command-context.js';
import type { Decision, DomainError } from '../domain/shared/domain-error.js';
import type { Caller } from './caller.js';
import type { CommandEnvironment } from './command-environment.js';
import { decideAndRecord, type AggregateRecording, type Recorded } from './record-facts.js';
import { runCommand } from './run-command.js';

/**
 * Changes one aggregate (update, delete, complete …): decided against its row locked for the rest of the
 * transaction. A command that changes nothing answers the aggregate as it is.
 */
export function changeAggregate<
  S extends { id: string; ownerId: string; version: number },
  E extends { type: string },
  C extends { type: string; data: { callerId: string } },
>(
  environment: CommandEnvironment,
  caller: Caller,
  aggregate: AggregateRecording<S, E>,
  id: string,
  command: C,
  decide: (command: C, state: S | null, context: CommandContext) => Decision<E>,
): Promise<Recorded<S> | DomainError> {
  return runCommand(environment, caller, command.type, async (tx) => {
    const state = await aggregate.rows(tx).find(id, 'update');
    // The caller is always the one on the request, whatever the command object says.
    const asCaller = { ...command, data: { ...command.data, callerId: caller.userId } };
    return decideAndRecord(tx, environment, caller, aggregate, state, (context) => decide(asCaller, state, context), 0);
  });
}
