import { isLifeArea, keywordOf } from './themes.js';
import type { Clause } from './sentiment.js';
import type { Token } from './tokens.js';

/** How an entry feels overall, in words a summary can use. */
export type Tone = 'very positive' | 'positive' | 'neutral' | 'negative' | 'very negative';

export function toneOf(sentiment: number): Tone {
  if (sentiment >= 0.6) return 'very positive';
  if (sentiment >= 0.2) return 'positive';
  if (sentiment > -0.2) return 'neutral';
  if (sentiment > -0.6) return 'negative';
  return 'very negative';
}

/** What the summary says an entry was: read (with its tone, or mixed feelings) or not read at all. */
export type Reading =
  | { readonly kind: 'tone'; readonly sentiment: number }
  | { readonly kind: 'mixed'; readonly sentiment: number; readonly brightest: Clause; readonly darkest: Clause }
  | { readonly kind: 'not-analysed' };

/** The summary of an entry the local analyzer cannot read (its sentiment is 0 only because the type needs one). */
export const notAnalysedSummary = 'Not analysed: the local analysis reads English only.';

/**
 * A one-sentence, templated reflection: the tone (or the mixed feelings, naming what each side was about),
 * the life areas, and the entry's main keywords. It names only themes, never quotes a sentence.
 */
export function summaryOf(reading: Reading, themes: readonly string[], wordCount: number): string {
  if (reading.kind === 'not-analysed') return notAnalysedSummary;
  const areas = themes.filter(isLifeArea).slice(0, 3);
  const keywords = themes.filter((theme) => !isLifeArea(theme)).slice(0, 2);
  const about = areas.length > 0 ? ` about ${listOf(areas)}${keywords.length > 0 ? ` (${listOf(keywords)})` : ''}` : keywords.length > 0 ? ` about ${listOf(keywords)}` : '';
  if (reading.kind === 'mixed') {
    const good = topicOf(reading.brightest, reading.darkest, themes);
    const hard = topicOf(reading.darkest, reading.brightest, themes);
    const goodPart = good ? `good about ${good}` : 'good moments';
    const hardPart = hard && hard !== good ? `low about ${hard}` : 'hard ones';
    return `Mixed feelings${areas.length > 0 ? ` about ${listOf(areas)}` : ''}: ${goodPart}, but ${hardPart}.`;
  }
  const length = wordCount < 30 ? 'short ' : wordCount > 300 ? 'long ' : '';
  return `A ${length}${toneOf(reading.sentiment)} entry${about}.`;
}

/**
 * What a clause was about: the first of the entry's themes it mentions, else its first keyword, else the
 * same in its sentence but none the other side's clause names ("Played guitar in the evening, which was
 * lovely" → guitar; "So proud, and so sad my grandmother wasn't there" is not good about the grandmother).
 */
function topicOf(clause: Clause, other: Clause, themes: readonly string[]): string | undefined {
  const keywordsIn = (tokens: readonly Token[]) => tokens.map((t) => keywordOf(t.word)).filter((k) => k !== undefined);
  const elsewhere = new Set(keywordsIn(other.tokens));
  for (const keywords of [keywordsIn(clause.tokens), keywordsIn(clause.sentence).filter((k) => !elsewhere.has(k))]) {
    const topic = themes.find((theme) => keywords.includes(theme)) ?? keywords[0];
    if (topic) return topic;
  }
  return undefined;
}

const byTheme: Readonly<Record<string, string>> = {
  work: 'Note one work task you can finish or hand off tomorrow to lighten the load.',
  family: 'Consider reaching out to a family member you mentioned today.',
  relationships: 'Think about one thing you appreciate in the people close to you and tell them.',
  friends: 'Plan a small moment with a friend this week.',
  health: 'Listen to your body: rest, water, and a check-in with a professional if it persists.',
  sleep: 'Try a regular bedtime tonight and keep screens away for the last half hour.',
  exercise: 'Keep the momentum: schedule your next bit of movement now.',
  study: 'Break the next study session into short, focused blocks with pauses.',
  money: 'Write down one concrete money step for this week, however small.',
  creativity: 'Set aside a little unhurried time for your creative work.',
  nature: 'Spend a few minutes outside again soon; it seems to matter to you.',
  food: 'Notice how meals fit your energy through the day.',
};

/** Up to three suggestions: one for the tone, then one for each recognised life area, in theme order; none for an entry not read. */
export function suggestionsFor(reading: Reading, themes: readonly string[]): string[] {
  if (reading.kind === 'not-analysed') return [];
  const suggestions: string[] = [];
  const tone = toneOf(reading.sentiment);
  if (reading.kind === 'mixed') {
    suggestions.push('Write one line about what weighed on you and one about what helped; both are part of the day.');
  } else if (tone === 'very negative' || tone === 'negative') {
    suggestions.push('Write down one small thing that went well today, however minor.');
    if (tone === 'very negative') suggestions.push('If this feeling stays, talk to someone you trust.');
  } else if (tone === 'neutral') {
    suggestions.push('Name the moment of the day that felt best, and what made it so.');
  } else {
    suggestions.push('Note what made today good so you can repeat it.');
  }
  for (const theme of themes) {
    const suggestion = byTheme[theme];
    if (suggestion) suggestions.push(suggestion);
  }
  return suggestions.slice(0, 3);
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
