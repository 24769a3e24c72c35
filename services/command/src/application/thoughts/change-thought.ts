import { decideThought } from '../../domain/thought/decide-thought.js';
import type { DeleteThought, UpdateThought } from '../../domain/thought/thought-commands.js';
import type { DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import { changeAggregate } from '../change-aggregate.js';
import type { CommandEnvironment } from '../command-environment.js';
import { thoughtRecording, type ThoughtWritten } from './thought-recording.js';

/** Updates or deletes a thought, decided against its row locked for the rest of the transaction. */
export function changeThought(
  environment: CommandEnvironment,
  caller: Caller,
  command: UpdateThought | DeleteThought,
): Promise<ThoughtWritten | DomainError> {
  return changeAggregate(environment, caller, thoughtRecording, command.data.thoughtId, command, decideThought);
}
