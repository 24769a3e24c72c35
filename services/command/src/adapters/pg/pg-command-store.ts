import { randomUUID } from 'node:crypto';
import { withTransaction, type Pool } from '@mindflow/db';
import type { KeyStore } from '@mindflow/events';
import { appendToOutbox } from '@mindflow/event-log';
import type { CommandEnvironment } from '../../application/command-environment.js';
import type { CommandStore, CommandTransaction } from '../../application/ports/command-store.js';
import { findCalendarEvent, saveCalendarEvent } from './calendar-event-rows.js';
import { findEntry, saveEntry } from './entry-rows.js';
import { claimIdempotencyKey, findIdempotentResult, recordIdempotentResult } from './idempotency-keys.js';
import { countLiveJournals, findJournal, lockOwnerShelf, saveJournal } from './journal-rows.js';
import type { Tx } from './sql-client.js';
import { findTask, saveTask } from './task-rows.js';
import { findThought, saveThought } from './thought-rows.js';
import { pgUserTags } from './user-tags.js';

/**
 * The command's transaction on the write DB: every port bound to one `pg` client inside BEGIN … COMMIT. With `keys`,
 * the events' personal fields are sealed on their way into the outbox (crypto-shredding).
 */
export function pgCommandTransaction(tx: Tx, keys?: KeyStore): CommandTransaction {
  return {
    journals: {
      find: (id, lock) => findJournal(tx, id, lock),
      save: (journal) => saveJournal(tx, journal),
      lockOwnerShelf: (ownerId) => lockOwnerShelf(tx, ownerId),
      countLive: (ownerId) => countLiveJournals(tx, ownerId),
    },
    entries: { find: (id, lock) => findEntry(tx, id, lock), save: (entry) => saveEntry(tx, entry) },
    thoughts: { find: (id, lock) => findThought(tx, id, lock), save: (thought) => saveThought(tx, thought) },
    tasks: { find: (id, lock) => findTask(tx, id, lock), save: (task) => saveTask(tx, task) },
    calendarEvents: { find: (id, lock) => findCalendarEvent(tx, id, lock), save: (event) => saveCalendarEvent(tx, event) },
    userTags: pgUserTags(tx),
    idempotencyKeys: {
      find: (claim) => findIdempotentResult(tx, claim),
      claim: (claim) => claimIdempotencyKey(tx, claim),
      record: (claim, result) => recordIdempotentResult(tx, claim, result),
    },
    outbox: { append: (events) => appendToOutbox(tx, events, { keys }) },
  };
}

/** The write DB as the command handlers' unit of work: one transaction per command. */
export function pgCommandStore(pool: Pool, keys?: KeyStore): CommandStore {
  return { transaction: (work) => withTransaction(pool, (tx) => work(pgCommandTransaction(tx, keys))) };
}

/** The environment the command service runs with: the write DB, the system clock, random UUIDs. */
export function commandEnvironment(pool: Pool, keys?: KeyStore): CommandEnvironment {
  return { store: pgCommandStore(pool, keys), now: () => new Date(), newId: randomUUID };
}
