import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Gql } from '../../core/gql';
import {
  CompleteTaskDocument, CreateTaskDocument, ScheduleEventDocument, TaskDocument, type CalendarQuery, type TaskFieldsFragment,
} from '../../graphql/generated';
import { today } from './calendar-dates';
import { PlannerPage } from './planner-page';

const day = today();
const task = (over: Partial<TaskFieldsFragment>): TaskFieldsFragment => ({
  id: 't1', title: 'Water the plants', description: null, date: day, dueTime: null, priority: 'MEDIUM', category: 'general',
  completed: false, completedAt: null, recurrence: null, occurrence: null, version: 1, remindAt: null, reminderMinutesBefore: null, ...over,
});
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

class FakeGql {
  readonly mutations: { document: unknown; variables: Record<string, unknown> }[] = [];
  readonly calendar = signal<CalendarQuery | undefined>({
    calendar: [{
      date: day,
      tasks: [
        task({}),
        task({ id: 't2', title: 'A'.repeat(180), date: yesterday, dueTime: '08:00', recurrence: 'FREQ=DAILY', occurrence: yesterday }),
        task({ id: 't3', title: 'Done already', date: yesterday, completed: true }),
      ],
      events: [{ id: 'ev1', title: 'Dentist', startsAt: `${day}T09:00:00.000Z`, endsAt: `${day}T10:00:00.000Z`, recurrence: null, version: 1 }],
    }],
  });
  async mutate(document: unknown, variables: Record<string, unknown>) {
    this.mutations.push({ document, variables });
    if (document === CreateTaskDocument) return { createTask: { task: task({}), consistencyToken: 't' } };
    if (document === CompleteTaskDocument) return { completeTask: { task: task({ completed: true }), consistencyToken: 't' } };
    if (document === ScheduleEventDocument) return { scheduleEvent: { event: {}, consistencyToken: 't' } };
    throw new Error('unexpected mutation');
  }
  async query(document: unknown) {
    if (document === TaskDocument) return { task: task({}) };
    throw new Error('unexpected query');
  }
  watch() {
    return { data: this.calendar, loading: signal(false), error: signal(undefined), refetch: async () => undefined };
  }
}

async function open() {
  const gql = new FakeGql();
  TestBed.configureTestingModule({ providers: [{ provide: Gql, useValue: gql }] });
  const fixture = TestBed.createComponent(PlannerPage);
  const el = fixture.nativeElement as HTMLElement;
  await fixture.whenStable();
  const field = <T extends HTMLElement>(selector: string) => el.querySelector<T>(selector)!;
  const type = async (selector: string, text: string) => {
    const input = field<HTMLInputElement | HTMLSelectElement>(selector);
    input.value = text;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    await fixture.whenStable();
  };
  return { gql, fixture, el, field, type };
}

