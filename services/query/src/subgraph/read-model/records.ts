/** `enum Mood` of schema.graphql; the events carry the same spellings, so rows hold them as they are. */
export const moods = ['GREAT', 'GOOD', 'OKAY', 'LOW', 'BAD', 'STRESSED', 'ANXIOUS', 'CALM', 'GRATEFUL'] as const;
export type Mood = (typeof moods)[number];

// What resolvers hand to GraphQL: read-side rows in the API's words. Mutations build the same shapes
// from the command service's answer, so one set of field resolvers serves both.

export interface JournalRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly name: string;
  readonly description: string | null;
  readonly color: string | null;
  readonly icon: string | null;
  readonly isPrivate: boolean;
  readonly version: number;
  /** A read-side figure: absent on a journal as the command side answered it (the resolver reads it then). */
  readonly entryCount?: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface EntryRecord {
  readonly id: string;
  readonly journalId: string;
  readonly ownerId: string;
  readonly title: string | null;
  readonly content: string;
  readonly mood: Mood | null;
  readonly tags: readonly string[];
  readonly wordCount: number;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ThoughtRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly text: string;
  readonly tags: readonly string[];
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** `enum Priority` of schema.graphql, spelled as the events spell it. */
export const priorities = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof priorities)[number];

/**
 * A task. `date` is a calendar day (`YYYY-MM-DD`); for an occurrence of a recurring task it is the
 * occurrence's day (then `occurrence` too, and `completed`/`completedAt` are that occurrence's), the
 * series' own date everywhere else. `dueTime` is `HH:MM`.
 */
export interface TaskRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly title: string;
  readonly description: string | null;
  readonly date: string;
  readonly dueTime: string | null;
  readonly priority: Priority;
  readonly category: string;
  readonly completed: boolean;
  readonly completedAt: Date | null;
  readonly recurrence: string | null;
  /** The one-off reminder's instant; `reminderMinutesBefore` counts before each occurrence's due time. */
  readonly remindAt: Date | null;
  readonly reminderMinutesBefore: number | null;
  /** Set on an occurrence of a recurring task: its day. */
  readonly occurrence: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A calendar event; in a calendar day, `startsAt`/`endsAt` are the occurrence's. */
export interface CalendarEventRecord {
  readonly id: string;
  readonly ownerId: string;
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly recurrence: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
