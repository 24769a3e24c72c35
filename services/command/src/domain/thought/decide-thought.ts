import { firstId, type CommandContext } from '../shared/command-context.js';
import { decideBy } from '../shared/decide-by.js';
import { badInput, conflict, isDomainError, notFound, type Decision, type DomainError } from '../shared/domain-error.js';
import { validTags } from '../shared/tag-rules.js';
import type { CaptureThought, DeleteThought, ThoughtCommand, UpdateThought } from './thought-commands.js';
import type { ThoughtEvent, ThoughtField } from './thought-events.js';
import { thoughtLimits, type Thought } from './thought.js';

export const decideThought = decideBy<ThoughtCommand, Thought | null, ThoughtEvent>({
  CaptureThought: (command, _state, context) => capture(command, context),
  UpdateThought: update,
  DeleteThought: remove,
});

function capture({ data }: CaptureThought, context: CommandContext): Decision<ThoughtEvent> {
  const fields = validThought(data.text, data.tags ?? []);
  if (isDomainError(fields)) return fields;
  return [{ type: 'ThoughtCaptured', data: { thoughtId: firstId(context), ownerId: data.ownerId, ...fields, capturedAt: context.now } }];
}

function update({ data }: UpdateThought, state: Thought | null, context: CommandContext): Decision<ThoughtEvent> {
  const thought = ownedLiveThought(state, data.callerId);
  if (isDomainError(thought)) return thought;
  if (thought.version !== data.expectedVersion) return stale(thought);
  const fields = validThought(data.text ?? thought.text, data.tags ?? thought.tags);
  if (isDomainError(fields)) return fields;
  const changedFields: ThoughtField[] = [];
  if (fields.text !== thought.text) changedFields.push('text');
  if (JSON.stringify(fields.tags) !== JSON.stringify(thought.tags)) changedFields.push('tags');
  // An edit that changes nothing is no fact: nothing is written and the version stays.
  if (changedFields.length === 0) return [];
  return [{ type: 'ThoughtUpdated', data: { thoughtId: thought.id, ...fields, changedFields, updatedAt: context.now } }];
}

function remove({ data }: DeleteThought, state: Thought | null, context: CommandContext): Decision<ThoughtEvent> {
  const thought = ownedLiveThought(state, data.callerId);
  if (isDomainError(thought)) return thought;
  return [{ type: 'ThoughtDeleted', data: { thoughtId: thought.id, deletedAt: context.now } }];
}

/** The text is trimmed (a quick capture's stray blank lines are noise) and must say something. */
function validThought(text: string, tags: readonly string[]): { text: string; tags: string[] } | DomainError {
  const trimmed = text.trim();
  if (trimmed.length === 0) return badInput('text', 'text must not be empty');
  if (trimmed.length > thoughtLimits.text) return badInput('text', `text must be at most ${thoughtLimits.text} characters`);
  const valid = validTags(tags);
  if (isDomainError(valid)) return valid;
  return { text: trimmed, tags: valid };
}

/** Another owner's thought answers exactly like a missing one: its existence is not ours to reveal. */
function ownedLiveThought(state: Thought | null, callerId: string): Thought | DomainError {
  if (!state || state.ownerId !== callerId || state.deletedAt !== null) return notFound('thought not found');
  return state;
}

const stale = (thought: Thought) => conflict(thought.version, `thought changed meanwhile: it is at version ${thought.version}`);
