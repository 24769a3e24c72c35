import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import { GenerateWeeklyReflectionDocument, WeeklyReflectionsDocument, type WeeklyReflectionFieldsFragment } from '../../graphql/generated';
import { ReflectionsPage } from './reflections-page';
import { weekStartOf } from './week';

function reflection(id: string, weekStart: string, patch: Partial<WeeklyReflectionFieldsFragment> = {}): WeeklyReflectionFieldsFragment {
  return {
    id, weekStart, entryCount: 3, summary: `A calm week (${weekStart}).`, themes: ['sea', 'عمل'], generatedBy: 'local', generatedAt: '2026-12-06T18:00:00Z',
    moodTrend: [{ date: weekStart, mood: 'CALM', averageSentiment: 0.4, entryCount: 2 }, { date: '2026-11-25', mood: null, averageSentiment: null, entryCount: 0 }],
    highlights: [{ id: 'e1', title: 'By the sea', createdAt: '2026-11-24T10:00:00Z' }],
    ...patch,
  };
}

class FakeGql {
  list = [reflection('r1', '2026-11-23')];
  readonly generated: unknown[] = [];
  async query(document: unknown) {
    if (document === WeeklyReflectionsDocument) return { weeklyReflections: { edges: this.list.map((node) => ({ cursor: node.id, node })), pageInfo: { hasNextPage: false, endCursor: null }, totalCount: this.list.length } };
    throw new Error('unexpected query');
  }
  async mutate(document: unknown, variables: { weekStart: string }) {
    if (document !== GenerateWeeklyReflectionDocument) throw new Error('unexpected mutation');
    this.generated.push(variables);
    return { generateWeeklyReflection: reflection('r2', variables.weekStart, { summary: 'This week so far.' }) };
  }
}

async function open(id?: string) {
  const gql = new FakeGql();
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Gql, useValue: gql }] });
  const fixture = TestBed.createComponent(ReflectionsPage);
  if (id) fixture.componentRef.setInput('id', id);
  const el = fixture.nativeElement as HTMLElement;
  const stable = async () => { await fixture.whenStable(); fixture.detectChanges(); await fixture.whenStable(); };
  await stable();
  return { gql, el, stable };
}

describe('weekly reflections', () => {
  it('lists them, linking to each, and generates this week’s (a Monday) on top', async () => {
    const { el, gql, stable } = await open();
    expect(el.querySelector('h1')!.textContent).toBe('Weekly reflections');
    const items = () => Array.from(el.querySelectorAll('li.item'));
    expect(items()).toHaveLength(1);
    expect(items()[0]!.querySelector('a')!.getAttribute('href')).toBe('/reflections/r1');
    expect(items()[0]!.querySelector('.excerpt')!.getAttribute('dir')).toBe('auto');

    Array.from(el.querySelectorAll('button')).find((b) => b.textContent!.includes('Generate this week'))!.click();
    await stable();
    expect(gql.generated).toEqual([{ weekStart: weekStartOf(new Date()) }]);
    expect(items()).toHaveLength(2);
    expect(items()[0]!.textContent).toContain('This week so far.');
    expect(el.querySelector('[role=status]')!.textContent).toContain('is ready');
  });

  it('shows one: summary, themes, mood by day, highlights linking to their entries', async () => {
    const { el } = await open('r1');
    const article = el.querySelector('article')!;
    expect(article.querySelector('h2')!.textContent).toContain('Week of');
    expect(article.textContent).toContain('A calm week (2026-11-23).');
    expect(Array.from(article.querySelectorAll('.chips li')).map((li) => [li.textContent, li.getAttribute('dir')])).toEqual([['sea', 'auto'], ['عمل', 'auto']]);
    expect(article.querySelector('.days')!.textContent).toContain('Calm');
    expect(article.querySelector('.days')!.textContent).toContain('no mood');
    const highlight = article.querySelector<HTMLAnchorElement>('a[href="/entries/e1"]')!;
    expect(highlight.textContent).toBe('By the sea');
    expect(el.querySelector('a[href="/reflections"]')).not.toBeNull();
  });

  it('says so for an unknown one', async () => {
    const { el } = await open('nope');
    expect(el.querySelector('[role=alert]')!.textContent).toContain('does not exist');
  });

  it('takes a week to start on its local Monday', () => {
    expect(weekStartOf(new Date(2026, 11, 7, 1, 0))).toBe('2026-12-07'); // a Monday
    expect(weekStartOf(new Date(2026, 11, 13, 23, 59))).toBe('2026-12-07'); // the Sunday after
    expect(weekStartOf(new Date(2027, 0, 2, 12))).toBe('2026-12-28'); // across the year
  });
});
