import type { Mood } from '../../graphql/generated';
import { tooLong, type FieldProblems as ProblemsOf } from '../../shared/field-problems';

export interface EntryDraft {
  readonly title: string;
  readonly content: string;
  readonly mood: Mood | null;
  readonly tags: readonly string[];
}

export const emptyDraft: EntryDraft = { title: '', content: '', mood: null, tags: [] };

/** Tags as typed in the tag box ("Sleep, #writing  garden"): lower case, no `#`, unique, in order. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,\s]+/).map((t) => t.replace(/^#+/, '').trim().toLowerCase()).filter(Boolean))];
}

export function sameDraft(a: EntryDraft, b: EntryDraft): boolean {
  return a.title === b.title && a.content === b.content && a.mood === b.mood && a.tags.join('\u0000') === b.tags.join('\u0000');
}

/**
 * The command service's limits (services/command/src/domain/entry/entry.ts `entryLimits`, shared/tag-rules.ts
 * `tagLimits`), repeated here so the writer learns before a save is refused. The server stays the judge: a
 * refusal it sends is shown next to its field all the same.
 */
export const entryLimits = { title: 200, content: 100_000, tags: 20, tag: 50 } as const;

/** The fields of the form a refusal can point at. */
export type DraftField = 'title' | 'content' | 'tags';
export type FieldProblems = ProblemsOf<DraftField>;

/** What the server would refuse in this draft, per field (an empty content is not a field problem: it is a draft not begun). */
export function draftProblems(draft: EntryDraft): FieldProblems {
  const problems: FieldProblems = {};
  const title = tooLong('A title', draft.title.trim().length, entryLimits.title);
  if (title) problems.title = title;
  if (draft.content.length > entryLimits.content) {
    problems.content = `An entry can have at most ${entryLimits.content.toLocaleString('en')} characters. Shorten it to save.`;
  }
  if (draft.tags.length > entryLimits.tags) problems.tags = `At most ${entryLimits.tags} tags. Remove some to save.`;
  else if (draft.tags.some((tag) => tag.length > entryLimits.tag)) problems.tags = `A tag can have at most ${entryLimits.tag} characters.`;
  return problems;
}
