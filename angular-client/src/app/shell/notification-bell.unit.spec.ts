import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { Subject } from 'rxjs';
import { Gql } from '../core/gql';
import { NotificationCenter } from '../core/notification-center';
import { SessionStore } from '../core/session-store';
import {
  MarkNotificationsReadDocument, NotificationsDocument, UnreadNotificationsDocument, type NotificationFieldsFragment,
} from '../graphql/generated';
import { NotificationBell } from './notification-bell';

function notification(id: string, patch: Partial<NotificationFieldsFragment> = {}): NotificationFieldsFragment {
  return { id, kind: 'TASK_DUE', title: `Task ${id} is due`, body: 'At 09:30', createdAt: new Date().toISOString(), readAt: null, subject: null, ...patch };
}

class FakeGql {
  unread = 2;
  items: NotificationFieldsFragment[] = [
    notification('n1', { subject: { __typename: 'Task', id: 't1', taskDate: '2026-12-07' } }),
    notification('n2', { kind: 'INSIGHTS_READY', title: 'مرحبا insights', subject: { __typename: 'Entry', id: 'e1' } }),
    notification('n3', { readAt: '2026-12-06T10:00:00Z', kind: 'WEEKLY_REFLECTION', subject: { __typename: 'WeeklyReflection', id: 'w1', weekStart: '2026-11-30' } }),
  ];
  readonly mutations: Record<string, unknown>[] = [];
  pageSize = 20;
  async query(document: unknown, variables?: Record<string, unknown>) {
    if (document === UnreadNotificationsDocument) return { me: { id: 'u1', unreadNotifications: this.unread } };
    if (document === NotificationsDocument) {
      // pages of `pageSize`, after the cursor (a notification's id)
      const from = variables?.['after'] ? this.items.findIndex((n) => n.id === variables['after']) + 1 : 0;
      const page = this.items.slice(from, from + this.pageSize);
      return { notifications: { edges: page.map((node) => ({ cursor: node.id, node })), pageInfo: { hasNextPage: from + page.length < this.items.length, endCursor: page.at(-1)?.id ?? null }, totalCount: this.items.length } };
    }
    throw new Error('unexpected query');
  }
  async mutate(document: unknown, variables: Record<string, unknown>) {
    if (document !== MarkNotificationsReadDocument) throw new Error('unexpected mutation');
    this.mutations.push(variables);
    const marked = variables['all'] ? this.unread : (variables['ids'] as string[]).length;
    this.unread -= marked;
    return { markNotificationsRead: marked };
  }
}

async function open() {
  const gql = new FakeGql();
  const stream = new Subject<{ data: unknown }>();
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      { provide: Gql, useValue: gql },
      { provide: Apollo, useValue: { client: { subscribe: () => stream.asObservable() } } },
      { provide: SessionStore, useValue: { signedIn: signal(true) } },
    ],
  });
  const fixture = TestBed.createComponent(NotificationBell);
  const el = fixture.nativeElement as HTMLElement;
  await fixture.whenStable();
  const stable = async () => { await fixture.whenStable(); fixture.detectChanges(); await fixture.whenStable(); };
  const bell = () => el.querySelector<HTMLButtonElement>('button.bell')!;
  const button = (text: string) => Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent!.trim() === text);
  return { gql, stream, fixture, el, stable, bell, button };
}

describe('the notification bell', () => {
  it('shows the unread count, and a notification received live adds to it and to the open list', async () => {
    const { bell, stream, stable, el } = await open();
    await stable();
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 2 unread');
    expect(bell().querySelector('.count')!.textContent).toBe('2');
    expect(bell().getAttribute('aria-expanded')).toBe('false');

    bell().click();
    await stable();
    expect(bell().getAttribute('aria-expanded')).toBe('true');
    expect(el.querySelectorAll('#notification-panel li')).toHaveLength(3);

    stream.next({ data: { notificationReceived: notification('n4', { title: 'Write in your journal', kind: 'JOURNAL_PROMPT' }) } });
    await stable();
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 3 unread');
    const items = el.querySelectorAll('#notification-panel li');
    expect(items).toHaveLength(4);
    expect(items[0]!.textContent).toContain('Write in your journal');
    expect(el.querySelector('[role=status]')!.textContent).toContain('New notification: Write in your journal');

    // the same one again (a reconnect) is not counted twice
    stream.next({ data: { notificationReceived: notification('n4', { title: 'Write in your journal' }) } });
    await stable();
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 3 unread');
  });

  it('lists title, body, time and a link to the subject; user text is dir=auto', async () => {
    const { bell, stable, el } = await open();
    bell().click();
    await stable();
    const items = Array.from(el.querySelectorAll('#notification-panel li'));
    expect(items[0]!.querySelector('strong')!.getAttribute('dir')).toBe('auto');
    expect(items[0]!.querySelector('.body')!.getAttribute('dir')).toBe('auto');
    expect(items[0]!.querySelector('time')!.textContent).toBe('just now');
    const links = items.map((li) => li.querySelector('a')?.getAttribute('href'));
    expect(links).toEqual(['/planner', '/entries/e1', '/reflections/w1']);
    expect(items[0]!.textContent).toContain('(unread)');
    expect(items[2]!.textContent).not.toContain('(unread)');
  });

  it('marks one read, then all; the count follows', async () => {
    const { bell, stable, el, gql, button } = await open();
    bell().click();
    await stable();
    el.querySelector<HTMLButtonElement>('button[aria-label="Mark read: Task n1 is due"]')!.click();
    await stable();
    expect(gql.mutations).toEqual([{ ids: ['n1'] }]);
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 1 unread');
    expect(el.querySelectorAll('#notification-panel li.unread')).toHaveLength(1);
    expect(document.activeElement).toBe(el.querySelector('#notification-panel-title')); // not lost with its button

    button('Mark all read')!.click();
    await stable();
    expect(gql.mutations[1]).toEqual({ all: true });
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
    expect(el.querySelectorAll('#notification-panel li.unread')).toHaveLength(0);
    expect(button('Mark all read')!.disabled).toBe(true);
  });

  it('forgets the user\'s notifications when it goes (signed out)', async () => {
    const { bell, stable, fixture } = await open();
    bell().click();
    await stable();
    const center = TestBed.inject(NotificationCenter);
    expect(center.unread()).toBe(2);
    expect(center.items()).toHaveLength(3);
    fixture.destroy();
    expect(center.unread()).toBeNull();
    expect(center.items()).toBeNull();
  });

  it('shows older ones on request, after those listed', async () => {
    const { bell, stable, el, gql, button } = await open();
    gql.pageSize = 2;
    bell().click();
    await stable();
    expect(el.querySelectorAll('#notification-panel li')).toHaveLength(2);
    button('Show older')!.click();
    await stable();
    expect(Array.from(el.querySelectorAll('#notification-panel li strong')).map((s) => s.textContent)).toEqual(['Task n1 is due', 'مرحبا insights', 'Task n3 is due']);
    expect(button('Show older')).toBeUndefined();
  });

  it('Escape closes the list and puts focus back on the bell', async () => {
    const { bell, stable, el } = await open();
    bell().click();
    await stable();
    el.querySelector<HTMLElement>('#notification-panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await stable();
    expect(el.querySelector('#notification-panel')).toBeNull();
    expect(document.activeElement).toBe(bell());
  });
});
