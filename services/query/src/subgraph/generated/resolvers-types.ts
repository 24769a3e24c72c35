/* eslint-disable */
// Generated from ../schema.graphql by the project's codegen.ts (@mindflow/subgraph/codegen). Do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { JournalRecord, EntryRecord, ThoughtRecord, TaskRecord, CalendarEventRecord, JournalConnectionParent, EntryConnectionParent, ThoughtConnectionParent, TaskConnectionParent, CalendarEventConnectionParent, DashboardRoot, UserKey } from '../resolvers/parents.js';
import type { SubgraphContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
  /** An ISO-8601 instant, e.g. 2030-01-31T09:30:00.000Z. */
  DateTime: { input: Date; output: Date | string; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
};

export type Mood =
  | 'GREAT'
  | 'GOOD'
  | 'OKAY'
  | 'LOW'
  | 'BAD'
  | 'STRESSED'
  | 'ANXIOUS'
  | 'CALM'
  | 'GRATEFUL';

/** Owned by the identity subgraph; this subgraph adds the caller's journals and analytics (empty for anyone else). */
export type User = {
  readonly __typename?: 'User';
  readonly id: Scalars['ID']['output'];
  readonly journals: JournalConnection;
  /** One point per UTC day of the last `days` (1 … 366) days, oldest first, today (UTC) last; days without entries have entryCount 0. */
  readonly moodTrend: ReadonlyArray<MoodPoint>;
  /** Consecutive UTC days with at least one entry, ending today or yesterday (UTC); 0 otherwise. */
  readonly streak: Scalars['Int']['output'];
};


/** Owned by the identity subgraph; this subgraph adds the caller's journals and analytics (empty for anyone else). */
export type UserJournalsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** Owned by the identity subgraph; this subgraph adds the caller's journals and analytics (empty for anyone else). */
export type UserMoodTrendArgs = {
  days?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * One UTC day of the caller's entries: the most frequent mood (ties: the latest entry's; null when no entry
 * has one), the average sentiment of the day's analysed entries (null before any insights) and how many entries.
 */
export type MoodPoint = {
  readonly __typename?: 'MoodPoint';
  readonly date: Scalars['Date']['output'];
  readonly mood?: Maybe<Mood>;
  readonly averageSentiment?: Maybe<Scalars['Float']['output']>;
  readonly entryCount: Scalars['Int']['output'];
  readonly wordCount: Scalars['Int']['output'];
};

/**
 * The tasks of a date range counted as Query.tasks lists them: with both bounds, each occurrence of a
 * recurring task in the range counts (and is completed or not) on its own; otherwise each task once.
 */
export type TaskStats = {
  readonly __typename?: 'TaskStats';
  readonly total: Scalars['Int']['output'];
  readonly completed: Scalars['Int']['output'];
  /** completed / total; 0 when there are no tasks. */
  readonly completionRate: Scalars['Float']['output'];
};

/** Owned by the insights subgraph; the dashboard only names which ones. */
export type Insights = {
  readonly __typename?: 'Insights';
  readonly entryId: Scalars['ID']['output'];
};

/** The caller's home screen. */
export type Dashboard = {
  readonly __typename?: 'Dashboard';
  /** The 5 newest live entries, across journals. */
  readonly recentEntries: ReadonlyArray<Entry>;
  /** The last 30 UTC days, as User.moodTrend. */
  readonly moodTrend: ReadonlyArray<MoodPoint>;
  readonly streak: Scalars['Int']['output'];
  /** The tasks (occurrences, with both bounds) of [from, to] (either bound may be left out), like Query.tasks. */
  readonly taskStats: TaskStats;
  /** The insights of the 5 entries analysed most recently (live entries only), newest first. */
  readonly latestInsights: ReadonlyArray<Insights>;
};


/** The caller's home screen. */
export type DashboardTaskStatsArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};

export type Journal = {
  readonly __typename?: 'Journal';
  readonly id: Scalars['ID']['output'];
  readonly name: Scalars['String']['output'];
  readonly description?: Maybe<Scalars['String']['output']>;
  readonly color?: Maybe<Scalars['String']['output']>;
  readonly icon?: Maybe<Scalars['String']['output']>;
  readonly isPrivate: Scalars['Boolean']['output'];
  readonly version: Scalars['Int']['output'];
  readonly createdAt: Scalars['DateTime']['output'];
  readonly updatedAt: Scalars['DateTime']['output'];
  readonly entryCount: Scalars['Int']['output'];
  /** Newest first. */
  readonly entries: EntryConnection;
  /**
   * Oldest first (by createdAt, then id), only those whose UTC day lies in [from, to] (either bound may be left out):
   * the media service's journal export reads a journal page by page through it, as the caller. Not in the public API
   * (@inaccessible): the gateway never serves it; only a service calling this subgraph directly, with a signed caller
   * header, does.
   */
  readonly entriesOldestFirst: EntryConnection;
};


export type JournalEntriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type JournalEntriesOldestFirstArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};

export type Entry = {
  readonly __typename?: 'Entry';
  readonly id: Scalars['ID']['output'];
  readonly journal: Journal;
  readonly title?: Maybe<Scalars['String']['output']>;
  readonly content: Scalars['String']['output'];
  readonly mood?: Maybe<Mood>;
  readonly tags: ReadonlyArray<Scalars['String']['output']>;
  readonly wordCount: Scalars['Int']['output'];
  readonly version: Scalars['Int']['output'];
  readonly createdAt: Scalars['DateTime']['output'];
  readonly updatedAt: Scalars['DateTime']['output'];
};

