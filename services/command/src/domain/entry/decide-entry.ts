import { validInstant } from '../shared/calendar-values.js';
import { firstId, type CommandContext } from '../shared/command-context.js';
import { decideBy } from '../shared/decide-by.js';
import { badInput, conflict, isDomainError, notFound, type Decision, type DomainError } from '../shared/domain-error.js';
import { ownedLiveJournal } from '../journal/decide-journal.js';
import type { JournalState } from '../journal/journal.js';
import type { CreateEntry, DeleteEntry, EntryCommand, UpdateEntry } from './entry-commands.js';
import type { EntryEvent, EntryField } from './entry-events.js';
import { validEntryContent } from './entry-fields.js';
import type { Entry } from './entry.js';

/** An entry command is decided against the entry and the journal that holds (or would hold) it. */
export interface EntryState {
  readonly entry: Entry | null;
  readonly journal: JournalState;
  /** The journal an update moves the entry to, when it names one. */
  readonly targetJournal?: JournalState;
}

export const decideEntry = decideBy<EntryCommand, EntryState, EntryEvent>({
  CreateEntry: create,
  UpdateEntry: update,
  DeleteEntry: remove,
});

function create({ data }: CreateEntry, state: EntryState, context: CommandContext): Decision<EntryEvent> {
  const journal = ownedLiveJournal(state.journal, data.callerId);
  if (isDomainError(journal)) return journal;
  const content = validEntryContent(data);
  if (isDomainError(content)) return content;
  const createdAt = entryMoment(data.createdAt, context.now);
  if (isDomainError(createdAt)) return createdAt;
  return [
    {
      type: 'JournalEntryCreated',
      data: { entryId: firstId(context), journalId: journal.id, ownerId: journal.ownerId, ...content, createdAt },
    },
  ];
}

/** How far ahead of the server's clock a writer's clock may be: "now" on their device is still now. */
const clockAheadMs = 5 * 60_000;

/**
 * When the entry is dated: now, or the moment the writer backdated it to (an entry about yesterday written today).
 * Any past moment from 2000 on (`validInstant`'s range); not the future, beyond a clock a little ahead (taken as now).
 */
function entryMoment(createdAt: string | undefined, now: string): string | DomainError {
  if (createdAt === undefined) return now;
  const instant = validInstant('createdAt', createdAt);
  if (isDomainError(instant)) return instant;
  if (Date.parse(instant) > Date.parse(now) + clockAheadMs) return badInput('createdAt', 'createdAt must not be in the future');
  return instant > now ? now : instant;
}

function update({ data }: UpdateEntry, state: EntryState, context: CommandContext): Decision<EntryEvent> {
  const entry = ownedLiveEntry(state, data.callerId);
  if (isDomainError(entry)) return entry;
  if (entry.version !== data.expectedVersion) return stale(entry);
  const journalId = data.journalId ?? entry.journalId;
  if (journalId !== entry.journalId) {
    const target = ownedLiveJournal(state.targetJournal ?? null, data.callerId);
    if (isDomainError(target)) return target;
  }
  const content = validEntryContent({
    title: data.title === undefined ? entry.title : data.title,
    content: data.content ?? entry.content,
    mood: data.mood === undefined ? entry.mood : data.mood,
    tags: data.tags ?? entry.tags,
    weather: data.weather === undefined ? entry.weather : data.weather,
    location: data.location === undefined ? entry.location : data.location,
  });
  if (isDomainError(content)) return content;
  const createdAt = data.createdAt === undefined ? entry.createdAt : entryMoment(data.createdAt, context.now);
  if (isDomainError(createdAt)) return createdAt;
  const redated = Date.parse(createdAt) !== Date.parse(entry.createdAt);
  const after = { journalId, ...content };
  const changedFields: EntryField[] = [
    ...entryFields.filter((field) => !sameValue(after[field], entry[field])),
    ...(redated ? ['createdAt' as const] : []),
  ];
  // An edit that changes nothing is no fact: nothing is written and the version stays.
  if (changedFields.length === 0) return [];
  if (changedFields.length === 1 && changedFields[0] === 'mood' && after.mood !== null) {
    return [{ type: 'MoodRecorded', data: { entryId: entry.id, mood: after.mood, recordedAt: context.now } }];
  }
  return [{
    type: 'JournalEntryUpdated',
    data: { entryId: entry.id, ...after, ...(redated ? { createdAt } : {}), changedFields, updatedAt: context.now },
  }];
}

function remove({ data }: DeleteEntry, state: EntryState, context: CommandContext): Decision<EntryEvent> {
  const entry = ownedLiveEntry(state, data.callerId);
  if (isDomainError(entry)) return entry;
  if (data.expectedVersion !== undefined && entry.version !== data.expectedVersion) return stale(entry);
  return [{ type: 'JournalEntryDeleted', data: { entryId: entry.id, journalId: entry.journalId, deletedAt: context.now } }];
}

/** An entry of a deleted journal is gone with it; another owner's entry answers like a missing one. */
function ownedLiveEntry({ entry, journal }: EntryState, callerId: string): Entry | DomainError {
  if (!entry || entry.ownerId !== callerId || entry.deletedAt !== null) return notFound('entry not found');
  if (isDomainError(ownedLiveJournal(journal, callerId))) return notFound('entry not found');
  return entry;
}

const entryFields: readonly Exclude<EntryField, 'createdAt'>[] = ['journalId', 'title', 'content', 'mood', 'tags', 'weather', 'location'];

// Tags are compared as ordered lists: reordering them is an edit the writer made on purpose.
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const stale = (entry: Entry) => conflict(entry.version, `entry changed meanwhile: it is at version ${entry.version}`);
