import { entryLimits } from '../entries/entry-draft';

/**
 * A thought as a journal entry: its first line the title when it fits the title limit and something follows it
 * (the rest is the content, which may not be empty); otherwise no title and the whole text the content. Tags kept.
 */
export function thoughtAsEntry(thought: { text: string; tags: readonly string[] }): { title: string | null; content: string; tags: string[] } {
  const text = thought.text.trim();
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline).trim();
  const rest = newline < 0 ? '' : text.slice(newline + 1).trim();
  const fits = firstLine.length > 0 && [...firstLine].length <= entryLimits.title;
  return fits && rest ? { title: firstLine, content: rest, tags: [...thought.tags] } : { title: null, content: text, tags: [...thought.tags] };
}

/** The journal to offer first: the one written in most recently (its updatedAt), else the first listed. */
export function preferredJournal<J extends { id: string; updatedAt: string }>(journals: readonly J[]): J | undefined {
  return journals.reduce<J | undefined>((best, j) => (!best || j.updatedAt > best.updatedAt ? j : best), undefined);
}
