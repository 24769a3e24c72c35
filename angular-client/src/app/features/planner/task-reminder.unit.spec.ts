import { createTaskInput, draftOfTask, newTaskDraft, taskChanges, taskProblems } from './task-draft';
import { chooseReminder, reminderDraftOf, reminderFields, reminderLabel } from './task-reminder';

describe('a task reminder', () => {
  const draft = { ...newTaskDraft('2030-03-10'), title: 'Call the bank', dueTime: '10:30' };

  it('none by default; choosing a mode starts from the due day and time, or 15 minutes before', () => {
    expect(draft.reminder).toBe('none');
    expect(chooseReminder('at', draft)).toEqual({ reminder: 'at', remindAt: '2030-03-10T10:30', reminderMinutesBefore: '' });
    expect(chooseReminder('at', { ...draft, dueTime: '' }).remindAt).toBe('2030-03-10T09:00');
    expect(chooseReminder('before', draft)).toEqual({ reminder: 'before', remindAt: '', reminderMinutesBefore: '15' });
    expect(chooseReminder('none', { ...draft, reminder: 'before', reminderMinutesBefore: '15' })).toEqual({ reminder: 'none', remindAt: '', reminderMinutesBefore: '' });
  });

  it('at a time: the wall clock in the user\'s zone becomes an instant (remindAt), both ways', () => {
    expect(reminderFields({ reminder: 'at', remindAt: '2030-03-10T10:30', reminderMinutesBefore: '' }, 'Europe/Berlin'))
      .toEqual({ remindAt: '2030-03-10T09:30:00.000Z', reminderMinutesBefore: null });
    expect(reminderFields({ reminder: 'at', remindAt: '2030-07-10T10:30', reminderMinutesBefore: '' }, 'America/New_York').remindAt).toBe('2030-07-10T14:30:00.000Z');
    expect(reminderDraftOf({ remindAt: '2030-03-10T09:30:00.000Z', reminderMinutesBefore: null }, 'Europe/Berlin'))
      .toEqual({ reminder: 'at', remindAt: '2030-03-10T10:30', reminderMinutesBefore: '' });
  });

  it('is sent with a new task only when set', () => {
    expect(createTaskInput(draft)).not.toHaveProperty('remindAt');
    expect(createTaskInput(draft)).not.toHaveProperty('reminderMinutesBefore');
    expect(createTaskInput({ ...draft, reminder: 'before', reminderMinutesBefore: '45' })).toMatchObject({ reminderMinutesBefore: 45 });
    expect(createTaskInput({ ...draft, reminder: 'before', reminderMinutesBefore: '0' })).toMatchObject({ reminderMinutesBefore: 0 });
    expect(createTaskInput({ ...draft, reminder: 'at', remindAt: '2030-03-10T08:00' }).remindAt).toMatch(/^2030-03-10T\d\d:00:00\.000Z$/);
  });

  it('an edit sends what changed: a new reminder, one cleared (null), one switched from a time to minutes', () => {
    const saved = draftOfTask({ title: 'Call', description: null, date: '2030-03-10', dueTime: '10:30', priority: 'HIGH', recurrence: null, remindAt: null, reminderMinutesBefore: 30 });
    expect(saved.reminder).toBe('before');
    expect(taskChanges(saved, saved)).toEqual({});
    expect(taskChanges(saved, { ...saved, reminderMinutesBefore: '60' })).toEqual({ reminderMinutesBefore: 60 });
    expect(taskChanges(saved, { ...saved, ...chooseReminder('none', saved) })).toEqual({ reminderMinutesBefore: null });
    const atTime = taskChanges(saved, { ...saved, ...chooseReminder('at', saved) });
    expect(atTime.reminderMinutesBefore).toBeNull();
    expect(typeof atTime.remindAt).toBe('string');
  });

  it('refuses minutes that are not a whole number from 0 to a week, and an empty time', () => {
    expect(taskProblems({ ...draft, reminder: 'before', reminderMinutesBefore: '10081' }).reminderMinutesBefore).toContain('0 to 10080');
    expect(taskProblems({ ...draft, reminder: 'before', reminderMinutesBefore: '1.5' }).reminderMinutesBefore).toBeDefined();
    expect(taskProblems({ ...draft, reminder: 'before', reminderMinutesBefore: '10080' })).toEqual({});
    expect(taskProblems({ ...draft, reminder: 'at', remindAt: '' }).remindAt).toBe('Choose the day and time of the reminder.');
  });

  it('reads on the task', () => {
    expect(reminderLabel({ remindAt: null, reminderMinutesBefore: null })).toBeNull();
    expect(reminderLabel({ remindAt: null, reminderMinutesBefore: 15 })).toBe('reminder 15 min before');
    expect(reminderLabel({ remindAt: null, reminderMinutesBefore: 120 })).toBe('reminder 2 h before');
    expect(reminderLabel({ remindAt: null, reminderMinutesBefore: 0 })).toBe('reminder at the due time');
    expect(reminderLabel({ remindAt: '2030-03-10T09:30:00.000Z', reminderMinutesBefore: null }, 'Europe/Berlin')).toMatch(/^reminder .*10:30/);
  });
});
