import type { Mood } from '../../graphql/generated';

/** A way to start an entry: prompts (Markdown headings) to write under, and the tags and mood it usually has. */
export interface EntryTemplate {
  readonly id: string;
  readonly name: string;
  /** One line saying what it is for (the button's description). */
  readonly hint: string;
  readonly title: string;
  readonly content: string;
  readonly tags: readonly string[];
  readonly mood: Mood | null;
}

const prompts = (...headings: string[]) => headings.map((h) => `## ${h}\n\n`).join('\n');

/** The built-in templates offered when a new entry has nothing written yet. */
export const entryTemplates: readonly EntryTemplate[] = [
  {
    id: 'gratitude', name: 'Gratitude', hint: 'Three good things and why they mattered', title: 'Three good things',
    content: prompts('Three things I am grateful for', 'Why they mattered'), tags: ['gratitude'], mood: 'GRATEFUL',
  },
  {
    id: 'daily-review', name: 'Daily review', hint: 'What went well, what was hard, what is next', title: 'Daily review',
    content: prompts('What went well', 'What was hard', 'What I learned', 'Tomorrow I will'), tags: ['review'], mood: null,
  },
  {
    id: 'morning', name: 'Morning pages', hint: 'How you feel and what today is for', title: 'Morning pages',
    content: prompts('How I feel this morning', 'What is on my mind', 'My intention for today'), tags: ['morning'], mood: null,
  },
  {
    id: 'worry', name: 'Untangle a worry', hint: 'What you can and cannot control', title: 'Untangling a worry',
    content: prompts('What is worrying me', 'What I can control', 'What I cannot control', 'One small next step'), tags: ['worry'], mood: null,
  },
];

/** The draft still holds a template as it was given: nothing of the writer's own is in it yet (nothing to save). */
export function untouchedTemplate(content: string): EntryTemplate | undefined {
  return entryTemplates.find((t) => t.content === content);
}
