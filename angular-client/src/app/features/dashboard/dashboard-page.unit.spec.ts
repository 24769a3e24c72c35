import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import { SessionStore } from '../../core/session-store';
import { DashboardDocument, TrendEntriesDocument, type DashboardQuery, type TrendEntriesQuery } from '../../graphql/generated';
import { DashboardPage } from './dashboard-page';

const dashboard: DashboardQuery = {
  dashboard: {
    recentEntries: [], streak: 1, latestInsights: [], taskStats: { total: 0, completed: 0, completionRate: 0 },
    moodTrend: [
      { date: '2026-11-01', mood: null, averageSentiment: 0.4, entryCount: 2 },
      { date: '2026-11-02', mood: null, averageSentiment: 0, entryCount: 1 },
    ],
  },
};
const entry = (id: string, createdAt: string, sentiment: number, summary: string) =>
  ({ node: { id, createdAt, insights: { entryId: id, sentiment, summary, generatedBy: 'local-analyzer@2' } } });
const trendEntries: TrendEntriesQuery = {
  journals: {
    pageInfo: { hasNextPage: false },
    edges: [{
      node: {
        id: 'j1',
        entries: {
          pageInfo: { hasNextPage: false },
          edges: [
            entry('e3', '2026-11-02T08:00:00Z', 0, 'Not analysed: the local analysis reads English only.'),
            entry('e2', '2026-11-01T09:00:00Z', 0, 'Not analysed: the local analysis reads English only.'),
            entry('e1', '2026-11-01T08:00:00Z', 0.8, 'A good day about work.'),
          ],
        },
      },
    }],
  },
};

describe('DashboardPage', () => {
  it('plots the mood trend without entries the local analysis could not read, and says so under the chart', async () => {
    const data = (document: unknown) => (document === DashboardDocument ? dashboard : document === TrendEntriesDocument ? trendEntries : undefined);
    const gql = {
      watch: (document: unknown) => ({ data: signal(data(document)), loading: signal(false), error: signal(undefined), refetch: async () => undefined }),
    };
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: Gql, useValue: gql }, { provide: SessionStore, useValue: { user: signal(null) } }],
    });
    const fixture = TestBed.createComponent(DashboardPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const dots = [...el.querySelectorAll('circle title')].map((t) => t.textContent);
    expect(dots).toEqual(['2026-11-01: 0.80']); // not 0.40, and 11-02 is no neutral 0
    expect(el.querySelector('.chart-note')?.textContent?.replace(/\s+/g, ' ')).toBe(
      'Not plotted: the sentiment of 2 entries the local analysis could not read (it reads English only).',
    );
  });
});
