import type { TaskEvent } from './task-events.js';
import type { Task } from './task.js';

/** The task after one more fact; each event raises the version by exactly one. */
export function evolveTask(state: Task | null, event: TaskEvent): Task | null {
  switch (event.type) {
    case 'TaskCreated': {
      const { taskId, createdAt, ...plan } = event.data;
      return {
        id: taskId, ...plan, completed: false, completedAt: null, completedOccurrences: {}, version: 1, createdAt, updatedAt: createdAt, deletedAt: null,
      };
    }
    case 'TaskUpdated': {
      if (!state) return state;
      const { taskId: _id, changedFields: _changed, updatedAt, ...plan } = event.data;
      return { ...state, ...plan, version: state.version + 1, updatedAt };
    }
    case 'TaskCompleted': {
      if (!state) return state;
      const { occurrence, completedAt } = event.data;
      const completion =
        occurrence === null
          ? { completed: true, completedAt }
          : { completedOccurrences: { ...state.completedOccurrences, [occurrence]: completedAt } };
      return { ...state, ...completion, version: state.version + 1, updatedAt: completedAt };
    }
    case 'TaskReopened': {
      if (!state) return state;
      const { occurrence, reopenedAt } = event.data;
      const completion =
        occurrence === null
          ? { completed: false, completedAt: null }
          : { completedOccurrences: Object.fromEntries(Object.entries(state.completedOccurrences).filter(([day]) => day !== occurrence)) };
      return { ...state, ...completion, version: state.version + 1, updatedAt: reopenedAt };
    }
    case 'TaskDeleted':
      if (!state) return state;
      return { ...state, version: state.version + 1, updatedAt: event.data.deletedAt, deletedAt: event.data.deletedAt };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled task event ${JSON.stringify(unhandled)}`);
    }
  }
}
