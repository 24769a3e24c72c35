import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devCallerSecret, signCaller } from '@mindflow/auth';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { startMediaSubgraph, type RunningMediaSubgraph } from '../subgraph/start-media-subgraph.js';
import type { MediaSubgraphConfig } from '../subgraph/config.js';

export interface GraphqlAnswer<D = Record<string, unknown>> {
  data?: D | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export interface MediaUnderTest {
  readonly subgraph: RunningMediaSubgraph;
  readonly db: TestDatabase;
  post<D = Record<string, unknown>>(query: string, variables: Record<string, unknown>, caller: { userId: string; roles?: string[] }): Promise<GraphqlAnswer<D>>;
  /** A target as the media projector would have written it. */
  addTarget(target: { id: string; type: 'Entry' | 'Thought'; ownerId: string; journalId?: string | null }): Promise<void>;
  close(): Promise<void>;
}

/** The media subgraph on a fresh database and (unless `config` says otherwise) a fresh disk object store. */
export async function mediaUnderTest(label: string, config: Partial<MediaSubgraphConfig> = {}): Promise<MediaUnderTest> {
  const db = await createTestDatabase(label);
  const directory = await mkdtemp(join(tmpdir(), 'mindflow-media-'));
  const subgraph = await startMediaSubgraph(
    { MEDIA_DATABASE_URL: db.url, MEDIA_SUBGRAPH_PORT: 0, OBJECT_STORE_DIR: directory, OBJECT_STORE_SIGNING_KEY: `media-test-${randomUUID()}`, ...config },
    { log: createLogger('media-subgraph-test', 'silent') },
  );
  return {
    subgraph,
    db,
    async post(query, variables, caller) {
      const response = await fetch(subgraph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mindflow-caller': signCaller({ userId: caller.userId, roles: caller.roles ?? ['user'] }, devCallerSecret) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    async addTarget(target) {
      await subgraph.pool.query('INSERT INTO media_targets (target_id, target_type, owner_id, journal_id) VALUES ($1, $2, $3, $4)', [
        target.id, target.type, target.ownerId, target.journalId ?? null,
      ]);
    },
    async close() {
      await subgraph.close();
      await db.drop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export const requestUploadMutation = `mutation ($input: UploadRequest!) {
  requestUpload(input: $input) { uploadId url method headers { name value } expiresAt } }`;
export const attachFileMutation = `mutation ($uploadId: ID!, $to: AttachTarget!) {
  attachFile(uploadId: $uploadId, to: $to) { consistencyToken attachment { id fileName contentType size createdAt url thumbnailUrl width height durationSeconds } } }`;
export const removeAttachmentMutation = 'mutation ($id: ID!) { removeAttachment(id: $id) { id version deletedAt consistencyToken } }';
export const entryAttachmentsQuery = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Entry { id attachments { id fileName contentType size url thumbnailUrl width height durationSeconds } }
  ... on Thought { id attachments { id fileName contentType size url thumbnailUrl } } } }`;

export interface Ticket {
  uploadId: string;
  url: string;
  method: string;
  headers: { name: string; value: string }[];
  expiresAt: string;
}

/** Sends the bytes as the ticket says (the browser's part); answers the HTTP status. */
export async function upload(ticket: Ticket, body: Buffer): Promise<number> {
  const response = await fetch(ticket.url, {
    method: ticket.method,
    headers: Object.fromEntries(ticket.headers.map((h) => [h.name, h.value])),
    body: new Uint8Array(body),
  });
  await response.arrayBuffer();
  return response.status;
}
