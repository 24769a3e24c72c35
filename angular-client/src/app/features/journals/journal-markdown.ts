import type { Mood } from '../../graphql/generated';

export interface ExportableEntry {
  readonly title: string | null;
  readonly content: string;
  readonly mood: Mood | null;
  readonly tags: readonly string[];
  readonly createdAt: string;
}

/** A journal as one Markdown document: oldest entry first, each with its date, mood and tags. */
export function journalToMarkdown(journal: { name: string; description: string | null }, entries: readonly ExportableEntry[]): string {
  const lines = [`# ${journal.name}`, ''];
  if (journal.description) lines.push(journal.description, '');
  const ordered = [...entries].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const entry of ordered) {
    lines.push(`## ${entry.title?.trim() || 'Untitled'}`, '');
    const meta = [`*${entry.createdAt.slice(0, 10)}*`];
    if (entry.mood) meta.push(`mood: ${entry.mood.toLowerCase()}`);
    if (entry.tags.length > 0) meta.push(entry.tags.map((t) => `#${t}`).join(' '));
    lines.push(meta.join(' · '), '', entry.content.trim(), '');
  }
  return lines.join('\n');
}

/** A file name for the export: the journal's name, made safe. */
export function markdownFileName(name: string): string {
  const base = name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase();
  return `${base || 'journal'}.md`;
}
