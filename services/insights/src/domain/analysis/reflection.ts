import { isLifeArea } from './themes.js';

/** How an entry feels overall, in words a summary can use. */
export type Tone = 'very positive' | 'positive' | 'mixed' | 'negative' | 'very negative';

export function toneOf(sentiment: number): Tone {
  if (sentiment >= 0.6) return 'very positive';
  if (sentiment >= 0.2) return 'positive';
  if (sentiment > -0.2) return 'mixed';
  if (sentiment > -0.6) return 'negative';
  return 'very negative';
}

/**
 * A one-sentence, templated reflection: the tone and the life areas the entry is about. It names only
 * life areas, never keywords, so it never quotes the entry.
 */
export function summaryOf(sentiment: number, themes: readonly string[], wordCount: number): string {
  const tone = toneOf(sentiment);
  const areas = themes.filter(isLifeArea);
  const length = wordCount < 30 ? 'short ' : wordCount > 300 ? 'long ' : '';
  if (areas.length === 0) return `A ${length}${tone} entry.`;
  return `A ${length}${tone} entry about ${listOf(areas.slice(0, 3))}.`;
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

/** Up to three suggestions: one for the tone, then one for each recognised life area, in theme order. */
export function suggestionsFor(sentiment: number, themes: readonly string[]): string[] {
  const tone = toneOf(sentiment);
  const suggestions: string[] = [];
  if (tone === 'very negative' || tone === 'negative') {
    suggestions.push('Write down one small thing that went well today, however minor.');
    if (tone === 'very negative') suggestions.push('If this feeling stays, talk to someone you trust.');
  } else if (tone === 'mixed') {
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
