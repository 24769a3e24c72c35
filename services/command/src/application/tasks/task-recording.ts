import { evolveTask } from '../../domain/task/evolve-task.js';
import type { Task } from '../../domain/task/task.js';
import type { TaskEvent } from '../../domain/task/task-events.js';
import type { AggregateRecording, Recorded } from '../record-facts.js';
import { taskEnvelope } from './task-envelope.js';

export const taskRecording: AggregateRecording<Task, TaskEvent> = { name: 'task', evolve: evolveTask, envelope: taskEnvelope, rows: (tx) => tx.tasks };

export type TaskWritten = Recorded<Task>;
