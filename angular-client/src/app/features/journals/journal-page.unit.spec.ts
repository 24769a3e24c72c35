import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import { JournalWithEntriesDocument } from '../../graphql/generated';
import { JournalPage } from './journal-page';

const now = '2026-11-22T08:00:00.000Z';
const journal = {
  id: 'j1', name: 'Morning pages', description: null, color: null, icon: null, isPrivate: false, version: 1, entryCount: 1,
  createdAt: now, updatedAt: now,
};
const entry = {
  id: 'e1', title: 'Harbour', content: '# At dawn\n\n**Gulls** over the [pier](https://example.com)\n- tide out', mood: null, tags: [],
  wordCount: 9, version: 1, createdAt: now, updatedAt: now,
};

describe('JournalPage', () => {
  it('shows an entry\'s excerpt as the text a reader sees, not its Markdown', async () => {
    const data = { journal: { ...journal, entries: { edges: [{ cursor: '1', node: entry }], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 1 } } };
    const gql = {
      watch: (document: unknown) => ({
        data: signal(document === JournalWithEntriesDocument ? data : undefined), loading: signal(false), error: signal(undefined), refetch: async () => undefined,
      }),
    };
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Gql, useValue: gql }] });
    const fixture = TestBed.createComponent(JournalPage);
    fixture.componentRef.setInput('id', 'j1');
    await fixture.whenStable();
    const excerpt = (fixture.nativeElement as HTMLElement).querySelector('.excerpt');
    expect(excerpt?.textContent).toBe('At dawn Gulls over the pier tide out');
  });
});
