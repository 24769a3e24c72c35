import { decideThought } from '../../domain/thought/decide-thought.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import { commandContext, type CommandEnvironment } from '../command-environment.js';
import { recordFacts } from '../record-facts.js';
import { runCommand } from '../run-command.js';
import { thoughtRecording, type ThoughtWritten } from './thought-recording.js';

export async function captureThought(
  environment: CommandEnvironment,
  caller: Caller,
  fields: { text: string; tags?: readonly string[] },
): Promise<ThoughtWritten | DomainError> {
  return runCommand(environment.pool, caller, 'CaptureThought', async (tx) => {
    const context = commandContext(environment);
    const decision = decideThought({ type: 'CaptureThought', data: { ...fields, ownerId: caller.userId } }, null, context);
    if (isDomainError(decision)) return decision;
    return recordFacts(tx, environment, caller, thoughtRecording, null, decision, context.now);
  });
}
