import { firstId, type CommandContext } from '../shared/command-context.js';
import { decideBy } from '../shared/decide-by.js';
import { conflict, isDomainError, notFound, planLimit, type Decision, type DomainError } from '../shared/domain-error.js';
import type { CreateJournal, DeleteJournal, JournalCommand, UpdateJournal } from './journal-commands.js';
import type { JournalEvent, JournalField } from './journal-events.js';
import { validJournalFields } from './journal-fields.js';
import { freePlanJournalLimit, type Journal, type JournalState } from './journal.js';

/** Decides what a journal command means given the journal as it stands. */
export const decideJournal = decideBy<JournalCommand, JournalState, JournalEvent>({
  CreateJournal: (command, _state, context) => create(command, context),
  UpdateJournal: update,
  DeleteJournal: remove,
});

function create({ data }: CreateJournal, context: CommandContext): Decision<JournalEvent> {
  const fields = validJournalFields(data);
  if (isDomainError(fields)) return fields;
  if (data.plan === 'free' && data.ownerLiveJournals >= freePlanJournalLimit) {
    return planLimit(`the free plan keeps at most ${freePlanJournalLimit} journals; upgrade or delete one`);
  }
  return [
    { type: 'JournalCreated', data: { journalId: firstId(context), ownerId: data.ownerId, ...fields, createdAt: context.now } },
  ];
}

function update({ data }: UpdateJournal, state: JournalState, context: CommandContext): Decision<JournalEvent> {
  const journal = ownedLiveJournal(state, data.callerId);
  if (isDomainError(journal)) return journal;
  if (journal.version !== data.expectedVersion) return stale(journal);
  const fields = validJournalFields({
    name: data.name ?? journal.name,
    description: data.description === undefined ? journal.description : data.description,
    color: data.color === undefined ? journal.color : data.color,
    icon: data.icon === undefined ? journal.icon : data.icon,
    isPrivate: data.isPrivate ?? journal.isPrivate,
  });
  if (isDomainError(fields)) return fields;
  const changedFields = journalFields.filter((field) => fields[field] !== journal[field]);
  // An edit that changes nothing is no fact: nothing is written and the version stays.
  if (changedFields.length === 0) return [];
  return [{ type: 'JournalUpdated', data: { journalId: journal.id, ...fields, changedFields, updatedAt: context.now } }];
}

function remove({ data }: DeleteJournal, state: JournalState, context: CommandContext): Decision<JournalEvent> {
  const journal = ownedLiveJournal(state, data.callerId);
  if (isDomainError(journal)) return journal;
  if (data.expectedVersion !== undefined && journal.version !== data.expectedVersion) return stale(journal);
  return [{ type: 'JournalDeleted', data: { journalId: journal.id, deletedAt: context.now } }];
}

/** Another owner's journal answers exactly like a missing one: its existence is not ours to reveal. */
export function ownedLiveJournal(state: JournalState, callerId: string): Journal | DomainError {
  if (!state || state.ownerId !== callerId || state.deletedAt !== null) return notFound('journal not found');
  return state;
}

const journalFields: readonly JournalField[] = ['name', 'description', 'color', 'icon', 'isPrivate'];

const stale = (journal: Journal) =>
  conflict(journal.version, `journal changed meanwhile: it is at version ${journal.version}`);
