// The weekly reflection of one week of entries (pure): counts, the week's themes, a mood point per local day,
// the entries worth rereading and a short summary in plain words. Deterministic: the same entries give the
// same reflection.

export const reflectionGenerator = 'local-reflection@1';

export interface ReflectionEntry {
  readonly entryId: string;
  readonly title: string | null;
  readonly content: string;
  readonly mood: string | null;
  /** The local day (YYYY-MM-DD, the user's time zone) the entry was written on. */
  readonly day: string;
  readonly createdAt: Date;
  readonly themes: readonly string[];
  /** −1 … 1 from its insights; null before any. */
  readonly sentiment: number | null;
}

export interface MoodPointValue {
  readonly date: string;
  readonly mood: string | null;
  readonly averageSentiment: number | null;
  readonly entryCount: number;
  readonly wordCount: number;
}

export interface ComposedReflection {
  readonly entryCount: number;
  readonly summary: string;
  readonly themes: string[];
  readonly moodTrend: MoodPointValue[];
  readonly highlightIds: string[];
}

const words = (text: string) => text.split(/\s+/u).filter(Boolean).length;
const round = (n: number) => Math.round(n * 1000) / 1000;

/** The seven local days of the week starting on `weekStart` (a Monday, YYYY-MM-DD). */
export function daysOfWeek(weekStart: string): string[] {
  const start = Date.parse(`${weekStart}T00:00:00Z`);
  return Array.from({ length: 7 }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/** The most frequent of `values` (ties: the latest, as `values` are oldest first); null when there is none. */
function mostFrequent(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const value of values) {
    const n = (counts.get(value) ?? 0) + 1;
    counts.set(value, n);
    if (best === null || n >= counts.get(best)!) best = value;
  }
  return best;
}

export function composeReflection(weekStart: string, entries: readonly ReflectionEntry[]): ComposedReflection {
  const sorted = [...entries].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.entryId.localeCompare(b.entryId));
  const moodTrend = daysOfWeek(weekStart).map((date): MoodPointValue => {
    const day = sorted.filter((e) => e.day === date);
    const sentiments = day.flatMap((e) => (e.sentiment === null ? [] : [e.sentiment]));
    return {
      date,
      mood: mostFrequent(day.flatMap((e) => (e.mood ? [e.mood] : []))),
      averageSentiment: sentiments.length ? round(sentiments.reduce((a, b) => a + b, 0) / sentiments.length) : null,
      entryCount: day.length,
      wordCount: day.reduce((n, e) => n + words(e.content), 0),
    };
  });
  const themeCounts = new Map<string, number>();
  for (const entry of sorted) for (const theme of new Set(entry.themes)) themeCounts.set(theme, (themeCounts.get(theme) ?? 0) + 1);
  const themes = [...themeCounts].sort(([a, n], [b, m]) => m - n || a.localeCompare(b)).slice(0, 5).map(([theme]) => theme);
  // Worth rereading: the entries felt most strongly (by their insights), then the longest.
  const highlightIds = [...sorted]
    .sort((a, b) => Math.abs(b.sentiment ?? 0) - Math.abs(a.sentiment ?? 0) || words(b.content) - words(a.content) || a.entryId.localeCompare(b.entryId))
    .slice(0, 3)
    .map((e) => e.entryId);
  return { entryCount: sorted.length, summary: summaryOf(sorted, themes, moodTrend), themes, moodTrend, highlightIds };
}

function summaryOf(entries: readonly ReflectionEntry[], themes: readonly string[], trend: readonly MoodPointValue[]): string {
  if (entries.length === 0) return 'You wrote no entries this week. A few lines next week will give your reflection something to look back on.';
  const activeDays = trend.filter((d) => d.entryCount > 0).length;
  const parts = [`You wrote ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} on ${activeDays} ${activeDays === 1 ? 'day' : 'days'} this week.`];
  if (themes.length === 1) parts.push(`It was mostly about ${themes[0]}.`);
  else if (themes.length > 1) parts.push(`It was mostly about ${themes.slice(0, -1).join(', ')} and ${themes.at(-1)}.`);
  const mood = mostFrequent(entries.flatMap((e) => (e.mood ? [e.mood] : [])));
  if (mood) parts.push(`Your most frequent mood was ${mood.toLowerCase()}.`);
  const sentiments = entries.flatMap((e) => (e.sentiment === null ? [] : [e.sentiment]));
  if (sentiments.length) {
    const average = sentiments.reduce((a, b) => a + b, 0) / sentiments.length;
    parts.push(average > 0.2 ? 'Overall the week leaned positive.' : average < -0.2 ? 'Overall the week was a hard one; be kind to yourself.' : 'Overall the week was fairly even.');
  }
  return parts.join(' ');
}
