import type { Pool } from '@mindflow/db';
import type { AccountRecordKind } from '../../domain/account-export.js';
import type { AccountAttachment, AccountExportSource } from '../../application/ports/account-export-source.js';
import type { AttachmentRow } from '../../application/ports/media-store.js';
import { attachmentColumns } from '../pg/pg-media-store.js';
import { pages, subgraphClient, type SubgraphCallerOptions, type SubgraphPost } from './subgraph-client.js';

// Each kind of record is read from the service that owns it, through its subgraph, as the caller (EXPORT.md,
// "Account export"): identity (the profile: `me`, nothing of credentials is in that schema), query (journals, entries
// through the @inaccessible `Journal.entriesOldestFirst`, thoughts, tasks with the @inaccessible
// `Task.completedOccurrences`, calendar events through the @inaccessible `Query.calendarEvents`), insights (per
// page of entries, through `_entities`, as the gateway asks), notifications (notifications, preferences, webhooks:
// the schema has no secret to leak, weekly reflections). Attachments are this service's own rows. Every read is
// made as the caller, so only the caller's records can come back, and all of it page by page.

export interface SubgraphUrls {
  readonly query: string;
  readonly identity: string;
  readonly insights: string;
  readonly notifications: string;
}

export interface SubgraphsAccountExportSourceOptions extends SubgraphCallerOptions {
  readonly urls: SubgraphUrls;
  /** The media DB: the caller's attachments. */
  readonly pool: Pool;
}

const journalFields = 'id name description color icon isPrivate version createdAt updatedAt';
const entryFields = 'id title content mood tags wordCount version createdAt updatedAt';
const taskFields = `id title description date dueTime priority category completed completedAt recurrence remindAt
  reminderMinutesBefore version createdAt updatedAt completedOccurrences { occurrence completedAt }`;
const insightsFields = 'entryId sentiment themes summary suggestions generatedBy generatedAt';

const journalsQuery = `query ($first: Int!, $after: String) { journals(first: $first, after: $after) {
  edges { node { ${journalFields} } } pageInfo { hasNextPage endCursor } } }`;
const entriesPageQuery = (fields: string) => `query ($id: ID!, $first: Int!, $after: String) { journal(id: $id) {
  entriesOldestFirst(first: $first, after: $after) { edges { node { ${fields} } } pageInfo { hasNextPage endCursor } } } }`;
const entriesQuery = entriesPageQuery(entryFields);
const entryIdsQuery = entriesPageQuery('id');
/** Entry ids the entries document keeps for the insights document (36 bytes each: 50 000 ≈ 2 MB at most). */
const rememberedEntryIds = 50_000;
const thoughtsQuery = `query ($first: Int!, $after: String) { thoughts(first: $first, after: $after) {
  edges { node { id text tags version createdAt updatedAt } } pageInfo { hasNextPage endCursor } } }`;
const tasksQuery = `query ($first: Int!, $after: String) { tasks(first: $first, after: $after) {
  edges { node { ${taskFields} } } pageInfo { hasNextPage endCursor } } }`;
const eventsQuery = `query ($first: Int!, $after: String) { calendarEvents(first: $first, after: $after) {
  edges { node { id title startsAt endsAt recurrence version createdAt updatedAt } } pageInfo { hasNextPage endCursor } } }`;
