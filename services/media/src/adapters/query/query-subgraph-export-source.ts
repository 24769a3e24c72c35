import type { Caller } from '@mindflow/auth';
import type { Pool } from '@mindflow/db';
import { attachmentColumns } from '../pg/pg-media-store.js';
import { pages, subgraphClient } from '../subgraphs/subgraph-client.js';
import type { AttachmentRow } from '../../application/ports/media-store.js';
import type { ExportedAttachment, ExportedEntry, ExportedJournal, JournalExportSource } from '../../application/ports/journal-export-source.js';

// The journal and its entries are the query service's read model; this service never reads that database. The
// export reads them the way the gateway would, through the query subgraph, as the caller: a fresh signed caller
// header per request (an export of thousands of entries outlives one header), the client's `x-consistent-with`
// passed on (so the entries it just wrote are there), keyset pages oldest first (`Journal.entriesOldestFirst`,
// @inaccessible: the gateway does not serve it). The entries' attachments are this service's own rows, read per page.

/** The query subgraph's error the client may act on (`subgraphClient`'s). */
export { SubgraphError as QuerySubgraphError } from '../subgraphs/subgraph-client.js';

export interface QuerySubgraphExportSourceOptions {
  /** The query subgraph's GraphQL URL (QUERY_SUBGRAPH_URL). */
  readonly url: string;
  /** INTERNAL_CALLER_SECRET: signs the caller header as the gateway does. */
  readonly callerSecret: string;
  readonly caller: Caller;
  /** The client's x-consistent-with, forwarded untouched. */
  readonly consistentWith?: string | undefined;
  /** The request's correlation id, forwarded. */
  readonly correlationId?: string | undefined;
  /** The media DB: the entries' attachments. */
  readonly pool: Pool;
  /** Entries per page (the query subgraph allows up to 500). */
  readonly pageSize?: number;
  readonly fetch?: typeof fetch;
}

const journalQuery = 'query ($id: ID!) { journal(id: $id) { id name color icon createdAt } }';
const pageQuery = `query ($id: ID!, $first: Int!, $after: String, $from: Date, $to: Date) {
  journal(id: $id) { entriesOldestFirst(first: $first, after: $after, from: $from, to: $to) {
    edges { node { id title content mood tags createdAt updatedAt } }
    pageInfo { hasNextPage endCursor } } } }`;

interface EntryNode { id: string; title: string | null; content: string; mood: string | null; tags: string[]; createdAt: string; updatedAt: string }
interface Page { journal: { entriesOldestFirst: { edges: { node: EntryNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null }
const entriesOf = (page: Page) => page.journal?.entriesOldestFirst ?? null;

export function querySubgraphExportSource(options: QuerySubgraphExportSourceOptions): JournalExportSource {
  const pageSize = options.pageSize ?? 100;
  const post = subgraphClient('query', options.url, options);

  return {
    async journal(ownerId, journalId) {
      if (ownerId !== options.caller.userId) return null;
      const { journal } = await post<{ journal: ExportedJournal | null }>(journalQuery, { id: journalId });
      return journal;
    },
    async *entries(ownerId, journalId, range) {
      if (ownerId !== options.caller.userId) return;
      // the paged reader the account export uses too (subgraph-client's `pages`)
      for await (const nodes of pages(post, pageQuery, entriesOf, { id: journalId, from: range.from ?? null, to: range.to ?? null }, pageSize)) {
        const attachments = await attachmentsOf(options.pool, ownerId, nodes.map((node) => node.id));
        for (const node of nodes) yield exportedEntry(node, attachments.get(node.id) ?? []);
      }
    },
  };
}

/** The owner's attachments of these entries, oldest first per entry. */
async function attachmentsOf(pool: Pool, ownerId: string, entryIds: readonly string[]): Promise<Map<string, ExportedAttachment[]>> {
  const byEntry = new Map<string, ExportedAttachment[]>();
  if (!entryIds.length) return byEntry;
  const { rows } = await pool.query<AttachmentRow>(
    `SELECT ${attachmentColumns} FROM media_attachments
      WHERE target_type = 'Entry' AND target_id = ANY($1::uuid[]) AND owner_id = $2 ORDER BY created_at, attachment_id`,
    [entryIds, ownerId],
  );
  for (const row of rows) {
    const list = byEntry.get(row.targetId) ?? [];
    list.push({
      id: row.attachmentId,
      fileName: row.fileName,
      contentType: row.contentType,
      size: row.size,
      objectKey: row.objectKey,
      width: row.width,
      height: row.height,
      durationSeconds: row.durationSeconds,
      createdAt: row.createdAt.toISOString(),
    });
    byEntry.set(row.targetId, list);
  }
  return byEntry;
}

function exportedEntry(node: EntryNode, attachments: ExportedAttachment[]): ExportedEntry {
  return {
    id: node.id,
    title: node.title ?? '',
    content: node.content,
    mood: node.mood,
    tags: node.tags,
    // The read model keeps neither (the API's Entry has no weather or place yet).
    weather: null,
    location: null,
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    attachments,
  };
}
