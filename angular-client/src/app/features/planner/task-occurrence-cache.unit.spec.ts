import { cacheTypePolicies } from '../../core/apollo-setup';
import { CalendarDocument, type CalendarQuery, type TaskFieldsFragment } from '../../graphql/generated';

// As the server answers them, with __typename (which the cache keys by; the generated types leave it out).
const task = (over: Partial<TaskFieldsFragment>) => ({
  __typename: 'Task', id: 'c0ffee00-0000-4000-8000-000000000001', title: 'Pay rent', description: null, date: '2030-01-01', dueTime: null,
  priority: 'MEDIUM', category: 'general', completed: false, completedAt: null, recurrence: 'FREQ=MONTHLY', occurrence: null, version: 2,
  remindAt: null, reminderMinutesBefore: null, ...over,
});

describe('the client cache and occurrences of a recurring task', () => {
  it('keeps each occurrence apart: one ticked day does not tick the others', () => {
    const cache = cacheTypePolicies();
    const day = (date: string, t: ReturnType<typeof task>) => ({ __typename: 'CalendarDay', date, tasks: [t], events: [] });
    const data = {
      calendar: [
        day('2030-02-01', task({ date: '2030-02-01', occurrence: '2030-02-01', completed: true, completedAt: '2030-02-01T18:00:00.000Z' })),
        day('2030-03-01', task({ date: '2030-03-01', occurrence: '2030-03-01' })),
      ],
    } as unknown as CalendarQuery;
    const variables = { start: '2030-02-01', end: '2030-03-01' };
    cache.writeQuery({ query: CalendarDocument, variables, data });
    const read = cache.readQuery({ query: CalendarDocument, variables });
    expect(read?.calendar.map((d) => [d.tasks[0]?.occurrence, d.tasks[0]?.completed])).toEqual([['2030-02-01', true], ['2030-03-01', false]]);
  });

  it('keys a one-off task by its id alone, as before', () => {
    const cache = cacheTypePolicies();
    expect(cache.identify(task({ recurrence: null }))).toBe('Task:{"id":"c0ffee00-0000-4000-8000-000000000001"}');
  });
});