const insightsQuery = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Entry { id insights { ${insightsFields} } } } }`;
const notificationsQuery = `query ($first: Int!, $after: String) { notifications(first: $first, after: $after) {
  edges { node { id kind title body createdAt readAt subject { __typename ... on Task { id } ... on Entry { id } ... on WeeklyReflection { id } } } }
  pageInfo { hasNextPage endCursor } } }`;
const preferencesQuery = `{ notificationPreferences { timeZone journalPromptAt weeklyReflectionOn quietHours { start end }
  channels { kind channels } } }`;
const webhooksQuery = `{ webhooks { id url kinds createdAt disabledAt
  deliveries(first: 100) { id notificationId attempt at status ok error } } }`;
const reflectionsQuery = `query ($first: Int!, $after: String) { weeklyReflections(first: $first, after: $after) {
  edges { node { id weekStart entryCount summary themes moodTrend { date mood averageSentiment entryCount wordCount }
  highlights { id } generatedBy generatedAt } } pageInfo { hasNextPage endCursor } } }`;

type Node = Record<string, unknown> & { id: string };
interface Connection { edges: { node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }

export function subgraphsAccountExportSource(options: SubgraphsAccountExportSourceOptions): AccountExportSource {
  const query = subgraphClient('query', options.urls.query, options);
  const identity = subgraphClient('identity', options.urls.identity, options);
  const insights = subgraphClient('insights', options.urls.insights, options);
  const notifications = subgraphClient('notifications', options.urls.notifications, options);
  // The entries' ids, remembered by the entries document for the insights document written after it: the entries
  // are read once, not a second time for their ids (ids only, and only up to `rememberedEntryIds`; beyond, or when
  // insights come first, an ids-only walk of the entries).
  let entryIds: string[] | null = null;
  async function* entryIdPages(): AsyncGenerator<string[]> {
    if (entryIds) {
      for (let start = 0; start < entryIds.length; start += 100) yield entryIds.slice(start, start + 100);
      return;
    }
    for await (const entries of entryPages(query, entryIdsQuery)) yield entries.map((entry) => entry.id);
  }

  const readers: Record<Exclude<AccountRecordKind, 'attachments'>, () => AsyncIterable<object>> = {
    async *profile() {
      const { me } = await identity<{ me: object | null }>('{ me { id email name roles } }');
      if (me) yield me;
    },
    journals: () => flatten(pages(query, journalsQuery, (d: { journals: Connection }) => d.journals)),
    async *entries() {
      const ids: string[] = [];
      for await (const entries of entryPages(query, entriesQuery)) {
        if (ids.length < rememberedEntryIds) ids.push(...entries.map((entry) => entry.id));
        yield* entries;
      }
      entryIds = ids.length < rememberedEntryIds ? ids : null;
    },
    async *insights() {
      for await (const ids of entryIdPages()) {
        if (!ids.length) continue;
        const representations = ids.map((id) => ({ __typename: 'Entry', id }));
        const { _entities } = await insights<{ _entities: ({ insights: object | null } | null)[] }>(insightsQuery, { representations });
        for (const entity of _entities) if (entity?.insights) yield entity.insights;
      }
    },
    thoughts: () => flatten(pages(query, thoughtsQuery, (d: { thoughts: Connection }) => d.thoughts)),
    tasks: () => flatten(pages(query, tasksQuery, (d: { tasks: Connection }) => d.tasks)),
    'calendar-events': () => flatten(pages(query, eventsQuery, (d: { calendarEvents: Connection }) => d.calendarEvents)),
    notifications: () => flatten(pages(notifications, notificationsQuery, (d: { notifications: Connection }) => d.notifications)),
    async *'notification-preferences'() {
      yield (await notifications<{ notificationPreferences: object }>(preferencesQuery)).notificationPreferences;
    },
    async *webhooks() {
      yield* (await notifications<{ webhooks: object[] }>(webhooksQuery)).webhooks;
    },
    'weekly-reflections': () =>
      flatten(pages(notifications, reflectionsQuery, (d: { weeklyReflections: Connection }) => d.weeklyReflections, {}, 50)),
  };

  return {
    records(ownerId, kind) {
      // Reads are made as the caller: an owner who is not the caller has nothing here.
      return ownerId === options.caller.userId ? readers[kind]() : none;
    },
    attachments: (ownerId) => attachmentsOf(options.pool, ownerId),
  };
}

/** Every live entry of the caller (`entries`: one of the entry page queries), journal by journal, oldest first, a page at a time (each with its journalId). */
async function* entryPages(query: SubgraphPost, entries: string): AsyncGenerator<Node[]> {
  for await (const journals of pages(query, journalsQuery, (d: { journals: Connection }) => d.journals)) {
    for (const journal of journals) {
      const entryPage = (d: { journal: { entriesOldestFirst: Connection } | null }) => d.journal?.entriesOldestFirst ?? null;
      for await (const page of pages(query, entries, entryPage, { id: journal.id }, 100)) {
        yield page.map((entry) => ({ ...entry, journalId: journal.id }));
      }
    }
  }
}

async function* flatten<N>(source: AsyncIterable<N[]>): AsyncGenerator<N> {
  for await (const page of source) yield* page;
}

/** Nothing at all. */
const none: AsyncIterable<object> = { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true as const, value: undefined }) }) };

/** The owner's attachments from the media DB, oldest first, 200 a statement (keyset on created_at, id). */
async function* attachmentsOf(pool: Pool, ownerId: string): AsyncGenerator<AccountAttachment> {
  let after = null as { at: string; id: string } | null;
  for (;;) {
    const { rows } = await pool.query<AttachmentRow & { cursorAt: string }>(
      `SELECT ${attachmentColumns}, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "cursorAt"
         FROM media_attachments
        WHERE owner_id = $1 AND ($2::timestamp IS NULL OR (created_at AT TIME ZONE 'UTC', attachment_id) > ($2::timestamp, $3::uuid))
        ORDER BY created_at, attachment_id LIMIT 200`,
      [ownerId, after?.at ?? null, after?.id ?? null],
    );
    for (const row of rows) {
      yield {
        id: row.attachmentId,
        targetType: row.targetType,
        targetId: row.targetId,
        fileName: row.fileName,
        contentType: row.contentType,
        size: row.size,
        objectKey: row.objectKey,
        width: row.width,
        height: row.height,
        durationSeconds: row.durationSeconds,
        createdAt: row.createdAt.toISOString(),
      };
    }
    const last = rows.at(-1);
    if (!last || rows.length < 200) return;
    after = { at: last.cursorAt, id: last.attachmentId };
  }
}