export type Priority =
  | 'LOW'
  | 'MEDIUM'
  | 'HIGH'
  | 'URGENT';

/**
 * A planned task, or one occurrence of a recurring one. `recurrence` is an RFC 5545 RRULE (e.g.
 * FREQ=WEEKLY;BYDAY=MO,TH) repeating it from its first day. An occurrence (in a `CalendarDay`, in
 * `tasks(from, to)`, and what completeTask/reopenTask with an occurrence answer) has `occurrence` and `date` set
 * to its day, and its own `completed`/`completedAt`: each occurrence is completed on its own. Everywhere else
 * `date` is the series' first day and `occurrence` is null.
 */
export type Task = {
  readonly __typename?: 'Task';
  readonly id: Scalars['ID']['output'];
  readonly title: Scalars['String']['output'];
  readonly description?: Maybe<Scalars['String']['output']>;
  readonly date: Scalars['Date']['output'];
  /** HH:MM */
  readonly dueTime?: Maybe<Scalars['String']['output']>;
  readonly priority: Priority;
  readonly category: Scalars['String']['output'];
  readonly completed: Scalars['Boolean']['output'];
  readonly completedAt?: Maybe<Scalars['DateTime']['output']>;
  readonly recurrence?: Maybe<Scalars['String']['output']>;
  /** The day of this occurrence of a recurring task; null for a one-off task and for a series as a whole. */
  readonly occurrence?: Maybe<Scalars['Date']['output']>;
  /** A one-off reminder at this instant; null: none. */
  readonly remindAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * A reminder this many minutes (0 to 10080) before each occurrence's date + dueTime (09:00 when there is no
   * dueTime), in the owner's time zone; recurring tasks included. Independent of remindAt: a task may have both.
   */
  readonly reminderMinutesBefore?: Maybe<Scalars['Int']['output']>;
  readonly version: Scalars['Int']['output'];
  readonly createdAt: Scalars['DateTime']['output'];
  readonly updatedAt: Scalars['DateTime']['output'];
  /**
   * The completed occurrences of a recurring task, by day (empty for a one-off task, whose completion is its own
   * `completed`): the media service's account export reads them. Not in the public API (@inaccessible).
   */
  readonly completedOccurrences: ReadonlyArray<TaskOccurrenceCompletion>;
};

/** One completed day of a recurring task (Task.completedOccurrences, @inaccessible). */
export type TaskOccurrenceCompletion = {
  readonly __typename?: 'TaskOccurrenceCompletion';
  readonly occurrence: Scalars['Date']['output'];
  readonly completedAt: Scalars['DateTime']['output'];
};

/**
 * A span of time. In a `CalendarDay`, `startsAt` and `endsAt` are those of that occurrence; everywhere
 * else the first occurrence's. `recurrence` (RFC 5545 RRULE) repeats it from `startsAt` (UTC).
 */
export type CalendarEvent = {
  readonly __typename?: 'CalendarEvent';
  readonly id: Scalars['ID']['output'];
  readonly title: Scalars['String']['output'];
  readonly startsAt: Scalars['DateTime']['output'];
  readonly endsAt: Scalars['DateTime']['output'];
  readonly recurrence?: Maybe<Scalars['String']['output']>;
  readonly version: Scalars['Int']['output'];
  readonly createdAt: Scalars['DateTime']['output'];
  readonly updatedAt: Scalars['DateTime']['output'];
};

/** One UTC day of the calendar: the tasks and calendar events that occur on it. */
export type CalendarDay = {
  readonly __typename?: 'CalendarDay';
  readonly date: Scalars['Date']['output'];
  /** By due time (tasks without one last), then title. */
  readonly tasks: ReadonlyArray<Task>;
  /** By start. */
  readonly events: ReadonlyArray<CalendarEvent>;
};

/** A quick note with tags. */
export type Thought = {
  readonly __typename?: 'Thought';
  readonly id: Scalars['ID']['output'];
  readonly text: Scalars['String']['output'];
  readonly tags: ReadonlyArray<Scalars['String']['output']>;
  readonly createdAt: Scalars['DateTime']['output'];
  readonly updatedAt: Scalars['DateTime']['output'];
  readonly version: Scalars['Int']['output'];
};

export type PageInfo = {
  readonly __typename?: 'PageInfo';
  readonly hasNextPage: Scalars['Boolean']['output'];
  readonly endCursor?: Maybe<Scalars['String']['output']>;
};

export type JournalEdge = {
  readonly __typename?: 'JournalEdge';
  readonly node: Journal;
  readonly cursor: Scalars['String']['output'];
};

export type JournalConnection = {
  readonly __typename?: 'JournalConnection';
  readonly edges: ReadonlyArray<JournalEdge>;
  readonly pageInfo: PageInfo;
  readonly totalCount: Scalars['Int']['output'];
};

export type EntryEdge = {
  readonly __typename?: 'EntryEdge';
  readonly node: Entry;
  readonly cursor: Scalars['String']['output'];
};

export type EntryConnection = {
  readonly __typename?: 'EntryConnection';
  readonly edges: ReadonlyArray<EntryEdge>;
  readonly pageInfo: PageInfo;
  readonly totalCount: Scalars['Int']['output'];
};

export type ThoughtEdge = {
  readonly __typename?: 'ThoughtEdge';
  readonly node: Thought;
  readonly cursor: Scalars['String']['output'];
};

export type ThoughtConnection = {
  readonly __typename?: 'ThoughtConnection';
  readonly edges: ReadonlyArray<ThoughtEdge>;
  readonly pageInfo: PageInfo;
  readonly totalCount: Scalars['Int']['output'];
};

