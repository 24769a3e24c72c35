import type { AnyEvent, DeliveryChannel, NotificationKind } from '@mindflow/events';

/** One claimed `scheduled_notifications` row, with what deciding its notification needs to know. */
export interface DueFiring {
  readonly key: string;
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly subjectId: string | null;
  readonly occurrence: string;
  readonly fireAt: Date;
  /** The user's preferences (null: never set, the defaults). */
  readonly preferences: FiringPreferences | null;
  /** Whether the user has an address to email (a `notification_recipients` row). */
  readonly hasEmail: boolean;
  /** The user's webhooks that are neither disabled nor deleted. */
  readonly webhooks: readonly { readonly id: string; readonly kinds: readonly string[] }[];
  /** The task's reminder plan, for `task:` rows (null when the task is gone). */
  readonly task: FiringTask | null;
  /**
   * JOURNAL_PROMPT rows: the themes of the user's entries of the last 14 days, most frequent first (at most 3), which
   * the prompt's question is drawn from; absent or empty: the default question.
   */
  readonly recentThemes?: readonly string[];
}

export interface FiringPreferences {
  readonly timeZone: string;
  /** Local "HH:MM" (seconds dropped), both or neither. */
  readonly quietStart: string | null;
  readonly quietEnd: string | null;
  readonly journalPromptAt: string | null;
  readonly weeklyReflectionOn: number | null;
  /** `{ "<NotificationKind>": ["IN_APP", "EMAIL", "WEBHOOK"] }`: absent kinds get the default. */
  readonly channels: Readonly<Record<string, readonly string[]>>;
  readonly emailUnsubscribed: boolean;
}

export interface FiringTask {
  readonly taskId: string;
  readonly title: string;
  /** The task's date (first occurrence when recurring), "YYYY-MM-DD". */
  readonly date: string;
  /** Local "HH:MM", or null. */
  readonly dueTime: string | null;
  /** The task's RecurrenceRule as projected (null: one-off). */
  readonly recurrence: unknown;
  readonly remindAt: Date | null;
  readonly minutesBefore: number | null;
  readonly completed: boolean;
  readonly completedOccurrences: readonly string[];
}

/** A notification to insert (its dedupe key makes a second firing of the same occurrence a no-op). */
export interface NewNotification {
  readonly id: string;
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly subjectType: 'Task' | 'Entry' | 'WeeklyReflection' | null;
  readonly subjectId: string | null;
  readonly dedupeKey: string;
  readonly createdAt: Date;
}

/** A delivery to make: EMAIL to the recipient's address ('email'), WEBHOOK to a webhook id. */
export interface NewDelivery {
  readonly notificationId: string;
  readonly channel: DeliveryChannel;
  readonly target: string;
  readonly nextAttemptAt: Date;
}

/** Where a fired row goes next: a later fire time (and the occurrence it fires), or away. */
export type NextFiring = { readonly fireAt: Date; readonly occurrence: string } | null;

/**
 * A firing decided ahead of its time (the look-ahead): what the firing will write, staged out of sight until the
 * row's fire time, used only while its schedule row still says the same (key, occurrence, fireAt).
 */
export interface PreparedFiring {
  readonly key: string;
  readonly occurrence: string;
  readonly fireAt: Date;
  readonly notification: NewNotification;
  readonly deliveries: readonly { readonly channel: DeliveryChannel; readonly target: string }[];
  /** NotificationCreated. */
  readonly event: AnyEvent;
  readonly next: NextFiring;
}

/** A staged firing that fired (its notification committed). */
export interface FlippedFiring {
  readonly notificationId: string;
  readonly dedupeKey: string;
  readonly kind: NotificationKind;
  readonly fireAt: Date;
}

/** One firing round's writes, all in one transaction of the notifications DB. */
export interface FiringTransaction {
  /**
   * Locks up to `limit` rows due at `now` that no other transaction holds (SKIP LOCKED), earliest first; with
   * `skipStagedWithinMs`, not those whose staged firing `flipDue` will fire (at most that late).
   */
  claimDue(limit: number, now: Date, options?: { readonly skipStagedWithinMs: number }): Promise<DueFiring[]>;
  /** Inserts the notifications whose dedupe key is new; resolves with the ids inserted. */
  insertNotifications(notifications: readonly NewNotification[]): Promise<ReadonlySet<string>>;
  insertDeliveries(deliveries: readonly NewDelivery[]): Promise<void>;
  /** The notifications outbox: the events commit with the rows. */
  appendEvents(events: readonly AnyEvent[]): Promise<void>;
  /**
   * The weekly reflection a WEEKLY_REFLECTION firing of `occurrence` (a local date) announces, generated in this
   * transaction unless that week's is stored: its id. On its own savepoint: when it throws, the rest of the
   * transaction stands.
   */
  weeklyReflection(request: { readonly userId: string; readonly occurrence: string; readonly firedAt: Date }): Promise<string>;
  /** Moves each claimed row to its next fire time, or deletes it (null). */
  moveOn(moves: readonly { readonly key: string; readonly next: NextFiring }[], now: Date): Promise<void>;
  /**
   * Look-ahead: locks up to `limit` rows due after `now` and at most at `until` (SKIP LOCKED) that have no staged
   * firing matching them, earliest first, WEEKLY_REFLECTION rows excepted (their reflection is generated when they
   * fire).
   */
  claimAhead(limit: number, now: Date, until: Date): Promise<DueFiring[]>;
  /** Stages decided firings (replacing a key's stale one); an erased user's are left out (they fire undecided). */
  stage(firings: readonly PreparedFiring[], now: Date): Promise<void>;
  /**
   * Fires up to `limit` staged firings due at `now` (at most `graceMs` late) whose rows still match, earliest first,
   * skipping rows another transaction holds: their notifications (a dedupe key already fired: nothing), deliveries,
   * NotificationCreated and the rows moved on, set-wise. Resolves with how many staged firings it took and those
   * that fired.
   */
  flipDue(limit: number, now: Date, graceMs: number): Promise<{ readonly taken: number; readonly fired: readonly FlippedFiring[] }>;
}

/** The notifications DB as the scheduler sees it. */
export interface ScheduleStore {
  transaction<R>(work: (tx: FiringTransaction) => Promise<R>): Promise<R>;
  /** The earliest fire time of the schedule, if it has a row. */
  nextFireAt(): Promise<Date | undefined>;
  /** Drops staged firings that can no longer be used (more than `graceMs` late at `now`); resolves with how many. */
  dropStale(now: Date, graceMs: number): Promise<number>;
}
