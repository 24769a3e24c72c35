import { TestBed } from '@angular/core/testing';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { TaskDocument, UpdateTaskDocument, type TaskFieldsFragment, type UpdateTaskInput } from '../../graphql/generated';
import { TaskEditor } from './task-editor';

const series: TaskFieldsFragment = {
  id: 't1', title: 'Pay rent', description: null, date: '2030-01-01', dueTime: '09:00', priority: 'HIGH', category: 'general',
  completed: false, completedAt: null, recurrence: 'FREQ=MONTHLY', occurrence: null, version: 3, remindAt: null, reminderMinutesBefore: null,
};

/** The server as the editor sees it: the task by version, CONFLICT on a stale one, a title limit, NETWORK while offline. */
class FakeGql {
  server = series;
  updates: { expectedVersion: number; input: UpdateTaskInput }[] = [];
  titleLimit = 200;
  offline = false;
  async query(document: unknown) {
    if (document !== TaskDocument) throw new Error('unexpected query');
    return { task: this.server };
  }
  async mutate(document: unknown, variables: { id: string; expectedVersion: number; input: UpdateTaskInput }) {
    if (document !== UpdateTaskDocument) throw new Error('unexpected mutation');
    this.updates.push({ expectedVersion: variables.expectedVersion, input: variables.input });
    if (this.offline) throw { code: 'NETWORK', message: 'You are offline.' } satisfies ApiError;
    if ((variables.input.title ?? '').length > this.titleLimit) {
      throw { code: 'BAD_USER_INPUT', message: `title must be at most ${this.titleLimit} characters`, field: 'title' } satisfies ApiError;
    }
    if (variables.expectedVersion !== this.server.version) throw { code: 'CONFLICT', message: 'stale', currentVersion: this.server.version } satisfies ApiError;
    this.server = { ...this.server, ...Object.fromEntries(Object.entries(variables.input).filter(([, v]) => v !== undefined)), version: this.server.version + 1 } as TaskFieldsFragment;
    return { updateTask: { task: this.server, consistencyToken: `token-${this.server.version}` } };
  }
}

async function open(gql = new FakeGql()) {
  TestBed.configureTestingModule({ providers: [{ provide: Gql, useValue: gql }] });
  const fixture = TestBed.createComponent(TaskEditor);
  // the occurrence of March whose title was clicked: the form edits the series
  fixture.componentRef.setInput('task', { ...series, date: '2030-03-01', occurrence: '2030-03-01' });
  fixture.componentRef.setInput('priorities', ['LOW', 'MEDIUM', 'HIGH', 'URGENT']);
  const saved: string[] = [];
  let closed = 0;
  fixture.componentInstance.saved.subscribe((token) => saved.push(token));
  fixture.componentInstance.closed.subscribe(() => closed++);
  const el = fixture.nativeElement as HTMLElement;
  const field = <T extends HTMLElement>(selector: string) => el.querySelector<T>(selector)!;
  await vi.waitFor(async () => {
    await fixture.whenStable();
    expect(el.querySelector<HTMLInputElement>('#edit-task-title')?.value).toBe('Pay rent');
  });
  const type = async (selector: string, text: string) => {
    const input = field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(selector);
    input.value = text;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    await fixture.whenStable();
  };
  const submit = async () => {
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    await vi.waitFor(() => expect(field<HTMLButtonElement>('button[type=submit]').textContent).not.toContain('Saving'));
    await fixture.whenStable();
  };
  return { gql, fixture, el, field, type, submit, saved, closed: () => closed };
}

