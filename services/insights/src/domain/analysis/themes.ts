import { negators, sentimentLexicon } from './sentiment-lexicon.js';
import { stopWords } from './stop-words.js';
import type { Token } from './tokens.js';

/** Life areas a journal entry is often about, each recognised by a few words. */
const themeWords: ReadonlyArray<readonly [theme: string, words: readonly string[]]> = [
  ['work', ['work', 'job', 'office', 'meeting', 'meetings', 'boss', 'colleague', 'colleagues', 'project', 'deadline', 'deadlines', 'career', 'manager', 'client', 'clients']],
  ['family', ['family', 'mom', 'mum', 'dad', 'mother', 'father', 'sister', 'brother', 'parents', 'kids', 'son', 'daughter', 'grandma', 'grandpa']],
  ['relationships', ['partner', 'boyfriend', 'girlfriend', 'husband', 'wife', 'date', 'relationship', 'love']],
  ['friends', ['friend', 'friends', 'party', 'dinner', 'hangout']],
  ['health', ['health', 'doctor', 'sick', 'ill', 'pain', 'headache', 'medicine', 'therapy', 'therapist']],
  ['sleep', ['sleep', 'slept', 'insomnia', 'nap', 'tired', 'rested', 'bed']],
  ['exercise', ['run', 'ran', 'running', 'gym', 'workout', 'yoga', 'walk', 'hike', 'swim', 'exercise', 'bike']],
  ['study', ['study', 'studied', 'exam', 'exams', 'class', 'school', 'course', 'homework', 'learned', 'learning', 'university']],
  ['money', ['money', 'rent', 'bills', 'budget', 'salary', 'paid', 'savings', 'debt']],
  ['creativity', ['write', 'wrote', 'writing', 'paint', 'painting', 'music', 'guitar', 'piano', 'draw', 'drawing', 'design']],
  ['nature', ['park', 'garden', 'beach', 'forest', 'mountain', 'sun', 'rain', 'snow', 'outside']],
  ['food', ['cook', 'cooked', 'cooking', 'breakfast', 'lunch', 'meal', 'recipe', 'coffee']],
];

const themeOf: ReadonlyMap<string, string> = new Map(themeWords.flatMap(([theme, words]) => words.map((word) => [word, theme] as const)));

/** A theme that names a life area (as opposed to a keyword taken from the entry). */
export function isLifeArea(theme: string): boolean {
  return themeWords.some(([area]) => area === theme);
}

/** At most this many themes per entry. */
export const maxThemes = 5;

/**
 * Themes of an entry: the life areas its words point to (most mentioned first), then its most frequent
 * content words (no stop words, no bare sentiment words, at least three letters), ties broken by first use.
 */
export function themesOf(tokens: readonly Token[]): string[] {
  const areas = new Counter();
  const keywords = new Counter();
  for (const { word } of tokens) {
    const area = themeOf.get(word);
    if (area) {
      areas.add(area);
      continue;
    }
    if (word.length < 3 || stopWords.has(word) || negators.has(word) || sentimentLexicon.has(word) || word.includes("'")) continue;
    keywords.add(word);
  }
  const themes = areas.ranked();
  for (const word of keywords.ranked()) {
    if (themes.length >= maxThemes) break;
    if (!themes.includes(word)) themes.push(word);
  }
  return themes.slice(0, maxThemes);
}

/** Counts in first-seen order, ranked by count then first appearance. */
class Counter {
  private readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  ranked(): string[] {
    // Array sort is stable, and a Map iterates in insertion order: equal counts keep their first-seen order.
    return [...this.counts.keys()].sort((a, b) => this.counts.get(b)! - this.counts.get(a)!);
  }
}
