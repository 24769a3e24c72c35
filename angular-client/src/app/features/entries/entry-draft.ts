import type { Mood } from '../../graphql/generated';

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