export type CalendarEventEdge = {
  readonly __typename?: 'CalendarEventEdge';
  readonly node: CalendarEvent;
  readonly cursor: Scalars['String']['output'];
};

export type CalendarEventConnection = {
  readonly __typename?: 'CalendarEventConnection';
  readonly edges: ReadonlyArray<CalendarEventEdge>;
  readonly pageInfo: PageInfo;
  readonly totalCount: Scalars['Int']['output'];
};

export type TaskEdge = {
  readonly __typename?: 'TaskEdge';
  readonly node: Task;
  readonly cursor: Scalars['String']['output'];
};

export type TaskConnection = {
  readonly __typename?: 'TaskConnection';
  readonly edges: ReadonlyArray<TaskEdge>;
  readonly pageInfo: PageInfo;
  readonly totalCount: Scalars['Int']['output'];
};

export type Query = {
  readonly __typename?: 'Query';
  /** The caller's journals, newest first. */
  readonly journals: JournalConnection;
  /** Null when it does not exist, is deleted, or belongs to someone else. */
  readonly journal?: Maybe<Journal>;
  /** Null when it does not exist, is deleted, or belongs to someone else. */
  readonly entry?: Maybe<Entry>;
  /** The caller's thoughts, newest first; with `tag`, only those carrying it (`#Garden` finds `garden`). */
  readonly thoughts: ThoughtConnection;
  /** Null when it does not exist, is deleted, or belongs to someone else (thoughtChanged reads a thought through it). */
  readonly thought?: Maybe<Thought>;
  /**
   * The caller's tasks whose series overlaps [from, to] (a one-off task: whose date lies in it; either bound
   * may be left out), optionally only completed or open ones; by date, then due time, then id. With both
   * bounds, a recurring task is listed once per occurrence in the range (`occurrence` set), each completed
   * or open on its own (the range may then span at most 366 days).
   */
  readonly tasks: TaskConnection;
  /** Null when it does not exist, is deleted, or belongs to someone else (taskChanged reads a task through it). */
  readonly task?: Maybe<Task>;
  /**
   * Every UTC day from start to end (inclusive, at most 92), with the tasks and events occurring on it,
   * recurring ones expanded.
   */
  readonly calendar: ReadonlyArray<CalendarDay>;
  /** The caller's dashboard: recent entries, mood trend, streak, task stats, latest insights. */
  readonly dashboard: Dashboard;
  /**
   * The caller's tags (over their live entries and thoughts), most used first, then by name; with `prefix`, only
   * those starting with it (`#Gar` finds `garden`); at most `first` (0 to 100).
   */
  readonly tags: ReadonlyArray<TagCount>;
  /**
   * Every live calendar event series of the caller, oldest first (by createdAt, then id), as scheduled (recurring ones
   * not expanded): the media service's account export reads them page by page, as the caller. Not in the public API
   * (@inaccessible): only a service calling this subgraph directly, with a signed caller header, gets it.
   */
  readonly calendarEvents: CalendarEventConnection;
};


export type QueryJournalsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type QueryJournalArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEntryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryThoughtsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  tag?: InputMaybe<Scalars['String']['input']>;
};


