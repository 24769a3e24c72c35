import { eventTypesOf, type EventType } from '@mindflow/events';
import type { BatchProjectionHandler, DeferredWrite, ProjectionHandler, ReadModel } from '@mindflow/event-log';
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

/** A chunk's events bump each owner's stamp once, by as many events as they have (as one by one would), at its end. */
const bumpAll: BatchProjectionHandler<EventType> = (events, _tx, chunk) => {
  const bumps = chunk.deferred(stampBumps);
  for (const { userId } of events) bumps.set(userId.toLowerCase(), (bumps.get(userId.toLowerCase()) ?? 0) + 1);
  return Promise.resolve();
};

/**
 * The chunk's stamp bumps, written last (owners in order, as increments): the row of a user, which every chunk of
 * theirs bumps, is then locked only for the transaction's last statement and its commit.
 */
const stampBumps: DeferredWrite<Map<string, number>> = {
  order: '9 read_stamps',
  start: () => new Map(),
  async settle(bumps, tx) {
    if (bumps.size === 0) return;
    const owners = [...bumps.keys()].sort();
    await tx.query(
      `INSERT INTO read_stamps (owner_id, stamp)
       SELECT owner_id, n FROM unnest($1::uuid[], $2::bigint[]) AS b(owner_id, n) ORDER BY owner_id
       ON CONFLICT (owner_id) DO UPDATE SET stamp = read_stamps.stamp + EXCLUDED.stamp`,
      [owners, owners.map((owner) => bumps.get(owner)!)],
    );
  },
};

/**
 * `read_stamps`: per user, a counter bumped in the same transaction as every change of their journals,
 * entries, tasks or insights. The subgraph's cache keys carry it, so this *is* the cache invalidation:
 * committed atomically with the change, seen by every process that reads the read DB (embedded and
 * distributed alike), and never behind a read that waited for its consistency token.
 */
export const readStamps: ReadModel = {
  name: 'read_stamps',
  // Increments, deferred to the chunk's end in the set-based path: the key is taken shared there.
  commutativeKeys: (event) => (stamped.has(event.eventType) ? [ownerKey(event.userId)] : []),
  batchAlways: true,
  handlers: Object.fromEntries([...stamped].map((eventType) => [eventType, bump])),
  batchHandlers: Object.fromEntries([...stamped].map((eventType) => [eventType, bumpAll])),
};
