/** A task as the write side knows it. `date` is a calendar day, `dueTime` HH:MM, instants ISO-8601. */
export interface Task extends TaskPlan {
  readonly id: string;
  readonly ownerId: string;
  /** A one-off task's completion (for a recurring task, only what V1 events once recorded: unused). */
  readonly completed: boolean;
  readonly completedAt: string | null;
  /**
   * A recurring task's completed occurrences: occurrence day `YYYY-MM-DD` → when it was completed. An edit of
   * the date or rule keeps them (TaskUpdated says nothing about them): a day no longer in the series is simply
   * never read, and counts again if the series comes back to it.
   */
  readonly completedOccurrences: Readonly<Record<string, string>>;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

/** What the owner plans and edits; completion changes only by completing and reopening. */
export interface TaskPlan {
  readonly title: string;
  readonly description: string | null;
  readonly date: string;
  readonly dueTime: string | null;
  readonly priority: Priority;
  readonly category: string;
  /** An RFC 5545 RRULE, canonical; the series starts on `date`. */
  readonly recurrence: string | null;
  /** A one-off reminder at this instant (ISO-8601, UTC), recurring or not. */
  readonly remindAt: string | null;
  /**
   * A reminder this many minutes before each occurrence's `date` + `dueTime` (09:00 when there is none) in
   * the owner's time zone. Independent of `remindAt`: a task may have both.
   */
  readonly reminderMinutesBefore: number | null;
}

export const priorities = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof priorities)[number];

/** What an unset priority or category means. */
export const taskDefaults = { priority: 'MEDIUM', category: 'general' } as const satisfies Partial<TaskPlan>;

/** Limits the write DB's CHECK constraints repeat, so a refusal is a field error, not a failed insert. */
export const taskLimits = { title: 200, description: 2_000, category: 50, reminderMinutesBefore: 10_080 } as const;