export type QueryThoughtArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTasksArgs = {
  from?: InputMaybe<Scalars['Date']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
  completed?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type QueryTaskArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCalendarArgs = {
  start: Scalars['Date']['input'];
  end: Scalars['Date']['input'];
};


export type QueryTagsArgs = {
  prefix?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCalendarEventsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

/** A tag of the caller's and how many of their live entries and thoughts carry it. */
export type TagCount = {
  readonly __typename?: 'TagCount';
  readonly tag: Scalars['String']['output'];
  readonly count: Scalars['Int']['output'];
};

export type CreateJournalInput = {
  readonly name: Scalars['String']['input'];
  readonly description?: InputMaybe<Scalars['String']['input']>;
  readonly color?: InputMaybe<Scalars['String']['input']>;
  readonly icon?: InputMaybe<Scalars['String']['input']>;
  readonly isPrivate?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A partial update: an absent field stays as it is, null clears a nullable one. */
export type UpdateJournalInput = {
  readonly name?: InputMaybe<Scalars['String']['input']>;
  readonly description?: InputMaybe<Scalars['String']['input']>;
  readonly color?: InputMaybe<Scalars['String']['input']>;
  readonly icon?: InputMaybe<Scalars['String']['input']>;
  readonly isPrivate?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateEntryInput = {
  readonly journalId: Scalars['ID']['input'];
  readonly title?: InputMaybe<Scalars['String']['input']>;
  readonly content: Scalars['String']['input'];
  readonly mood?: InputMaybe<Mood>;
  readonly tags?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /**
   * The moment the entry is about, when it is written later (backdating an entry): any past moment from 2000 on (a
   * clock a few minutes fast counts as now); absent: now. It is the entry's `createdAt`.
   */
  readonly createdAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/**
 * A partial update: an absent field stays as it is, null clears a nullable one. `journalId` moves the entry
 * to another of the caller's journals; `tags` replaces the whole list.
 */
export type UpdateEntryInput = {
  readonly journalId?: InputMaybe<Scalars['ID']['input']>;
  readonly title?: InputMaybe<Scalars['String']['input']>;
  readonly content?: InputMaybe<Scalars['String']['input']>;
  readonly mood?: InputMaybe<Mood>;
  readonly tags?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /**
   * Redates the entry (it was about another day than the one it got): the moment it is about, with the same rules as
   * CreateEntryInput.createdAt (any past moment from 2000 on; not the future). Absent or null: the entry keeps its date.
   */
  readonly createdAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** The journal as the command side wrote it, and a token to read that write back (header x-consistent-with). */
export type JournalPayload = {
  readonly __typename?: 'JournalPayload';
  readonly journal: Journal;
  readonly consistencyToken: Scalars['String']['output'];
};

/** The entry as the command side wrote it, and a token to read that write back (header x-consistent-with). */
export type EntryPayload = {
  readonly __typename?: 'EntryPayload';
  readonly entry: Entry;
  readonly consistencyToken: Scalars['String']['output'];
};

/** The thought as the command side wrote it, and a token to read that write back (header x-consistent-with). */
export type ThoughtPayload = {
  readonly __typename?: 'ThoughtPayload';
  readonly thought: Thought;
  readonly consistencyToken: Scalars['String']['output'];
};

/** Unset priority is MEDIUM, unset category "general". */
export type CreateTaskInput = {
  readonly title: Scalars['String']['input'];
  readonly description?: InputMaybe<Scalars['String']['input']>;
  readonly date: Scalars['Date']['input'];
  /** HH:MM */
  readonly dueTime?: InputMaybe<Scalars['String']['input']>;
  readonly priority?: InputMaybe<Priority>;
  readonly category?: InputMaybe<Scalars['String']['input']>;
  /** An RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO; refused with BAD_USER_INPUT (field recurrence) when invalid or never occurring. */
  readonly recurrence?: InputMaybe<Scalars['String']['input']>;
  /**
   * A one-off reminder at this instant (with a zone); refused with BAD_USER_INPUT (field remindAt) outside
   * 2000–2199 or more than 5 minutes in the past.
   */
  readonly remindAt?: InputMaybe<Scalars['DateTime']['input']>;
  /**
   * Minutes before each occurrence's date + dueTime (09:00 without one) in the owner's time zone, 0 to 10080
   * (a week); else BAD_USER_INPUT (field reminderMinutesBefore).
   */
  readonly reminderMinutesBefore?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A partial update: an absent field stays as it is, null clears a nullable one (description, dueTime,
 * recurrence, remindAt, reminderMinutesBefore). Completion changes only through completeTask / reopenTask.
 * A remindAt is checked as on creation when it changes; one kept as it was is not (it may have passed).
 */
export type UpdateTaskInput = {
  readonly title?: InputMaybe<Scalars['String']['input']>;
  readonly description?: InputMaybe<Scalars['String']['input']>;
  readonly date?: InputMaybe<Scalars['Date']['input']>;
  readonly dueTime?: InputMaybe<Scalars['String']['input']>;
  readonly priority?: InputMaybe<Priority>;
  readonly category?: InputMaybe<Scalars['String']['input']>;
  readonly recurrence?: InputMaybe<Scalars['String']['input']>;
  readonly remindAt?: InputMaybe<Scalars['DateTime']['input']>;
  readonly reminderMinutesBefore?: InputMaybe<Scalars['Int']['input']>;
};

export type ScheduleEventInput = {
  readonly title: Scalars['String']['input'];
  readonly startsAt: Scalars['DateTime']['input'];
  /** Not before startsAt (BAD_USER_INPUT, field endsAt). */
  readonly endsAt: Scalars['DateTime']['input'];
  /** An RFC 5545 RRULE repeating the event from startsAt. */
  readonly recurrence?: InputMaybe<Scalars['String']['input']>;
};

/** The task as the command side wrote it, and a token to read that write back (header x-consistent-with). */
export type TaskPayload = {
  readonly __typename?: 'TaskPayload';
  readonly task: Task;
  readonly consistencyToken: Scalars['String']['output'];
};

/** The calendar event as the command side wrote it, and a token to read that write back (header x-consistent-with). */
export type CalendarEventPayload = {
  readonly __typename?: 'CalendarEventPayload';
  readonly event: CalendarEvent;
  readonly consistencyToken: Scalars['String']['output'];
};

/** What a delete (soft: the object is gone from every read) wrote, and a token to read that write back. */
export type DeletePayload = {
  readonly __typename?: 'DeletePayload';
  readonly id: Scalars['ID']['output'];
  /** The deleted object's last version: the one its deletion created. */
  readonly version: Scalars['Int']['output'];
  readonly deletedAt: Scalars['DateTime']['output'];
  readonly consistencyToken: Scalars['String']['output'];
};

export type Mutation = {
  readonly __typename?: 'Mutation';
  readonly createJournal: JournalPayload;
  /** CONFLICT (with extensions.currentVersion) when the journal is no longer at expectedVersion. */
  readonly updateJournal: JournalPayload;
  /** Deletes the journal and, with it, its entries. Without expectedVersion the delete wins over edits. */
  readonly deleteJournal: DeletePayload;
  /** A retry with the same idempotencyKey returns the first result instead of a second entry. */
  readonly createEntry: EntryPayload;
  /** CONFLICT (with extensions.currentVersion) when the entry is no longer at expectedVersion. */
  readonly updateEntry: EntryPayload;
  readonly deleteEntry: DeletePayload;
  /** Tags are normalized (trimmed, lower case, no leading #, no duplicates). A retry with the same idempotencyKey returns the first result. */
  readonly captureThought: ThoughtPayload;
  /** Absent text stays; tags, when given, replace the whole list (null or []: no tags). */
  readonly updateThought: ThoughtPayload;
  readonly deleteThought: DeletePayload;
  /** A retry with the same idempotencyKey returns the first result instead of a second task. */
  readonly createTask: TaskPayload;
  /** CONFLICT (with extensions.currentVersion) when the task is no longer at expectedVersion. */
  readonly updateTask: TaskPayload;
  /**
   * Completes a one-off task, or one occurrence of a recurring task: `occurrence` (a day of its series) is
   * required for a recurring task (BAD_USER_INPUT on occurrence otherwise); a one-off task takes none or its
   * own date. Completing a completed task or occurrence changes nothing: it answers it as it is.
   */
  readonly completeTask: TaskPayload;
  /** As completeTask; reopening an open task or occurrence changes nothing. */
  readonly reopenTask: TaskPayload;
  readonly deleteTask: DeletePayload;
  readonly scheduleEvent: CalendarEventPayload;
  /** Cancels the event and every occurrence of a recurring one. */
  readonly cancelEvent: DeletePayload;
};


export type MutationCreateJournalArgs = {
  input: CreateJournalInput;
};


export type MutationUpdateJournalArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  input: UpdateJournalInput;
};


export type MutationDeleteJournalArgs = {
  id: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationCreateEntryArgs = {
  input: CreateEntryInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateEntryArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  input: UpdateEntryInput;
};


export type MutationDeleteEntryArgs = {
  id: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationCaptureThoughtArgs = {
  text: Scalars['String']['input'];
  tags?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateThoughtArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  text?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
};


export type MutationDeleteThoughtArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateTaskArgs = {
  input: CreateTaskInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationUpdateTaskArgs = {
  id: Scalars['ID']['input'];
  expectedVersion: Scalars['Int']['input'];
  input: UpdateTaskInput;
};


export type MutationCompleteTaskArgs = {
  id: Scalars['ID']['input'];
  occurrence?: InputMaybe<Scalars['Date']['input']>;
};


export type MutationReopenTaskArgs = {
  id: Scalars['ID']['input'];
  occurrence?: InputMaybe<Scalars['Date']['input']>;
};


export type MutationDeleteTaskArgs = {
  id: Scalars['ID']['input'];
};


export type MutationScheduleEventArgs = {
  input: ScheduleEventInput;
};


export type MutationCancelEventArgs = {
  id: Scalars['ID']['input'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  User: User;
  Journal: Journal;
  Entry: Entry;
  Task: Task;
  CalendarEvent: CalendarEvent;
  Thought: Thought;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
  Journal:
    ( { __typename: 'Journal' }
    & GraphQLRecursivePick<FederationTypes['Journal'], {"id":true}> );
  Entry:
    ( { __typename: 'Entry' }
    & GraphQLRecursivePick<FederationTypes['Entry'], {"id":true}> );
  Task:
    ( { __typename: 'Task' }
    & GraphQLRecursivePick<FederationTypes['Task'], {"id":true}> );
  CalendarEvent:
    ( { __typename: 'CalendarEvent' }
    & GraphQLRecursivePick<FederationTypes['CalendarEvent'], {"id":true}> );
  Thought:
    ( { __typename: 'Thought' }
    & GraphQLRecursivePick<FederationTypes['Thought'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Mood: Mood;
  User: ResolverTypeWrapper<UserKey>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  MoodPoint: ResolverTypeWrapper<MoodPoint>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  TaskStats: ResolverTypeWrapper<TaskStats>;
  Insights: ResolverTypeWrapper<Insights>;
  Dashboard: ResolverTypeWrapper<DashboardRoot>;
  Journal: ResolverTypeWrapper<JournalRecord>;
  Entry: ResolverTypeWrapper<EntryRecord>;
  Priority: Priority;
  Task: ResolverTypeWrapper<TaskRecord>;
  TaskOccurrenceCompletion: ResolverTypeWrapper<TaskOccurrenceCompletion>;
  CalendarEvent: ResolverTypeWrapper<CalendarEventRecord>;
  CalendarDay: ResolverTypeWrapper<Omit<CalendarDay, 'tasks' | 'events'> & { tasks: ReadonlyArray<ResolversTypes['Task']>, events: ReadonlyArray<ResolversTypes['CalendarEvent']> }>;
  Thought: ResolverTypeWrapper<ThoughtRecord>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  JournalEdge: ResolverTypeWrapper<Omit<JournalEdge, 'node'> & { node: ResolversTypes['Journal'] }>;
  JournalConnection: ResolverTypeWrapper<JournalConnectionParent>;
  EntryEdge: ResolverTypeWrapper<Omit<EntryEdge, 'node'> & { node: ResolversTypes['Entry'] }>;
  EntryConnection: ResolverTypeWrapper<EntryConnectionParent>;
  ThoughtEdge: ResolverTypeWrapper<Omit<ThoughtEdge, 'node'> & { node: ResolversTypes['Thought'] }>;
  ThoughtConnection: ResolverTypeWrapper<ThoughtConnectionParent>;
  CalendarEventEdge: ResolverTypeWrapper<Omit<CalendarEventEdge, 'node'> & { node: ResolversTypes['CalendarEvent'] }>;
  CalendarEventConnection: ResolverTypeWrapper<CalendarEventConnectionParent>;
  TaskEdge: ResolverTypeWrapper<Omit<TaskEdge, 'node'> & { node: ResolversTypes['Task'] }>;
  TaskConnection: ResolverTypeWrapper<TaskConnectionParent>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TagCount: ResolverTypeWrapper<TagCount>;
  CreateJournalInput: CreateJournalInput;
  UpdateJournalInput: UpdateJournalInput;
  CreateEntryInput: CreateEntryInput;
  UpdateEntryInput: UpdateEntryInput;
  JournalPayload: ResolverTypeWrapper<Omit<JournalPayload, 'journal'> & { journal: ResolversTypes['Journal'] }>;
  EntryPayload: ResolverTypeWrapper<Omit<EntryPayload, 'entry'> & { entry: ResolversTypes['Entry'] }>;
  ThoughtPayload: ResolverTypeWrapper<Omit<ThoughtPayload, 'thought'> & { thought: ResolversTypes['Thought'] }>;
  CreateTaskInput: CreateTaskInput;
  UpdateTaskInput: UpdateTaskInput;
  ScheduleEventInput: ScheduleEventInput;
  TaskPayload: ResolverTypeWrapper<Omit<TaskPayload, 'task'> & { task: ResolversTypes['Task'] }>;
  CalendarEventPayload: ResolverTypeWrapper<Omit<CalendarEventPayload, 'event'> & { event: ResolversTypes['CalendarEvent'] }>;
  DeletePayload: ResolverTypeWrapper<DeletePayload>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  Date: Scalars['Date']['output'];
  User: UserKey;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  MoodPoint: MoodPoint;
  Float: Scalars['Float']['output'];
  TaskStats: TaskStats;
  Insights: Insights;
  Dashboard: DashboardRoot;
  Journal: JournalRecord;
  Entry: EntryRecord;
  Task: TaskRecord;
  TaskOccurrenceCompletion: TaskOccurrenceCompletion;
  CalendarEvent: CalendarEventRecord;
  CalendarDay: Omit<CalendarDay, 'tasks' | 'events'> & { tasks: ReadonlyArray<ResolversParentTypes['Task']>, events: ReadonlyArray<ResolversParentTypes['CalendarEvent']> };
  Thought: ThoughtRecord;
  PageInfo: PageInfo;
  JournalEdge: Omit<JournalEdge, 'node'> & { node: ResolversParentTypes['Journal'] };
  JournalConnection: JournalConnectionParent;
  EntryEdge: Omit<EntryEdge, 'node'> & { node: ResolversParentTypes['Entry'] };
  EntryConnection: EntryConnectionParent;
  ThoughtEdge: Omit<ThoughtEdge, 'node'> & { node: ResolversParentTypes['Thought'] };
  ThoughtConnection: ThoughtConnectionParent;
  CalendarEventEdge: Omit<CalendarEventEdge, 'node'> & { node: ResolversParentTypes['CalendarEvent'] };
  CalendarEventConnection: CalendarEventConnectionParent;
  TaskEdge: Omit<TaskEdge, 'node'> & { node: ResolversParentTypes['Task'] };
  TaskConnection: TaskConnectionParent;
  Query: Record<PropertyKey, never>;
  TagCount: TagCount;
  CreateJournalInput: CreateJournalInput;
  UpdateJournalInput: UpdateJournalInput;
  CreateEntryInput: CreateEntryInput;
  UpdateEntryInput: UpdateEntryInput;
  JournalPayload: Omit<JournalPayload, 'journal'> & { journal: ResolversParentTypes['Journal'] };
  EntryPayload: Omit<EntryPayload, 'entry'> & { entry: ResolversParentTypes['Entry'] };
  ThoughtPayload: Omit<ThoughtPayload, 'thought'> & { thought: ResolversParentTypes['Thought'] };
  CreateTaskInput: CreateTaskInput;
  UpdateTaskInput: UpdateTaskInput;
  ScheduleEventInput: ScheduleEventInput;
  TaskPayload: Omit<TaskPayload, 'task'> & { task: ResolversParentTypes['Task'] };
  CalendarEventPayload: Omit<CalendarEventPayload, 'event'> & { event: ResolversParentTypes['CalendarEvent'] };
  DeletePayload: DeletePayload;
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
};

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type UserResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  journals?: Resolver<ResolversTypes['JournalConnection'], ParentType, ContextType, RequireFields<UserJournalsArgs, 'first'>>;
  moodTrend?: Resolver<ReadonlyArray<ResolversTypes['MoodPoint']>, ParentType, ContextType, RequireFields<UserMoodTrendArgs, 'days'>>;
  streak?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MoodPointResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['MoodPoint'] = ResolversParentTypes['MoodPoint']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  mood?: Resolver<Maybe<ResolversTypes['Mood']>, ParentType, ContextType>;
  averageSentiment?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  entryCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  wordCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TaskStatsResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['TaskStats'] = ResolversParentTypes['TaskStats']> = {
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completionRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type InsightsResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Insights'] = ResolversParentTypes['Insights']> = {
  entryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type DashboardResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Dashboard'] = ResolversParentTypes['Dashboard']> = {
  recentEntries?: Resolver<ReadonlyArray<ResolversTypes['Entry']>, ParentType, ContextType>;
  moodTrend?: Resolver<ReadonlyArray<ResolversTypes['MoodPoint']>, ParentType, ContextType>;
  streak?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  taskStats?: Resolver<ResolversTypes['TaskStats'], ParentType, ContextType, Partial<DashboardTaskStatsArgs>>;
  latestInsights?: Resolver<ReadonlyArray<ResolversTypes['Insights']>, ParentType, ContextType>;
};

export type JournalResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Journal'] = ResolversParentTypes['Journal'], FederationReferenceType extends FederationReferenceTypes['Journal'] = FederationReferenceTypes['Journal']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Journal']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  color?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  icon?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  isPrivate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  entryCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entries?: Resolver<ResolversTypes['EntryConnection'], ParentType, ContextType, RequireFields<JournalEntriesArgs, 'first'>>;
  entriesOldestFirst?: Resolver<ResolversTypes['EntryConnection'], ParentType, ContextType, RequireFields<JournalEntriesOldestFirstArgs, 'first'>>;
};

export type EntryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Entry'] = ResolversParentTypes['Entry'], FederationReferenceType extends FederationReferenceTypes['Entry'] = FederationReferenceTypes['Entry']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Entry']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  journal?: Resolver<ResolversTypes['Journal'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mood?: Resolver<Maybe<ResolversTypes['Mood']>, ParentType, ContextType>;
  tags?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  wordCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type TaskResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Task'] = ResolversParentTypes['Task'], FederationReferenceType extends FederationReferenceTypes['Task'] = FederationReferenceTypes['Task']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Task']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  dueTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Priority'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  completed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  recurrence?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurrence?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  remindAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reminderMinutesBefore?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  completedOccurrences?: Resolver<ReadonlyArray<ResolversTypes['TaskOccurrenceCompletion']>, ParentType, ContextType>;
};

export type TaskOccurrenceCompletionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['TaskOccurrenceCompletion'] = ResolversParentTypes['TaskOccurrenceCompletion']> = {
  occurrence?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  completedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CalendarEventResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CalendarEvent'] = ResolversParentTypes['CalendarEvent'], FederationReferenceType extends FederationReferenceTypes['CalendarEvent'] = FederationReferenceTypes['CalendarEvent']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CalendarEvent']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  recurrence?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CalendarDayResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CalendarDay'] = ResolversParentTypes['CalendarDay']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  tasks?: Resolver<ReadonlyArray<ResolversTypes['Task']>, ParentType, ContextType>;
  events?: Resolver<ReadonlyArray<ResolversTypes['CalendarEvent']>, ParentType, ContextType>;
};

export type ThoughtResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Thought'] = ResolversParentTypes['Thought'], FederationReferenceType extends FederationReferenceTypes['Thought'] = FederationReferenceTypes['Thought']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Thought']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tags?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type JournalEdgeResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['JournalEdge'] = ResolversParentTypes['JournalEdge']> = {
  node?: Resolver<ResolversTypes['Journal'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type JournalConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['JournalConnection'] = ResolversParentTypes['JournalConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['JournalEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EntryEdgeResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['EntryEdge'] = ResolversParentTypes['EntryEdge']> = {
  node?: Resolver<ResolversTypes['Entry'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EntryConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['EntryConnection'] = ResolversParentTypes['EntryConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['EntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ThoughtEdgeResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ThoughtEdge'] = ResolversParentTypes['ThoughtEdge']> = {
  node?: Resolver<ResolversTypes['Thought'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ThoughtConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ThoughtConnection'] = ResolversParentTypes['ThoughtConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['ThoughtEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CalendarEventEdgeResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CalendarEventEdge'] = ResolversParentTypes['CalendarEventEdge']> = {
  node?: Resolver<ResolversTypes['CalendarEvent'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CalendarEventConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CalendarEventConnection'] = ResolversParentTypes['CalendarEventConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['CalendarEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TaskEdgeResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['TaskEdge'] = ResolversParentTypes['TaskEdge']> = {
  node?: Resolver<ResolversTypes['Task'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TaskConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['TaskConnection'] = ResolversParentTypes['TaskConnection']> = {
  edges?: Resolver<ReadonlyArray<ResolversTypes['TaskEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  journals?: Resolver<ResolversTypes['JournalConnection'], ParentType, ContextType, RequireFields<QueryJournalsArgs, 'first'>>;
  journal?: Resolver<Maybe<ResolversTypes['Journal']>, ParentType, ContextType, RequireFields<QueryJournalArgs, 'id'>>;
  entry?: Resolver<Maybe<ResolversTypes['Entry']>, ParentType, ContextType, RequireFields<QueryEntryArgs, 'id'>>;
  thoughts?: Resolver<ResolversTypes['ThoughtConnection'], ParentType, ContextType, RequireFields<QueryThoughtsArgs, 'first'>>;
  thought?: Resolver<Maybe<ResolversTypes['Thought']>, ParentType, ContextType, RequireFields<QueryThoughtArgs, 'id'>>;
  tasks?: Resolver<ResolversTypes['TaskConnection'], ParentType, ContextType, RequireFields<QueryTasksArgs, 'first'>>;
  task?: Resolver<Maybe<ResolversTypes['Task']>, ParentType, ContextType, RequireFields<QueryTaskArgs, 'id'>>;
  calendar?: Resolver<ReadonlyArray<ResolversTypes['CalendarDay']>, ParentType, ContextType, RequireFields<QueryCalendarArgs, 'start' | 'end'>>;
  dashboard?: Resolver<ResolversTypes['Dashboard'], ParentType, ContextType>;
  tags?: Resolver<ReadonlyArray<ResolversTypes['TagCount']>, ParentType, ContextType, RequireFields<QueryTagsArgs, 'first'>>;
  calendarEvents?: Resolver<ResolversTypes['CalendarEventConnection'], ParentType, ContextType, RequireFields<QueryCalendarEventsArgs, 'first'>>;
};

export type TagCountResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['TagCount'] = ResolversParentTypes['TagCount']> = {
  tag?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type JournalPayloadResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['JournalPayload'] = ResolversParentTypes['JournalPayload']> = {
  journal?: Resolver<ResolversTypes['Journal'], ParentType, ContextType>;
  consistencyToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EntryPayloadResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['EntryPayload'] = ResolversParentTypes['EntryPayload']> = {
  entry?: Resolver<ResolversTypes['Entry'], ParentType, ContextType>;
  consistencyToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ThoughtPayloadResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ThoughtPayload'] = ResolversParentTypes['ThoughtPayload']> = {
  thought?: Resolver<ResolversTypes['Thought'], ParentType, ContextType>;
  consistencyToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TaskPayloadResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['TaskPayload'] = ResolversParentTypes['TaskPayload']> = {
  task?: Resolver<ResolversTypes['Task'], ParentType, ContextType>;
  consistencyToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CalendarEventPayloadResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['CalendarEventPayload'] = ResolversParentTypes['CalendarEventPayload']> = {
  event?: Resolver<ResolversTypes['CalendarEvent'], ParentType, ContextType>;
  consistencyToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DeletePayloadResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DeletePayload'] = ResolversParentTypes['DeletePayload']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deletedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  consistencyToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createJournal?: Resolver<ResolversTypes['JournalPayload'], ParentType, ContextType, RequireFields<MutationCreateJournalArgs, 'input'>>;
  updateJournal?: Resolver<ResolversTypes['JournalPayload'], ParentType, ContextType, RequireFields<MutationUpdateJournalArgs, 'id' | 'expectedVersion' | 'input'>>;
  deleteJournal?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationDeleteJournalArgs, 'id'>>;
  createEntry?: Resolver<ResolversTypes['EntryPayload'], ParentType, ContextType, RequireFields<MutationCreateEntryArgs, 'input'>>;
  updateEntry?: Resolver<ResolversTypes['EntryPayload'], ParentType, ContextType, RequireFields<MutationUpdateEntryArgs, 'id' | 'expectedVersion' | 'input'>>;
  deleteEntry?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationDeleteEntryArgs, 'id'>>;
  captureThought?: Resolver<ResolversTypes['ThoughtPayload'], ParentType, ContextType, RequireFields<MutationCaptureThoughtArgs, 'text'>>;
  updateThought?: Resolver<ResolversTypes['ThoughtPayload'], ParentType, ContextType, RequireFields<MutationUpdateThoughtArgs, 'id' | 'expectedVersion'>>;
  deleteThought?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationDeleteThoughtArgs, 'id'>>;
  createTask?: Resolver<ResolversTypes['TaskPayload'], ParentType, ContextType, RequireFields<MutationCreateTaskArgs, 'input'>>;
  updateTask?: Resolver<ResolversTypes['TaskPayload'], ParentType, ContextType, RequireFields<MutationUpdateTaskArgs, 'id' | 'expectedVersion' | 'input'>>;
  completeTask?: Resolver<ResolversTypes['TaskPayload'], ParentType, ContextType, RequireFields<MutationCompleteTaskArgs, 'id'>>;
  reopenTask?: Resolver<ResolversTypes['TaskPayload'], ParentType, ContextType, RequireFields<MutationReopenTaskArgs, 'id'>>;
  deleteTask?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationDeleteTaskArgs, 'id'>>;
  scheduleEvent?: Resolver<ResolversTypes['CalendarEventPayload'], ParentType, ContextType, RequireFields<MutationScheduleEventArgs, 'input'>>;
  cancelEvent?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationCancelEventArgs, 'id'>>;
};

export type Resolvers<ContextType = SubgraphContext> = {
  DateTime?: GraphQLScalarType;
  Date?: GraphQLScalarType;
  User?: UserResolvers<ContextType>;
  MoodPoint?: MoodPointResolvers<ContextType>;
  TaskStats?: TaskStatsResolvers<ContextType>;
  Insights?: InsightsResolvers<ContextType>;
  Dashboard?: DashboardResolvers<ContextType>;
  Journal?: JournalResolvers<ContextType>;
  Entry?: EntryResolvers<ContextType>;
  Task?: TaskResolvers<ContextType>;
  TaskOccurrenceCompletion?: TaskOccurrenceCompletionResolvers<ContextType>;
  CalendarEvent?: CalendarEventResolvers<ContextType>;
  CalendarDay?: CalendarDayResolvers<ContextType>;
  Thought?: ThoughtResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  JournalEdge?: JournalEdgeResolvers<ContextType>;
  JournalConnection?: JournalConnectionResolvers<ContextType>;
  EntryEdge?: EntryEdgeResolvers<ContextType>;
  EntryConnection?: EntryConnectionResolvers<ContextType>;
  ThoughtEdge?: ThoughtEdgeResolvers<ContextType>;
  ThoughtConnection?: ThoughtConnectionResolvers<ContextType>;
  CalendarEventEdge?: CalendarEventEdgeResolvers<ContextType>;
  CalendarEventConnection?: CalendarEventConnectionResolvers<ContextType>;
  TaskEdge?: TaskEdgeResolvers<ContextType>;
  TaskConnection?: TaskConnectionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  TagCount?: TagCountResolvers<ContextType>;
  JournalPayload?: JournalPayloadResolvers<ContextType>;
  EntryPayload?: EntryPayloadResolvers<ContextType>;
  ThoughtPayload?: ThoughtPayloadResolvers<ContextType>;
  TaskPayload?: TaskPayloadResolvers<ContextType>;
  CalendarEventPayload?: CalendarEventPayloadResolvers<ContextType>;
  DeletePayload?: DeletePayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = SubgraphContext> = {
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
};
