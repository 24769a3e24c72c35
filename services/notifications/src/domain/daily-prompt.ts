/** The daily prompt's question when nothing better is known (no entry with a theme lately). */
export const defaultPromptQuestion = 'What stood out to you today?';

/** Questions about one of the user's recent themes (`{theme}`): the insights service's themes, as stored per entry. */
const themedQuestions: readonly string[] = [
  'You have been writing about {theme} lately. What is on your mind about it today?',
  'How do you feel about {theme} today, compared with last week?',
  'What is one thing about {theme} you would like to remember from today?',
  'What would make tomorrow better where {theme} is concerned?',
];

/**
 * The daily prompt's question (issue 14, "a question drawn from their recent themes"): one of the user's most
 * frequent recent themes (most frequent first, at most the first three considered) in one of a few questions,
 * both picked by the day, so the question changes from day to day and the same day's prompt always reads the same.
 * No theme: the default question.
 */
export function promptQuestion(recentThemes: readonly string[], day: string): string {
  const themes = recentThemes.map((t) => t.trim()).filter((t) => t.length > 0).slice(0, 3);
  if (themes.length === 0) return defaultPromptQuestion;
  const n = dayNumber(day);
  const theme = themes[n % themes.length]!;
  return themedQuestions[Math.floor(n / themes.length) % themedQuestions.length]!.replace('{theme}', theme);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` (or anything starting with one); 0 when there is none. */
function dayNumber(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return 0;
  return Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000);
}
