import {
  afterCreate, canSaveEvent, canSaveTask, createTaskInput, draftOfTask, eventProblems, newEventDraft, newTaskDraft,
  rebaseTaskDraft, recurrenceChoices, taskChanges, taskProblems,
} from './task-draft';
import { noReminder } from './task-reminder';

describe('the new-task form', () => {
  it('is blank again after a task is created: due time, priority and repeat reset, the day kept', () => {
    const typed = { ...newTaskDraft('2030-03-10'), title: 'Pay rent', description: 'online', dueTime: '09:30', priority: 'URGENT' as const, recurrence: 'FREQ=MONTHLY' };
    expect(afterCreate({ ...typed, reminder: 'before', reminderMinutesBefore: '30' })).toEqual({ title: '', description: '', date: '2030-03-10', dueTime: '', priority: 'MEDIUM', recurrence: '', ...noReminder });
  });

  it('sends what was set, trimmed, and leaves out what was not', () => {
    expect(createTaskInput({ ...newTaskDraft('2030-03-10'), title: '  Pay rent ' })).toEqual({ title: 'Pay rent', date: '2030-03-10', priority: 'MEDIUM' });
    expect(createTaskInput({ ...newTaskDraft('2030-03-10'), title: 'Run', dueTime: '07:00', recurrence: 'FREQ=DAILY', description: ' 5 km ' }))
      .toEqual({ title: 'Run', date: '2030-03-10', priority: 'MEDIUM', dueTime: '07:00', recurrence: 'FREQ=DAILY', description: '5 km' });
  });
});

describe('task validation as one types (the server\'s limits)', () => {
  const draft = { ...newTaskDraft('2030-03-10'), title: 'Pay rent' };

  it('passes an ordinary task, and 200 characters of title (trimmed, as the server counts)', () => {
    expect(taskProblems(draft)).toEqual({});
    expect(taskProblems({ ...draft, title: `  ${'x'.repeat(200)}  ` })).toEqual({});
    expect(canSaveTask({ ...draft, title: 'x'.repeat(200) })).toBe(true);
  });

  it('points at a title over 200 and a description over 2,000 characters', () => {
    const problems = taskProblems({ ...draft, title: 'x'.repeat(201), description: 'y'.repeat(2_001) });
    expect(problems.title).toBe('A title can have at most 200 characters: this one has 201. Shorten it to save.');
    expect(problems.description).toContain('at most 2,000 characters: this one has 2,001');
    expect(canSaveTask({ ...draft, title: 'x'.repeat(201) })).toBe(false);
  });

  it('holds back a task without a title, a date or with a malformed due time', () => {
    expect(canSaveTask({ ...draft, title: '   ' })).toBe(false);
    expect(taskProblems({ ...draft, date: '' }).date).toBe('Choose a date.');
    expect(taskProblems({ ...draft, dueTime: '25:00' }).dueTime).toContain('hours and minutes');
  });
});

describe('editing a task', () => {
  const saved = draftOfTask({ title: 'Pay rent', description: null, date: '2030-03-01', dueTime: '09:00', priority: 'HIGH', recurrence: 'FREQ=MONTHLY' });

  it('starts from the task as the server has it', () => {
    expect(saved).toEqual({ title: 'Pay rent', description: '', date: '2030-03-01', dueTime: '09:00', priority: 'HIGH', recurrence: 'FREQ=MONTHLY', ...noReminder });
  });

  it('sends only what changed; a cleared due time or repeat is null', () => {
    expect(taskChanges(saved, saved)).toEqual({});
    expect(taskChanges(saved, { ...saved, title: ' Pay the rent ' })).toEqual({ title: 'Pay the rent' });
    expect(taskChanges(saved, { ...saved, dueTime: '', recurrence: '', priority: 'LOW', description: 'by transfer' }))
      .toEqual({ dueTime: null, recurrence: null, priority: 'LOW', description: 'by transfer' });
  });

  it('changed elsewhere meanwhile: merged field by field, what was typed here wins only where it was typed', () => {
    const theirs = { ...saved, priority: 'LOW' as const, title: 'Rent' };
    const mine = { ...saved, dueTime: '18:00' };
    expect(rebaseTaskDraft(saved, mine, theirs)).toEqual({ ...saved, priority: 'LOW', title: 'Rent', dueTime: '18:00' });
    expect(rebaseTaskDraft(saved, { ...saved, title: 'Mine' }, theirs).title).toBe('Mine');
  });

  it('keeps a repeat rule set elsewhere as a choice', () => {
    expect(recurrenceChoices('FREQ=WEEKLY').map((c) => c.value)).not.toContain('FREQ=WEEKLY;BYDAY=MO,TH');
    expect(recurrenceChoices('FREQ=WEEKLY;BYDAY=MO,TH').at(-1)).toEqual({ value: 'FREQ=WEEKLY;BYDAY=MO,TH', label: 'Custom (FREQ=WEEKLY;BYDAY=MO,TH)' });
  });
});

describe('the new-event form', () => {
  const draft = { ...newEventDraft('2030-03-10'), title: 'Dentist' };

  it('starts at 09:00–10:00 and accepts an ordinary event', () => {
    expect(draft.start).toBe('09:00');
    expect(eventProblems(draft)).toEqual({});
    expect(canSaveEvent(draft)).toBe(true);
  });

  it('refuses an end before the start and a title over 200 characters', () => {
    expect(eventProblems({ ...draft, start: '11:00', end: '10:00' }).endsAt).toBe('An event cannot end before it starts.');
    expect(eventProblems({ ...draft, title: 'x'.repeat(201) }).title).toContain('at most 200 characters');
    expect(canSaveEvent({ ...draft, title: '' })).toBe(false);
  });
});
