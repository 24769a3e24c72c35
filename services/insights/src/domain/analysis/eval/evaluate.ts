import type { Analysis, EntryText } from '../insights.js';
import { singular } from '../themes.js';

/** How a person labelled a text: the feeling, and the themes they would accept (topics and life areas). */
export type Feeling = 'positive' | 'negative' | 'mixed' | 'neutral' | 'not-analysed';
export interface LabelledText {
  readonly id: number;
  readonly title?: string;
  readonly text: string;
  readonly sentiment: Feeling;
  readonly themes: readonly string[];
}

/** What a user would read an analysis as: not analysed, "Mixed feelings…", else the score's side of ±0.2. */
export function feelingOf(analysis: Analysis): Feeling {
  if (!analysis.analysed) return 'not-analysed';
  if (/mixed feelings/i.test(analysis.summary)) return 'mixed';
  if (analysis.sentiment >= 0.2) return 'positive';
  if (analysis.sentiment <= -0.2) return 'negative';
  return 'neutral';
}

export interface Figures {
  readonly texts: number;
  /** Share of texts whose feeling was read as labelled. */
  readonly accuracy: number;
  /** The same over English texts only (the labels positive, negative, mixed, neutral). */
  readonly englishAccuracy: number;
  /** Per label: how many texts, and how many read right. */
  readonly byLabel: Readonly<Record<Feeling, { readonly texts: number; readonly right: number }>>;
  /** Of all themes given, the share a person accepted (a plural counts as its singular). */
  readonly themePrecision: number;
  /** Themes given, in all. */
  readonly themesGiven: number;
}

/** Runs an analyzer over a labelled set and measures it. */
export function evaluate(set: readonly LabelledText[], analyze: (entry: EntryText) => Analysis): Figures {
  const byLabel = Object.fromEntries((['positive', 'negative', 'mixed', 'neutral', 'not-analysed'] as const).map((f) => [f, { texts: 0, right: 0 }])) as Record<Feeling, { texts: number; right: number }>;
  let given = 0;
  let accepted = 0;
  for (const item of set) {
    const analysis = analyze({ title: item.title ?? null, content: item.text });
    const label = byLabel[item.sentiment];
    label.texts += 1;
    if (feelingOf(analysis) === item.sentiment) label.right += 1;
    const acceptable = new Set(item.themes.map((theme) => singular(theme.toLowerCase())));
    for (const theme of analysis.themes) {
      given += 1;
      if (acceptable.has(singular(theme.toLowerCase()))) accepted += 1;
    }
  }
  const english = (['positive', 'negative', 'mixed', 'neutral'] as const).map((f) => byLabel[f]);
  const sum = (parts: { texts: number; right: number }[], key: 'texts' | 'right') => parts.reduce((a, p) => a + p[key], 0);
  return {
    texts: set.length,
    accuracy: round(sum(Object.values(byLabel), 'right') / set.length),
    englishAccuracy: round(sum(english, 'right') / sum(english, 'texts')),
    byLabel,
    themePrecision: given === 0 ? 0 : round(accepted / given),
    themesGiven: given,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
