import { randomUUID } from 'node:crypto';
import { signCaller } from '@mindflow/auth';
import { consistencyToken } from '@mindflow/event-log';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { createLogger } from '@mindflow/platform';
import { testServers, uniqueRedisPrefix } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedProjection, type EmbeddedProjection } from '../projector/test/embedded-projection.js';
import { startQuerySubgraph, type RunningQuerySubgraph } from './start-query-subgraph.js';
import { postGraphQL } from './test/post-graphql.js';
import { recordingCommands } from './test/recording-commands.js';

// The projector (embedded event log) and the subgraph as separate parts over one read DB, with each cache
// adapter: a read sent with the token of a write never gets a cached answer from before that write.

const secret = 'query-cache-freshness-test-secret';
const log = createLogger('cache-freshness-test', 'silent');
let projection: EmbeddedProjection;
beforeAll(async () => {
  projection = await embeddedProjection('cache_freshness');
});
afterAll(async () => projection?.close());

const recent = '{ dashboard { recentEntries { id title } streak } }';

describe.each(['embedded', 'distributed'] as const)('the read cache (%s)', (mode) => {
  let subgraph: RunningQuerySubgraph;
  beforeAll(async () => {
    subgraph = await startQuerySubgraph(
      { QUERY_SUBGRAPH_PORT: 0, READ_DATABASE_URL: projection.readUrl, INTERNAL_CALLER_SECRET: secret, CONSISTENCY_WAIT_MS: 20_000,
        MINDFLOW_MODE: mode, REDIS_URL: await (await testServers()).redisUrl(), REDIS_KEY_PREFIX: uniqueRedisPrefix('query-fresh') },
      { commands: recordingCommands(), log },
    );
  });
  afterAll(async () => subgraph?.close());

  it('never serves a write stale once its consistency token is satisfied', async () => {
    const owner = randomUUID();
    const journalId = randomUUID();
    const headers = { 'x-mindflow-caller': signCaller({ userId: owner, roles: ['user'] }, secret) };
    const mine = (event: AnyEvent): AnyEvent => ({ ...event, eventId: randomUUID(), userId: owner });
    await projection.append([mine(sampleEvent('JournalCreated', { payload: { journalId, name: 'J', description: null, color: null, icon: null, isPrivate: false, createdAt: new Date().toISOString() } }))]);
    const written: string[] = [];
    for (let i = 0; i < 5; i++) {
      const entryId = randomUUID();
      await projection.append([mine(sampleEvent('JournalEntryCreated', { payload: {
        entryId, journalId, title: `E${i}`, content: 'x', mood: null, tags: [], wordCount: 1, weather: null, location: null,
        createdAt: new Date(Date.now() + i).toISOString() } }))]);
      written.unshift(`E${i}`);
      const token = consistencyToken({ aggregateType: 'entry', aggregateId: entryId, version: 1 });
      // Twice: the first read may fill the cache, the second must be served the same, fresh answer.
      for (let read = 0; read < 2; read++) {
        const res = await postGraphQL<{ dashboard: { recentEntries: { title: string }[]; streak: number } }>(
          subgraph.url, recent, {}, { ...headers, 'x-consistent-with': token });
        expect(res.errors).toBeUndefined();
        expect(res.data!.dashboard.recentEntries.map((e) => e.title)).toEqual(written.slice(0, 5));
        expect(res.data!.dashboard.streak).toBe(1);
      }
    }
  });
});
