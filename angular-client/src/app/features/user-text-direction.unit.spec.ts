// Right-to-left text (Hebrew, Arabic) written by the user reads right only where its element says dir="auto": the
// browser then takes the direction from the text itself instead of the page's left-to-right. Each screen here is
// shown with right-to-left user text, and every element holding some must carry dir="auto" (on itself or on the
// nearest element that sets a direction), as must the fields where such text is typed.
import { signal, type Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Gql } from '../core/gql';
import { SessionStore } from '../core/session-store';
import {
  CalendarDocument, DashboardDocument, JournalWithEntriesDocument, JournalsDocument, SearchDocument, SuggestDocument, ThoughtsDocument,
} from '../graphql/generated';
import { DashboardPage } from './dashboard/dashboard-page';
import { JournalPage } from './journals/journal-page';
import { JournalsPage } from './journals/journals-page';
import { today } from './planner/calendar-dates';
import { PlannerPage } from './planner/planner-page';
import { SearchPage } from './search/search-page';
import { ThoughtsPage } from './thoughts/thoughts-page';

const rtl = {
  journal: 'יומן הבוקר', description: 'מחשבות לפני הקפה', title: 'يوم هادئ', content: 'مشيت على الشاطئ عند الفجر',
  thought: 'להתקשר לשומר המגדלור', tag: 'ים', task: 'لسقي النباتات', event: 'רופא שיניים', suggestion: 'مشي',
};
const isRtl = /[\u0590-\u08FF]/;
const day = today();
const now = `${day}T08:00:00.000Z`;
const journal = {
  id: 'j1', name: rtl.journal, description: rtl.description, color: null, icon: null, isPrivate: false, version: 1, entryCount: 1,
  createdAt: now, updatedAt: now,
};
const entry = { id: 'e1', title: rtl.title, content: rtl.content, mood: null, tags: [rtl.tag], wordCount: 5, version: 1, createdAt: now, updatedAt: now };
const page = { hasNextPage: false, endCursor: null };

const watched = new Map<unknown, unknown>([
  [JournalsDocument, { journals: { edges: [{ cursor: '1', node: journal }], pageInfo: page, totalCount: 1 } }],
  [JournalWithEntriesDocument, { journal: { ...journal, entries: { edges: [{ cursor: '1', node: entry }], pageInfo: page, totalCount: 1 } } }],
  [ThoughtsDocument, { thoughts: { edges: [{ cursor: '1', node: { id: 't1', text: rtl.thought, tags: [rtl.tag], createdAt: now, version: 1 } }], pageInfo: page, totalCount: 1 } }],
  [CalendarDocument, {
    calendar: [{
      date: day,
      tasks: [{ id: 'k1', title: rtl.task, description: null, date: day, dueTime: null, priority: 'MEDIUM', category: 'general', completed: false, completedAt: null, recurrence: null, occurrence: null, version: 1 }],
      events: [{ id: 'v1', title: rtl.event, startsAt: `${day}T09:00:00.000Z`, endsAt: `${day}T10:00:00.000Z`, recurrence: null, version: 1 }],
    }],
  }],
]);

const dashboard = {
  dashboard: {
    streak: 1, taskStats: { total: 0, completed: 0, completionRate: 0 }, moodTrend: [],
    recentEntries: [{ id: 'e1', title: rtl.title, mood: null, wordCount: 5, createdAt: now, journal: { id: 'j1', name: rtl.journal } }],
    latestInsights: [{ entryId: 'e1', sentiment: 0.5, themes: [rtl.suggestion], summary: rtl.content, generatedAt: now }],
  },
};
/** The dashboard's own query: served, or absent (a server without it), when the dashboard lists the journals instead. */
let dashboardServed = true;

const fakeGql = {
  watch: (document: unknown) => ({ data: signal(document === DashboardDocument ? (dashboardServed ? dashboard : undefined) : watched.get(document)), loading: signal(false), error: signal(undefined), refetch: () => Promise.resolve() }),
  query: (document: unknown) => {
    if (document === SuggestDocument) return Promise.resolve({ suggest: [rtl.suggestion] });
    if (document === SearchDocument) {
      return Promise.resolve({
        search: {
          totalCount: 3, pageInfo: page,
          edges: [
            { cursor: '1', node: { score: 3, highlights: [`مشيت على <em>الشاطئ</em>`], hit: { __typename: 'Entry', id: 'e1', title: rtl.title, mood: null, tags: [], journal: { id: 'j1', name: rtl.journal } } } },
            { cursor: '2', node: { score: 2, highlights: [], hit: { __typename: 'Thought', id: 't1', text: rtl.thought, tags: [] } } },
            { cursor: '3', node: { score: 1, highlights: [], hit: { __typename: 'Task', id: 'k1', taskTitle: rtl.task, date: day, completed: false } } },
          ],
        },
      });
    }
    return Promise.reject(new Error('unexpected query'));
  },
};

