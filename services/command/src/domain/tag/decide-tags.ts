import type { EntryEvent } from '../entry/entry-events.js';
import type { CommandContext } from '../shared/command-context.js';
import type { ThoughtEvent } from '../thought/thought-events.js';
import type { TagCreated } from './tag-events.js';

/** The tags a command puts on an entry or a thought, and which of them its owner has used before. */
export interface TagUse {
  readonly ownerId: string;
  /** Normalized (`validTags`), as the entry or thought now carries them. */
  readonly used: readonly string[];
  readonly known: ReadonlySet<string>;
}

/**
 * A `TagCreated` for each tag the owner uses for the first time, in the order given, each with the next
 * fresh id of the context (as many ids as tags used are enough).
 */
export function decideTags({ ownerId, used, known }: TagUse, context: CommandContext): TagCreated[] {
  const fresh = [...new Set(used)].filter((tag) => !known.has(tag));
  return fresh.map((tag, i) => {
    const tagId = context.ids[i];
    if (!tagId) throw new Error('the command context carries too few fresh ids for the new tags');
    return { type: 'TagCreated', data: { tagId, ownerId, tag, createdAt: context.now } };
  });
}

/** The tags a fact about an entry or a thought puts on it: none when it leaves them as they were. */
export function tagsPutOn(event: EntryEvent | ThoughtEvent): readonly string[] {
  switch (event.type) {
    case 'JournalEntryCreated':
    case 'ThoughtCaptured':
      return event.data.tags;
    case 'JournalEntryUpdated':
    case 'ThoughtUpdated':
      return (event.data.changedFields as readonly string[]).includes('tags') ? event.data.tags : [];
    default:
      return [];
  }
}
