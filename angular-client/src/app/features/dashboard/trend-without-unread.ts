import type { TrendEntriesQuery } from '../../graphql/generated';
import type { TrendPoint } from './mood-chart';

export interface TrendInsights {
  readonly sentiment: number;
  readonly summary: string;
  readonly generatedBy: string;
}

export interface TrendEntry {
  readonly createdAt: string;
  readonly insights: TrendInsights | null;
}

/**
 * The local analyzer's answer for a text it cannot read (not English): its sentiment is 0 only because the API
 * needs a number (services/insights/README.md: "a consumer averaging sentiments should leave out summaries that
 * begin 'Not analysed'").
 */
export function notAnalysed(insights: TrendInsights): boolean {
  return insights.generatedBy.startsWith('local-analyzer') && insights.summary.startsWith('Not analysed');
}

/** The entries the client holds, and the first UTC day from which it holds every entry ('' every day, null none). */
export interface HeldEntries {
  readonly entries: readonly TrendEntry[];
  readonly completeFrom: string | null;
}

const dayOf = (dateTime: string) => new Date(dateTime).toISOString().slice(0, 10);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The entries of TrendEntries and how far back they are complete: all of them when no list was cut; a journal
 * cut at its 30th entry is whole only after that entry's day (its day may hold more); more journals than were
 * read: no day is known whole.
 */
export function heldEntries(data: TrendEntriesQuery | undefined): HeldEntries {
  if (!data || data.journals.pageInfo.hasNextPage) return { entries: [], completeFrom: null };
  let completeFrom = '';
  const entries: TrendEntry[] = [];
  for (const { node: journal } of data.journals.edges) {
    const nodes = journal.entries.edges.map((e) => e.node);
    entries.push(...nodes);
    const oldest = nodes.at(-1); // newest first
    if (journal.entries.pageInfo.hasNextPage && oldest) {
      const whole = nextDay(dayOf(oldest.createdAt));
      if (whole > completeFrom) completeFrom = whole;
    }
  }
  return { entries, completeFrom };
}

export interface ReadTrend {
  readonly points: readonly TrendPoint[];
  /** How many entries' sentiment was left out (not analysed). */
  readonly leftOut: number;
}

/**
 * The mood trend without the sentiment of entries the local analysis could not read. The server averages a
 * day's sentiments with theirs as 0 and a MoodPoint cannot tell them apart, so on each day the client holds
 * every entry of, a day with such entries gets its average again over its analysed entries only (none: no
 * sentiment, and the chart falls back to the day's mood, or leaves the day out). Other days are as served.
 */
export function trendWithoutUnread(points: readonly TrendPoint[], held: HeldEntries): ReadTrend {
  const { completeFrom } = held;
  if (completeFrom === null) return { points, leftOut: 0 };
  const byDay = new Map<string, TrendInsights[]>();
  for (const entry of held.entries) {
    if (!entry.insights) continue; // not analysed yet: the server's average leaves it out too
    const day = dayOf(entry.createdAt);
    byDay.set(day, [...(byDay.get(day) ?? []), entry.insights]);
  }
  let leftOut = 0;
  const read = points.map((point) => {
    const insights = point.date >= completeFrom ? (byDay.get(point.date) ?? []) : [];
    const unread = insights.filter(notAnalysed).length;
    if (unread === 0) return point;
    leftOut += unread;
    const analysed = insights.filter((i) => !notAnalysed(i)).map((i) => i.sentiment);
    const averageSentiment = analysed.length > 0 ? analysed.reduce((a, b) => a + b, 0) / analysed.length : null;
    return { ...point, averageSentiment };
  });
  return { points: read, leftOut };
}