async function render<T>(component: Type<T>, inputs: Record<string, unknown> = {}): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), { provide: Gql, useValue: fakeGql }, { provide: SessionStore, useValue: { user: signal({ name: rtl.thought }) } }],
  });
  const fixture = TestBed.createComponent(component);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

/** Elements whose own text has right-to-left letters, and those of them without dir="auto" where they are. */
function rtlText(root: HTMLElement): { found: string[]; missing: string[] } {
  const found: string[] = [];
  const missing: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!isRtl.test(text)) continue;
    const element = node.parentElement!;
    found.push(text.trim());
    if (element.closest('[dir]')?.getAttribute('dir') !== 'auto') missing.push(`<${element.tagName.toLowerCase()}> ${text.trim()}`);
  }
  return { found, missing };
}

function expectAutoFields(root: HTMLElement, selectors: string[]): void {
  for (const selector of selectors) expect(root.querySelector(selector)?.getAttribute('dir'), selector).toBe('auto');
}

describe('right-to-left user text', () => {
  it('journals: names and descriptions, and the fields they are typed in', async () => {
    const el = await render(JournalsPage);
    const { found, missing } = rtlText(el);
    expect(found).toEqual(expect.arrayContaining([rtl.journal, rtl.description]));
    expect(missing).toEqual([]);
    expectAutoFields(el, ['#journal-name', '#journal-description']);
  });

  it('a journal: its name, description, entry titles and excerpts', async () => {
    const el = await render(JournalPage, { id: 'j1' });
    const { found, missing } = rtlText(el);
    expect(found).toEqual(expect.arrayContaining([rtl.journal, rtl.description, rtl.title, rtl.content]));
    expect(missing).toEqual([]);
  });

  it('thoughts: their text and tags, the tag filter, and the capture box', async () => {
    const el = await render(ThoughtsPage);
    const { found, missing } = rtlText(el);
    expect(found).toEqual(expect.arrayContaining([rtl.thought, `#${rtl.tag}`]));
    expect(found.filter((t) => t === `#${rtl.tag}`)).toHaveLength(2); // the thought's chip and the filter button
    expect(missing).toEqual([]);
    expectAutoFields(el, ['#thought-text']);
  });

  it('the planner: task and event titles', async () => {
    const el = await render(PlannerPage);
    const { found, missing } = rtlText(el);
    expect(found).toEqual(expect.arrayContaining([rtl.task, rtl.event]));
    expect(missing).toEqual([]);
    expectAutoFields(el, ['#task-title', '#event-title']);
  });

  it('the dashboard: the name it greets, recent entries, their journals, insights and their themes', async () => {
    dashboardServed = true;
    const el = await render(DashboardPage);
    const { found, missing } = rtlText(el);
    expect(found).toEqual(expect.arrayContaining([rtl.thought, rtl.title, rtl.journal, rtl.content, rtl.suggestion]));
    expect(missing).toEqual([]);
  });

  it('the dashboard of a server without one: the journals it lists instead', async () => {
    dashboardServed = false;
    const el = await render(DashboardPage);
    dashboardServed = true;
    const { found, missing } = rtlText(el);
    expect(found).toEqual(expect.arrayContaining([rtl.journal]));
    expect(missing).toEqual([]);
  });

  it('search: suggestions, titles, journal names and highlighted snippets', async () => {
    const el = await render(SearchPage);
    const input = el.querySelector<HTMLInputElement>('#search-input')!;
    expect(input.getAttribute('dir')).toBe('auto');
    input.value = 'مش';
    input.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(el.querySelectorAll('[role=option]')).toHaveLength(1), { timeout: 2_000 });
    expect(rtlText(el).missing).toEqual([]);

    input.value = 'الشاطئ';
    input.dispatchEvent(new Event('input'));
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(el.querySelectorAll('.result')).toHaveLength(3));
    const { found, missing } = rtlText(el);
    expect(found).toEqual(expect.arrayContaining([rtl.title, rtl.journal, rtl.thought, rtl.task, 'الشاطئ']));
    expect(missing).toEqual([]);
  });
});
