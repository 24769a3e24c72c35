import { changed, created, softDeleted } from '../shared/evolve-steps.js';
import type { TaskEvent } from './task-events.js';
import type { Task } from './task.js';

/** The task after one more fact; each event raises the version by exactly one. */
export function evolveTask(state: Task | null, event: TaskEvent): Task | null {
  switch (event.type) {
    case 'TaskCreated': {
      const { taskId, createdAt, ...plan } = event.data;
      return created(taskId, { ...plan, completed: false, completedAt: null, completedOccurrences: {} }, createdAt);
    }
    case 'TaskUpdated': {
      const { taskId: _id, changedFields: _changed, updatedAt, ...plan } = event.data;
      return state && changed(state, updatedAt, plan);
    }
    case 'TaskCompleted': {
      if (!state) return state;
      const { occurrence, completedAt } = event.data;
      const completion =
        occurrence === null
          ? { completed: true, completedAt }
          : { completedOccurrences: { ...state.completedOccurrences, [occurrence]: completedAt } };
      return changed(state, completedAt, completion);
    }
    case 'TaskReopened': {
      if (!state) return state;
      const { occurrence, reopenedAt } = event.data;
      const completion =
        occurrence === null
          ? { completed: false, completedAt: null }
          : { completedOccurrences: Object.fromEntries(Object.entries(state.completedOccurrences).filter(([day]) => day !== occurrence)) };
      return changed(state, reopenedAt, completion);
    }
    case 'TaskDeleted':
      return state && softDeleted(state, event.data.deletedAt);
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled task event ${JSON.stringify(unhandled)}`);
    }
  }
}
