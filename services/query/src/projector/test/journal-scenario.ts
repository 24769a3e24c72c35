import { countWords, newEvent, type AnyEvent, type EventType, type PayloadOf } from '@mindflow/events';

/**
 * A deterministic, realistic stream of journal and entry events for several users: journals created,
 * renamed and deleted; entries created, edited (sometimes moved to another journal), given moods and
 * deleted. Every aggregate's versions run 1, 2, 3…; the array order is a valid commit order.
 */
export function journalScenario(options: { seed: number; users: number; journalsPerUser: number; entries: number; edits: number }): AnyEvent[] {
  const random = seededRandom(options.seed);
  const uuid = () => seededUuid(random);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const events: AnyEvent[] = [];
  let clock = Date.parse('2025-01-01T08:00:00.000Z');
  const versions = new Map<string, number>();

  function emit<T extends EventType>(eventType: T, userId: string, aggregateId: string, payload: PayloadOf<T>): void {
    const aggregateVersion = (versions.get(aggregateId) ?? 0) + 1;
    versions.set(aggregateId, aggregateVersion);
    clock += 1_000;
    events.push(newEvent(eventType, {
      eventId: uuid(), occurredAt: new Date(clock).toISOString(), source: 'test', correlationId: `scenario-${events.length}`,
      causationId: null, userId, aggregateId, aggregateVersion, payload,
    }) as AnyEvent);
  }
  const at = () => new Date(clock + 1_000).toISOString();

  interface Journal { id: string; owner: string; name: string; deleted: boolean }
  interface Entry { id: string; owner: string; journal: Journal; content: string; tags: string[]; mood: null | 'GOOD' | 'CALM' | 'LOW'; deleted: boolean }
  const journals: Journal[] = [];
  const entries: Entry[] = [];
  const live = <T extends { deleted: boolean }>(items: T[]) => items.filter((i) => !i.deleted);
  const liveJournalsOf = (owner: string) => journals.filter((j) => j.owner === owner && !j.deleted);

  for (let u = 0; u < options.users; u++) {
    const owner = uuid();
    for (let j = 0; j < options.journalsPerUser; j++) {
      const journal = { id: uuid(), owner, name: `Journal ${u}.${j}`, deleted: false };
      journals.push(journal);
      emit('JournalCreated', owner, journal.id, {
        journalId: journal.id, name: journal.name, description: null, color: '#336699', icon: 'book', isPrivate: true, createdAt: at(),
      });
    }
  }
  const entryState = (e: Entry) => ({
    journalId: e.journal.id, title: `About ${e.id.slice(0, 4)}`, content: e.content, mood: e.mood, tags: e.tags,
    wordCount: countWords(e.content), weather: null, location: null,
  });
  for (let n = 0; n < options.entries; n++) {
    const journal = pick(live(journals));
    const entry: Entry = { id: uuid(), owner: journal.owner, journal, content: `Entry number ${n} on a quiet day`, tags: [`t${n % 5}`], mood: null, deleted: false };
    entries.push(entry);
    emit('JournalEntryCreated', entry.owner, entry.id, { entryId: entry.id, ...entryState(entry), createdAt: at() });
  }
  for (let n = 0; n < options.edits; n++) {
    const roll = random();
    const entry = pick(live(entries).filter((e) => !e.journal.deleted));
    if (roll < 0.4) {
      const others = liveJournalsOf(entry.owner).filter((j) => j !== entry.journal);
      const moved = random() < 0.3 && others.length > 0;
      if (moved) entry.journal = pick(others);
      entry.content = `${entry.content} and edit ${n}`;
      emit('JournalEntryUpdated', entry.owner, entry.id, {
        entryId: entry.id, ...entryState(entry), changedFields: moved ? ['journalId', 'content'] : ['content'], updatedAt: at(),
      });
    } else if (roll < 0.7) {
      entry.mood = pick(['GOOD', 'CALM', 'LOW'] as const);
      emit('MoodRecorded', entry.owner, entry.id, { entryId: entry.id, mood: entry.mood, recordedAt: at() });
    } else if (roll < 0.9) {
      entry.deleted = true;
      emit('JournalEntryDeleted', entry.owner, entry.id, { entryId: entry.id, journalId: entry.journal.id, deletedAt: at() });
    } else if (roll < 0.97) {
      const journal = entry.journal;
      journal.name = `${journal.name}'`;
      emit('JournalUpdated', journal.owner, journal.id, {
        journalId: journal.id, name: journal.name, description: 'renamed', color: null, icon: null, isPrivate: false, changedFields: ['name', 'description', 'color', 'icon', 'isPrivate'], updatedAt: at(),
      });
    } else if (liveJournalsOf(entry.owner).length > 1) {
      entry.journal.deleted = true;
      emit('JournalDeleted', entry.owner, entry.journal.id, { journalId: entry.journal.id, deletedAt: at() });
    }
  }
  return events;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: small, deterministic, good enough to shape test data
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