describe('editing a task', () => {
  it('starts from the whole series (its first day, not the occurrence clicked) and sends only what changed', async () => {
    const { gql, field, type, submit, saved } = await open();
    expect(field<HTMLInputElement>('#edit-task-date').value).toBe('2030-01-01');
    expect(field<HTMLSelectElement>('#edit-task-repeat').value).toBe('FREQ=MONTHLY');
    await type('#edit-task-title', 'Pay the rent');
    await type('#edit-task-time', '');
    await submit();
    expect(gql.updates).toEqual([{ expectedVersion: 3, input: { title: 'Pay the rent', dueTime: null } }]);
    expect(saved).toEqual(['token-4']);
  });

  it('checks the limits as one types: a title over 200 characters is pointed at and not sent', async () => {
    const { gql, el, field, type, submit } = await open();
    await type('#edit-task-title', 'x'.repeat(201));
    expect(field('#edit-task-title').getAttribute('aria-invalid')).toBe('true');
    expect(el.textContent).toContain('A title can have at most 200 characters: this one has 201');
    expect(field<HTMLButtonElement>('button[type=submit]').disabled).toBe(true);
    await submit();
    expect(gql.updates).toEqual([]);
    await type('#edit-task-title', '');
    expect(el.textContent).toContain('A task needs a title.');
  });

  it('keeps what was typed when the server refuses it, and points at the refused field', async () => {
    const gql = new FakeGql();
    gql.titleLimit = 10; // stricter than the client knows: only the server can refuse it
    const { el, field, type, submit, saved } = await open(gql);
    await type('#edit-task-title', 'Pay the rent on time');
    await type('#edit-task-description', 'Standing order');
    await submit();
    expect(saved).toEqual([]);
    expect(el.querySelector('#edit-task-title-problem')?.textContent).toBe('Title must be at most 10 characters.');
    expect(field<HTMLInputElement>('#edit-task-title').value).toBe('Pay the rent on time');
    expect(field<HTMLTextAreaElement>('#edit-task-description').value).toBe('Standing order');
    await type('#edit-task-title', 'Pay rent!');
    expect(el.querySelector('#edit-task-title-problem')).toBeNull(); // being fixed
    await submit();
    expect(saved).toEqual(['token-4']);
  });

  it('keeps what was typed when the network is down, and says so', async () => {
    const gql = new FakeGql();
    gql.offline = true;
    const { el, field, type, submit, saved } = await open(gql);
    await type('#edit-task-title', 'Pay rent early');
    await submit();
    expect(saved).toEqual([]);
    expect(el.querySelector('[role=alert]')?.textContent).toContain('You are offline.');
    expect(field<HTMLInputElement>('#edit-task-title').value).toBe('Pay rent early');
    gql.offline = false;
    await submit();
    expect(saved).toEqual(['token-4']);
  });

  it('changed elsewhere meanwhile: shows it, keeps the changes made here, takes the others, and saves on top', async () => {
    const { gql, el, field, type, submit, saved } = await open();
    gql.server = { ...gql.server, priority: 'LOW', version: 4 };
    await type('#edit-task-title', 'Pay the rent');
    await submit();
    expect(saved).toEqual([]);
    expect(el.textContent).toContain('changed somewhere else meanwhile');
    expect(field<HTMLInputElement>('#edit-task-title').value).toBe('Pay the rent');
    expect(field<HTMLSelectElement>('#edit-task-priority').value).toBe('LOW'); // not touched here: theirs
    await submit();
    expect(gql.updates.at(-1)).toEqual({ expectedVersion: 4, input: { title: 'Pay the rent' } });
    expect(saved).toEqual(['token-5']);
  });

  it('asks before closing with changes; closes at once without', async () => {
    const { el, fixture, type, closed } = await open();
    const cancel = () => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Cancel' && !b.closest('mf-confirm-dialog'))!;
    await type('#edit-task-title', 'Pay the rent');
    cancel().click();
    await fixture.whenStable();
    expect(el.querySelector('[role=alertdialog]')?.textContent).toContain('Discard your changes to this task?');
    expect(closed()).toBe(0);
    el.querySelector<HTMLButtonElement>('mf-confirm-dialog button.danger')!.click();
    await fixture.whenStable();
    expect(closed()).toBe(1);
  });
});

describe('a task\'s reminder in the editor', () => {
  it('starts from the one the task has, and sends a change or its removal (null)', async () => {
    const gql = new FakeGql();
    gql.server = { ...series, reminderMinutesBefore: 30 };
    const { field, type, submit, el } = await open(gql);
    expect(field<HTMLSelectElement>('#edit-task-reminder').value).toBe('before');
    expect(field<HTMLInputElement>('#edit-task-remind-before').value).toBe('30');
    expect(el.querySelector('#edit-task-remind-before-hint')!.textContent).toContain('every occurrence');
    await type('#edit-task-remind-before', '60');
    await submit();
    expect(gql.updates.at(-1)).toEqual({ expectedVersion: 3, input: { reminderMinutesBefore: 60 } });

    await type('#edit-task-reminder', 'none');
    expect(el.querySelector('#edit-task-remind-before')).toBeNull();
    await submit();
    expect(gql.updates.at(-1)).toEqual({ expectedVersion: 4, input: { reminderMinutesBefore: null } });
  });
});
