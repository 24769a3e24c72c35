import { eventTypesOf, type EventType } from '@mindflow/events';
import type { BatchProjectionHandler, ProjectionHandler, ReadModel } from '@mindflow/event-log';
import { ownerKey } from './journals-view.js';

/** The streams whose events change what the subgraph caches (dashboard, recent entries). */
const cachedStreams = ['journal', 'entry', 'task', 'insights'] as const;
const stamped = new Set<EventType>(cachedStreams.flatMap((stream) => eventTypesOf(stream)));

const bump: ProjectionHandler<EventType> = async (event, tx) => {
  await tx.query(
    `INSERT INTO read_stamps (owner_id, stamp) VALUES ($1, 1)
     ON CONFLICT (owner_id) DO UPDATE SET stamp = read_stamps.stamp + 1`,
    [event.userId],
  );
};

/** A chunk's events bump each owner's stamp once, by as many events as they have (as one by one would). */
const bumpAll: BatchProjectionHandler<EventType> = async (events, tx) => {
  await tx.query(
    `INSERT INTO read_stamps (owner_id, stamp)
     SELECT owner_id, count(*) FROM unnest($1::uuid[]) AS u(owner_id) GROUP BY owner_id
     ON CONFLICT (owner_id) DO UPDATE SET stamp = read_stamps.stamp + EXCLUDED.stamp`,
    [events.map((event) => event.userId)],
  );
};

/**
 * `read_stamps`: per user, a counter bumped in the same transaction as every change of their journals,
 * entries, tasks or insights. The subgraph's cache keys carry it, so this *is* the cache invalidation:
 * committed atomically with the change, seen by every process that reads the read DB (embedded and
 * distributed alike), and never behind a read that waited for its consistency token.
 */
export const readStamps: ReadModel = {
  name: 'read_stamps',
  sharedKeys: (event) => (stamped.has(event.eventType) ? [ownerKey(event.userId)] : []),
  handlers: Object.fromEntries([...stamped].map((eventType) => [eventType, bump])),
  batchHandlers: Object.fromEntries([...stamped].map((eventType) => [eventType, bumpAll])),
};