describe('the planner', () => {
  it('resets the new-task form after a task is created: due time, priority and repeat too', async () => {
    const { gql, fixture, field, type } = await open();
    await type('#task-title', 'Pay rent');
    await type('#task-time', '09:30');
    await type('#task-priority', 'URGENT');
    await type('#task-repeat', 'FREQ=MONTHLY');
    field('form.new-task').dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(gql.mutations).toHaveLength(1));
    expect(gql.mutations[0]!.variables['input']).toEqual({ title: 'Pay rent', date: day, priority: 'URGENT', dueTime: '09:30', recurrence: 'FREQ=MONTHLY' });
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(field<HTMLInputElement>('#task-title').value).toBe('');
    });
    expect(field<HTMLInputElement>('#task-time').value).toBe('');
    expect(field<HTMLSelectElement>('#task-priority').value).toBe('MEDIUM');
    expect(field<HTMLSelectElement>('#task-repeat').value).toBe('');
    expect(field<HTMLInputElement>('#task-date').value).toBe(day);
  });

  it('sets a reminder in the new-task form (minutes before the due time, or at a time) and shows it on the task', async () => {
    const { gql, el, field, type, fixture } = await open();
    expect(field('label[for=task-reminder]').textContent).toBe('Reminder');
    await type('#task-title', 'Call the bank');
    await type('#task-time', '10:30');
    await type('#task-reminder', 'before');
    expect(field<HTMLInputElement>('#task-remind-before').value).toBe('15');
    expect(field('#task-remind-before').getAttribute('aria-describedby')).toBe('task-remind-before-hint');
    await type('#task-remind-before', '20000');
    expect(field('#task-remind-before').getAttribute('aria-invalid')).toBe('true');
    expect(field<HTMLButtonElement>('form.new-task button[type=submit]').disabled).toBe(true);
    await type('#task-remind-before', '30');
    field('form.new-task').dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(gql.mutations).toHaveLength(1));
    expect(gql.mutations[0]!.variables['input']).toEqual({ title: 'Call the bank', date: day, priority: 'MEDIUM', dueTime: '10:30', reminderMinutesBefore: 30 });
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(field<HTMLSelectElement>('#task-reminder').value).toBe('none');
    });
    expect(el.querySelector('#task-remind-before')).toBeNull();

    await type('#task-title', 'Pay rent');
    await type('#task-reminder', 'at');
    expect(field<HTMLInputElement>('#task-remind-at').value).toBe(`${day}T09:00`);
    field('form.new-task').dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(gql.mutations).toHaveLength(2));
    expect((gql.mutations[1]!.variables['input'] as { remindAt: string }).remindAt).toBe(new Date(`${day}T09:00`).toISOString());

    gql.calendar.update((c) => ({ calendar: c!.calendar.map((d) => ({ ...d, tasks: [...d.tasks, task({ id: 't9', title: 'Call the bank', reminderMinutesBefore: 30 })] })) }));
    await fixture.whenStable();
    const item = [...el.querySelectorAll('li.task')].find((li) => li.textContent!.includes('Call the bank'))!;
    expect(item.querySelector('.reminder')!.textContent).toContain('reminder 30 min before');
  });

  it('holds back a title over the server\'s limit, and says why', async () => {
    const { el, field, type } = await open();
    await type('#task-title', 'x'.repeat(201));
    expect(field<HTMLButtonElement>('form.new-task button[type=submit]').disabled).toBe(true);
    expect(field('#task-title').getAttribute('aria-invalid')).toBe('true');
    expect(el.textContent).toContain('A title can have at most 200 characters: this one has 201');
  });

  it('opens a task to edit when its title is clicked; only the checkbox completes it', async () => {
    const { gql, fixture, el } = await open();
    el.querySelector<HTMLButtonElement>('button[aria-label="Edit Water the plants"]')!.click();
    await fixture.whenStable();
    expect(gql.mutations).toEqual([]);
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(el.querySelector<HTMLInputElement>('mf-task-editor #edit-task-title')?.value).toBe('Water the plants');
    });
    const checkbox = el.querySelector<HTMLInputElement>('input[type=checkbox][aria-label="Complete Water the plants"]')!;
    checkbox.click();
    await vi.waitFor(() => expect(gql.mutations.map((m) => m.document)).toEqual([CompleteTaskDocument]));
  });

  it('marks an overdue occurrence, visibly and for screen readers; not a completed or a future one', async () => {
    const { el } = await open();
    const items = [...el.querySelectorAll<HTMLElement>('li.task')];
    const overdue = items.filter((li) => li.classList.contains('overdue'));
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.textContent).toContain('Overdue');
    const checkbox = overdue[0]!.querySelector('input[type=checkbox]')!;
    expect(checkbox.getAttribute('aria-label')).toBe(`Complete ${'A'.repeat(180)} on ${yesterday}`);
    expect(el.querySelector(`#${CSS.escape(checkbox.getAttribute('aria-describedby')!)}`)?.textContent).toContain('Overdue');
  });

  it('shows the day\'s events, and schedules a new one in the user\'s time zone', async () => {
    const { gql, el, field, type } = await open();
    expect(el.querySelector('li.event')?.textContent).toContain('Dentist');
    await type('#event-title', 'Yoga');
    await type('#event-date', '2030-07-01');
    await type('#event-start', '18:00');
    await type('#event-end', '19:00');
    field('form[aria-label="New event"]').dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(gql.mutations).toHaveLength(1));
    const input = gql.mutations[0]!.variables['input'] as { title: string; startsAt: string; endsAt: string };
    expect(input.title).toBe('Yoga');
    expect(new Date(input.startsAt).getTime()).toBe(new Date('2030-07-01T18:00').getTime()); // the browser's zone
    expect(new Date(input.endsAt).getTime() - new Date(input.startsAt).getTime()).toBe(3_600_000);
  });
});
