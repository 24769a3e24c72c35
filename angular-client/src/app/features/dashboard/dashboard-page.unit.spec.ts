import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import { SessionStore } from '../../core/session-store';
import { DashboardDocument, type DashboardQuery } from '../../graphql/generated';
import { DashboardPage } from './dashboard-page';

// The server averages a day over its analysed entries only: one the local analysis could not read (not English)
// is left out, so a day of such entries alone has no sentiment (null), not a neutral 0.
const dashboard: DashboardQuery = {
  dashboard: {
    recentEntries: [], streak: 1, latestInsights: [], taskStats: { total: 0, completed: 0, completionRate: 0 },
    moodTrend: [
      { date: '2026-11-01', mood: null, averageSentiment: 0.8, entryCount: 2 },
      { date: '2026-11-02', mood: null, averageSentiment: null, entryCount: 1 },
      { date: '2026-11-03', mood: 'GREAT', averageSentiment: null, entryCount: 1 },
    ],
  },
};

describe('DashboardPage', () => {
  it('plots the served mood trend: a day without an analysed entry by its mood, or not at all', async () => {
    const gql = {
      watch: (document: unknown) => ({
        data: signal(document === DashboardDocument ? dashboard : undefined), loading: signal(false), error: signal(undefined), refetch: async () => undefined,
      }),
    };
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: Gql, useValue: gql }, { provide: SessionStore, useValue: { user: signal(null) } }],
    });
    const fixture = TestBed.createComponent(DashboardPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const dots = [...el.querySelectorAll('circle title')].map((t) => t.textContent);
    expect(dots).toEqual(['2026-11-01: 0.80', '2026-11-03: 1.00']);
  });
});
