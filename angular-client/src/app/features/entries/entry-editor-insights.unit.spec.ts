import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import { SessionStore } from '../../core/session-store';
import { EntryInsightsDocument, type InsightsFieldsFragment } from '../../graphql/generated';
import { EntryEditor } from './entry-editor';

/** The insights card of an open entry, given what the API says about it. */
async function insightsCard(insights: Partial<InsightsFieldsFragment>) {
  const full: InsightsFieldsFragment = {
    entryId: 'e1', sentiment: 0.42, themes: ['work'], summary: 'A short positive entry about work.', suggestions: ['Rest.'],
    generatedBy: 'local-analyzer@2', generatedAt: '2026-11-01T07:00:00Z', ...insights,
  };
  const gql = {
    query: async () => ({ entry: { id: 'e1', title: 'Harbour', content: 'At dawn.', mood: null, tags: [], wordCount: 2, version: 1,
      createdAt: '2026-11-01T07:00:00Z', updatedAt: '2026-11-01T07:00:00Z', journal: { id: 'j1', name: 'Morning pages' } } }),
    watch: (document: unknown) => ({
      data: signal(document === EntryInsightsDocument ? { entry: { id: 'e1', insights: full } } : undefined),
      loading: signal(false), error: signal(undefined), refetch: async () => undefined,
    }),
  };
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Gql, useValue: gql }, { provide: SessionStore, useValue: { user: signal(null) } }] });
  const fixture = TestBed.createComponent(EntryEditor);
  fixture.componentRef.setInput('id', 'e1');
  await fixture.whenStable();
  const card = (fixture.nativeElement as HTMLElement).querySelector('section.insights')!;
  return card.textContent!.replace(/\s+/g, ' ');
}

describe('EntryEditor insights', () => {
  it('names who analysed the entry in words, not by its internal id', async () => {
    const local = await insightsCard({});
    expect(local).toContain('Sentiment 0.42 · by Local analysis');
    expect(local).not.toContain('local-analyzer');
    TestBed.resetTestingModule();
    expect(await insightsCard({ generatedBy: 'claude-sonnet-4-5' })).toContain('by Claude');
  });

  it('shows no sentiment for an entry the local analysis could not read', async () => {
    const card = await insightsCard({ sentiment: 0, themes: [], suggestions: [], summary: 'Not analysed: the local analysis reads English only.' });
    expect(card).toContain('Not analysed');
    expect(card).not.toContain('0.00');
    expect(card).toContain('by Local analysis');
  });
});
