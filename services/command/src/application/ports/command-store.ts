import type { AnyEvent } from '@mindflow/events';
import type { CalendarEvent } from '../../domain/calendar-event/calendar-event.js';
import type { Entry } from '../../domain/entry/entry.js';
import type { Journal } from '../../domain/journal/journal.js';
import type { Task } from '../../domain/task/task.js';
import type { Thought } from '../../domain/thought/thought.js';
import type { IdempotencyKeys } from './idempotency-keys.js';
import type { UserTags } from './user-tags.js';

/** Row locks a load can take: `update` before changing the row, `share` to keep it from changing meanwhile. */
export type RowLock = 'update' | 'share' | 'none';

/** Where one kind of aggregate is kept: loaded (locked as asked) and saved as it now stands. */
export interface AggregateRows<S> {
  find(id: string, lock: RowLock): Promise<S | null>;
  /** Inserts the aggregate at version 1, else replaces the version before it (loaded with the `update` lock). */
  save(state: S): Promise<void>;
}

export interface JournalRows extends AggregateRows<Journal> {
  /**
   * Serializes journal creation per owner for the rest of the transaction, so two concurrent creates cannot
   * both see four journals and make six on a limit of five.
   */
  lockOwnerShelf(ownerId: string): Promise<void>;
  countLive(ownerId: string): Promise<number>;
}

/** The events a command decided, published with its rows (the outbox, read by the relay or the embedded log). */
export interface Outbox {
  append(events: readonly AnyEvent[]): Promise<void>;
}

/** Everything one command may read and write, inside one write-DB transaction. */
export interface CommandTransaction {
  readonly journals: JournalRows;
  readonly entries: AggregateRows<Entry>;
  readonly thoughts: AggregateRows<Thought>;
  readonly tasks: AggregateRows<Task>;
  readonly calendarEvents: AggregateRows<CalendarEvent>;
  readonly userTags: UserTags;
  readonly idempotencyKeys: IdempotencyKeys;
  readonly outbox: Outbox;
}

/** The write side's unit of work: `work` commits as a whole or, when it throws, not at all. */
export interface CommandStore {
  transaction<R>(work: (tx: CommandTransaction) => Promise<R>): Promise<R>;
}
