import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import { SearchDocument, SuggestDocument } from '../../graphql/generated';
import { SearchPage } from './search-page';

class FakeGql {
  searches: unknown[] = [];
  async query(document: unknown, variables: Record<string, unknown>) {
    if (document === SuggestDocument) return { suggest: ['harbour', 'harvest'] };
    if (document === SearchDocument) {
      this.searches.push(variables);
      return {
        search: {
          totalCount: 2,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: [
            { cursor: '1', node: { score: 2, highlights: ['# Dawn\n\nthe **<em>harbour</em>** at [dawn](https://example.com)'], hit: { __typename: 'Entry', id: 'e1', title: 'Dawn', mood: null, tags: [], journal: { id: 'j1', name: 'Pages' } } } },
            { cursor: '2', node: { score: 1, highlights: [], hit: { __typename: 'Task', id: 't1', taskTitle: 'Harbour walk', date: '2026-11-22', completed: false } } },
          ],
        },
      };
    }
    throw new Error('unexpected');
  }
}

describe('SearchPage', () => {
  it('suggests as you type, picks a suggestion with the keyboard, and groups highlighted results by kind', async () => {
    const gql = new FakeGql();
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Gql, useValue: gql }] });
    const fixture = TestBed.createComponent(SearchPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector<HTMLInputElement>('#search-input')!;
    input.value = 'har';
    input.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(el.querySelectorAll('[role=option]').length).toBe(2), { timeout: 2_000 });
    expect(input.getAttribute('aria-expanded')).toBe('true');

    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    await fixture.whenStable();
    expect(input.getAttribute('aria-activedescendant')).toBe('suggestion-1');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await vi.waitFor(() => expect(el.querySelectorAll('section h2').length).toBe(2));

    expect(gql.searches).toEqual([{ query: 'harvest', kinds: null, first: 30 }]);
    expect(Array.from(el.querySelectorAll('section h2')).map((h) => h.textContent)).toEqual(['Entries', 'Tasks']);
    expect(el.querySelector('mark')?.textContent).toBe('harbour');
    expect(el.querySelector('.highlight')?.textContent).toBe('Dawn the harbour at dawn'); // its Markdown read, not shown
    expect(el.querySelector('[role=status]')?.textContent).toContain('2 results');
  });

  it('filters by kind', async () => {
    const gql = new FakeGql();
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Gql, useValue: gql }] });
    const fixture = TestBed.createComponent(SearchPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const [, thoughts] = Array.from(el.querySelectorAll<HTMLInputElement>('.kind input'));
    thoughts!.click();
    const input = el.querySelector<HTMLInputElement>('#search-input')!;
    input.value = 'harbour';
    input.dispatchEvent(new Event('input'));
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(gql.searches).toHaveLength(1));
    expect(gql.searches[0]).toMatchObject({ kinds: ['ENTRY', 'TASK'] });
  });

  it('runs the search the address holds (query and filters), and puts a new one in the address', async () => {
    const gql = new FakeGql();
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Gql, useValue: gql }] });
    const fixture = TestBed.createComponent(SearchPage);
    fixture.componentRef.setInput('q', 'harbour');
    fixture.componentRef.setInput('tag', 'boat');
    fixture.componentRef.setInput('mood', 'CALM');
    fixture.componentRef.setInput('from', '2026-11-01');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    await vi.waitFor(() => expect(gql.searches).toHaveLength(1));
    expect(gql.searches[0]).toEqual({ query: 'harbour', kinds: null, first: 30, tags: ['boat'], mood: 'CALM', from: '2026-11-01' });
    expect(el.querySelector<HTMLInputElement>('#search-input')!.value).toBe('harbour');
    await fixture.whenStable();
    expect(el.querySelector<HTMLInputElement>('input[name=tag]')!.value).toBe('boat');

    const router = TestBed.inject(Router);
    const navigated: unknown[] = [];
    router.navigate = async (_commands, extras) => { navigated.push(extras?.queryParams); return true; };
    const tag = el.querySelector<HTMLInputElement>('input[name=tag]')!;
    tag.value = '';
    tag.dispatchEvent(new Event('input'));
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(gql.searches).toHaveLength(2));
    expect(gql.searches[1]).toEqual({ query: 'harbour', kinds: null, first: 30, mood: 'CALM', from: '2026-11-01' });
    expect(navigated).toEqual([{ q: 'harbour', tag: null, mood: 'CALM', from: '2026-11-01', to: null }]);
  });
});
