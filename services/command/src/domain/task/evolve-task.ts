import type { TaskEvent } from './task-events.js';
import type { Task } from './task.js';

/** The task after one more fact; each event raises the version by exactly one. */
export function evolveTask(state: Task | null, event: TaskEvent): Task | null {
  switch (event.type) {
    case 'TaskCreated': {
      const { taskId, createdAt, ...plan } = event.data;
      return { id: taskId, ...plan, completed: false, completedAt: null, version: 1, createdAt, updatedAt: createdAt, deletedAt: null };
    }
    case 'TaskUpdated': {
      if (!state) return state;
      const { taskId: _id, changedFields: _changed, updatedAt, ...plan } = event.data;
      return { ...state, ...plan, version: state.version + 1, updatedAt };
    }
    case 'TaskCompleted':
      if (!state) return state;
      return { ...state, completed: true, completedAt: event.data.completedAt, version: state.version + 1, updatedAt: event.data.completedAt };
    case 'TaskReopened':
      if (!state) return state;
      return { ...state, completed: false, completedAt: null, version: state.version + 1, updatedAt: event.data.reopenedAt };
    case 'TaskDeleted':
      if (!state) return state;
      return { ...state, version: state.version + 1, updatedAt: event.data.deletedAt, deletedAt: event.data.deletedAt };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled task event ${JSON.stringify(unhandled)}`);
    }
  }
}
