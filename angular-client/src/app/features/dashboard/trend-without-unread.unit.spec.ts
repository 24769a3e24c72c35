import type { TrendEntriesQuery } from '../../graphql/generated';
import { heldEntries, notAnalysed, trendWithoutUnread, type TrendEntry } from './trend-without-unread';
import { plotTrend, type TrendPoint } from './mood-chart';

const unread = { sentiment: 0, summary: 'Not analysed: the local analysis reads English only.', generatedBy: 'local-analyzer@2' };
const read = (sentiment: number) => ({ sentiment, summary: 'A calm day about work.', generatedBy: 'local-analyzer@2' });
const entry = (createdAt: string, insights: TrendEntry['insights']): TrendEntry => ({ createdAt, insights });

/** TrendEntries as the server answers it: journals of entries (newest first), each list possibly cut. */
function answer(journals: { entries: TrendEntry[]; more?: boolean }[], moreJournals = false): TrendEntriesQuery {
  return {
    journals: {
      pageInfo: { hasNextPage: moreJournals },
      edges: journals.map((j, i) => ({
        node: {
          id: `j${i}`,
          entries: {
            pageInfo: { hasNextPage: j.more ?? false },
            edges: j.entries.map((e, k) => ({
              node: { id: `e${i}-${k}`, createdAt: e.createdAt, insights: e.insights && { entryId: `e${i}-${k}`, ...e.insights } },
            })),
          },
        },
      })),
    },
  };
}

describe('the mood trend without entries the local analysis could not read', () => {
  // as the server serves it: the unread entry counted as 0 in its day's average
  const points: TrendPoint[] = [
    { date: '2026-11-01', mood: null, averageSentiment: 0.3, entryCount: 2 }, // 0.6 and an unread one
    { date: '2026-11-02', mood: 'GOOD', averageSentiment: 0, entryCount: 1 }, // only an unread one, a mood
    { date: '2026-11-03', mood: null, averageSentiment: 0, entryCount: 1 }, // only an unread one, no mood
    { date: '2026-11-04', mood: null, averageSentiment: 0, entryCount: 1 }, // read, and neutral indeed
  ];
  const entries = [
    entry('2026-11-04T09:00:00Z', read(0)),
    entry('2026-11-03T08:00:00Z', unread),
    entry('2026-11-02T08:00:00Z', unread),
    entry('2026-11-01T18:00:00Z', unread),
    entry('2026-11-01T08:00:00Z', read(0.6)),
  ];

  it('tells the local analyzer\'s "not analysed" from a neutral reading', () => {
    expect(notAnalysed(unread)).toBe(true);
    expect(notAnalysed(read(0))).toBe(false);
    expect(notAnalysed({ ...unread, generatedBy: 'claude-sonnet-4-5' })).toBe(false);
  });

  it('averages a day over its analysed entries only; a day with none is plotted by its mood or not at all', () => {
    const trend = trendWithoutUnread(points, heldEntries(answer([{ entries }])));
    expect(trend.leftOut).toBe(3);
    expect(trend.points.map((p) => p.averageSentiment)).toEqual([0.6, null, null, 0]);
    expect(plotTrend(trend.points, 30, 20).map((p) => [p.date, p.value])).toEqual([
      ['2026-11-01', 0.6], ['2026-11-02', 0.6], ['2026-11-04', 0], // GOOD scores 0.6; 11-03 has nothing to show
    ]);
  });

  it('corrects only the days it holds every entry of, and nothing when journals were left unread', () => {
    // the journal's list was cut at an entry of 11-02: that day may hold more, 11-03 on is whole
    const cut = heldEntries(answer([{ entries: entries.slice(0, 3), more: true }]));
    expect(cut.completeFrom).toBe('2026-11-03');
    const trend = trendWithoutUnread(points, cut);
    expect(trend.leftOut).toBe(1);
    expect(trend.points.map((p) => p.averageSentiment)).toEqual([0.3, 0, null, 0]);

    const moreJournals = heldEntries(answer([{ entries }], true));
    expect(moreJournals.completeFrom).toBeNull();
    expect(trendWithoutUnread(points, moreJournals)).toEqual({ points, leftOut: 0 });
    expect(trendWithoutUnread(points, heldEntries(undefined))).toEqual({ points, leftOut: 0 });
  });

  it('reads an entry\'s day in UTC, as the trend counts it', () => {
    const late = heldEntries(answer([{ entries: [entry('2026-11-03T23:30:00-02:00', unread)] }]));
    const trend = trendWithoutUnread(points, late);
    expect(trend.leftOut).toBe(1);
    expect(trend.points[3]!.averageSentiment).toBeNull(); // 2026-11-04T01:30Z
    expect(trend.points[2]!.averageSentiment).toBe(0);
  });
});
