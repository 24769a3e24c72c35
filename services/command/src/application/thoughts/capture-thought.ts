import { decideThought } from '../../domain/thought/decide-thought.js';
import type { DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import type { CommandEnvironment } from '../command-environment.js';
import { decideAndRecord } from '../record-facts.js';
import { runCommand } from '../run-command.js';
import { thoughtRecording, type ThoughtWritten } from './thought-recording.js';

export function captureThought(
  environment: CommandEnvironment,
  caller: Caller,
  fields: { text: string; tags?: readonly string[] },
): Promise<ThoughtWritten | DomainError> {
  return runCommand(environment, caller, 'CaptureThought', (tx) =>
    decideAndRecord(tx, environment, caller, thoughtRecording, null, (context) =>
      decideThought({ type: 'CaptureThought', data: { ...fields, ownerId: caller.userId } }, null, context)));
}
