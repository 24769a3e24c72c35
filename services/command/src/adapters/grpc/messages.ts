import type { CalendarEventResult, DeleteResult, EntryResult, JournalResult, TaskResult, ThoughtResult } from '@mindflow/proto';
import type { CalendarEventWritten } from '../../application/calendar-events/calendar-event-recording.js';
import type { EntryWritten } from '../../application/entries/entry-recording.js';
import type { JournalWritten } from '../../application/journals/journal-recording.js';
import type { TaskWritten } from '../../application/tasks/task-recording.js';
import type { ThoughtWritten } from '../../application/thoughts/thought-recording.js';

// proto3 `optional` fields are left out when null; nothing else is renamed (camelCase on both sides).
const present = <T>(value: T | null) => (value === null ? undefined : value);

export function journalResult({ journal, consistencyToken }: JournalWritten): JournalResult {
  return {
    journal: {
      id: journal.id,
      name: journal.name,
      description: present(journal.description),
      color: present(journal.color),
      icon: present(journal.icon),
      isPrivate: journal.isPrivate,
      version: journal.version,
      createdAt: journal.createdAt,
      updatedAt: journal.updatedAt,
    },
    consistencyToken,
  };
}

export function entryResult({ entry, consistencyToken }: EntryWritten): EntryResult {
  return {
    entry: {
      id: entry.id,
      journalId: entry.journalId,
      title: present(entry.title),
      content: entry.content,
      mood: present(entry.mood),
      tags: [...entry.tags],
      wordCount: entry.wordCount,
      weather: present(entry.weather),
      location: present(entry.location),
      version: entry.version,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
    },
    consistencyToken,
  };
}

export function thoughtResult({ state: thought, consistencyToken }: ThoughtWritten): ThoughtResult {
  return {
    thought: {
      id: thought.id,
      text: thought.text,
      tags: [...thought.tags],
      version: thought.version,
      createdAt: thought.createdAt,
      updatedAt: thought.updatedAt,
    },
    consistencyToken,
  };
}

/**
 * The task as the caller sees it; for an occurrence of a recurring task (what completing or reopening one
 * answers), that occurrence's completion, with its date.
 */
export function taskResult({ state: task, consistencyToken }: TaskWritten, occurrence?: string): TaskResult {
  const ofOccurrence =
    occurrence !== undefined && task.recurrence !== null
      ? { occurrence, completed: Object.hasOwn(task.completedOccurrences, occurrence), completedAt: task.completedOccurrences[occurrence] }
      : {};
  return {
    task: {
      id: task.id,
      title: task.title,
      description: present(task.description),
      date: task.date,
      dueTime: present(task.dueTime),
      priority: task.priority,
      category: task.category,
      completed: task.completed,
      completedAt: present(task.completedAt),
      recurrence: present(task.recurrence),
      remindAt: present(task.remindAt),
      reminderMinutesBefore: present(task.reminderMinutesBefore),
      version: task.version,
      createdAt: task.createdAt,
      updatedAt: task.updatedAt,
      ...ofOccurrence,
    },
    consistencyToken,
  };
}

export function calendarEventResult({ state: event, consistencyToken }: CalendarEventWritten): CalendarEventResult {
  return {
    event: {
      id: event.id,
      title: event.title,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      recurrence: present(event.recurrence),
      version: event.version,
      createdAt: event.createdAt,
      updatedAt: event.updatedAt,
    },
    consistencyToken,
  };
}

export function deleteResult(written: { id: string; version: number; deletedAt: string | null; consistencyToken: string }): DeleteResult {
  return {
    id: written.id,
    version: written.version,
    deletedAt: written.deletedAt ?? '',
    consistencyToken: written.consistencyToken,
  };
}
