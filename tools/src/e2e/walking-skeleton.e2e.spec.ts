// The walking skeleton of issue 2, through the gateway, in both ways to run:
// createJournal / createEntry → query subgraph → gRPC → command service (rows + outbox in one transaction)
// → event log (Kafka via the relay, or the outbox itself) → query projector → journal(id) { entries }.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { issueAccessToken, loadSigningKeys, type SigningKeys } from '@mindflow/auth';
import { handledEventTypes, readCommittedOutbox, storedEventFromOutboxRow } from '@mindflow/event-log';
import { aggregateTypeOf, toKafkaMessage, topicFor } from '@mindflow/events';
import { queryReadModels } from '@mindflow/query';
import { createTestDatabase, testServers, uniqueTopicPrefix, type TestDatabase } from '@mindflow/testing';
import { startSystem, waitUntil, type Mode, type RunningSystem } from '../system/index.js';
import { GatewayClient } from './gateway-client.js';
import { metricValue } from './prometheus.js';
import * as op from './operations.js';

const modes: Mode[] = ['embedded', 'distributed'];
const logs = process.env['E2E_LOGS'] ? process.stderr : null;

describe.each(modes)('walking skeleton (%s mode)', (mode) => {
  let system: RunningSystem;
  let writeDb: TestDatabase;
  let readDb: TestDatabase;
  let topicPrefix: string;
  let kafkaBrokers: string[] = [];
  let keys: SigningKeys;
  let client: GatewayClient;
  let alice: GatewayClient;
  let bob: GatewayClient;
  let carol: GatewayClient;
  const supervisorLog: string[] = [];

  beforeAll(async () => {
    const servers = await testServers();
    [writeDb, readDb] = await Promise.all([createTestDatabase(`e2e-${mode}-write`), createTestDatabase(`e2e-${mode}-read`)]);
    topicPrefix = uniqueTopicPrefix(`e2e-${mode}`);
    if (mode === 'distributed') kafkaBrokers = await servers.kafkaBrokers();
    system = await startSystem({
      mode,
      writeDatabaseUrl: writeDb.url,
      readDatabaseUrl: readDb.url,
      topicPrefix,
      ...(mode === 'distributed' ? { kafkaBrokers: kafkaBrokers.join(','), redisUrl: await servers.redisUrl() } : {}),
      output: logs,
      // As `npm start` runs it: roles that die are restarted (the tests' own kill/start are not crashes).
      supervise: { log: (line) => void supervisorLog.push(line), backoff: { initialMs: 200, maxMs: 2_000 } },
    });
    keys = await loadSigningKeys();
    client = new GatewayClient(system.gatewayUrl);
    bob = client.withToken((await issueAccessToken({ userId: randomUUID(), roles: ['user'] }, keys)).token);
    carol = client.withToken((await issueAccessToken({ userId: randomUUID(), roles: ['user'] }, keys)).token);
  });

  // A new alice for every test (and every retry): her journals count against the free plan's five.
  beforeEach(async () => {
    alice = client.withToken((await issueAccessToken({ userId: randomUUID(), roles: ['user'] }, keys)).token);
  });

  afterAll(async () => {
    await system?.stop();
    await Promise.all([writeDb?.drop(), readDb?.drop()]);
  });

  const projector = () => system.services.get('query-projector')!;

  async function newJournal(name: string): Promise<string> {
    const created = await alice.data<op.CreatedJournal>(op.createJournal, { input: { name } });
    return created.createJournal.journal.id;
  }

  async function readJournal(id: string, client = alice, headers: Record<string, string> = {}) {
    return (await client.data<op.JournalView>(op.journalWithEntries, { id }, headers)).journal;
  }

  async function journalWhen(id: string, done: (j: NonNullable<op.JournalView['journal']>) => boolean, timeoutMs = 60_000) {
    let last: op.JournalView['journal'] = null;
    try {
      await waitUntil(`journal ${id} to reach the expected state`, async () => {
        last = await readJournal(id);
        return last !== null && done(last);
      }, timeoutMs, 200);
    } catch (error) {
      throw new Error(`${String(error)}; last seen: ${JSON.stringify(last)}`);
    }
    return last as unknown as NonNullable<op.JournalView['journal']>;
  }

  it('creates a journal and an entry through the gateway and reads them back with read-your-writes', async () => {
    const journalId = await newJournal('Morning pages');
    const created = await alice.data<op.CreatedEntry>(op.createEntry, {
      input: { journalId, title: 'Day one', content: 'Slept well, then wrote three pages.', mood: 'GOOD', tags: ['sleep', 'writing'] },
    });
    expect(created.createEntry.entry.version).toBe(1);

    const journal = await readJournal(journalId, alice, { 'x-consistent-with': created.createEntry.consistencyToken });
    expect(journal).toMatchObject({ id: journalId, name: 'Morning pages', entryCount: 1 });
    expect(journal!.entries.totalCount).toBe(1);
    expect(journal!.entries.edges[0]!.node).toEqual({
      id: created.createEntry.entry.id,
      title: 'Day one',
      content: 'Slept well, then wrote three pages.',
      mood: 'GOOD',
      tags: ['sleep', 'writing'],
      wordCount: 6,
      version: 1,
    });
  });

  it('keeps one user out of another user\'s journal', async () => {
    const journalId = await newJournal('Private thoughts');
    await journalWhen(journalId, () => true);
    expect(await readJournal(journalId, bob)).toBeNull();
    const attempt = await bob.request(op.createEntry, { input: { journalId, content: 'not mine' } });
    expect(attempt.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('retrying a create with the same idempotency key creates nothing twice', async () => {
    const journalId = await newJournal('Retries');
    const input = { journalId, title: 'Once', content: 'Only once, please.' };
    const [first, second] = await Promise.all([
      alice.data<op.CreatedEntry>(op.createEntry, { input, key: 'retry-1' }),
      alice.data<op.CreatedEntry>(op.createEntry, { input, key: 'retry-1' }),
    ]);
    expect(second.createEntry.entry.id).toBe(first.createEntry.entry.id);
    const journal = await readJournal(journalId, alice, { 'x-consistent-with': first.createEntry.consistencyToken });
    expect(journal!.entryCount).toBe(1);
  });

  it('the same events delivered twice change nothing', async () => {
    const journalId = await newJournal('Delivered twice');
    for (const title of ['one', 'two', 'three']) {
      await alice.data(op.createEntry, { input: { journalId, title, content: `entry ${title}` } });
    }
    const before = await journalWhen(journalId, (j) => j.entryCount === 3);
    const skippedBefore = await metricValue(projector().boundOpsPort, 'mindflow_projector_duplicates_skipped_total');

    // Deliver every event of the log again: re-publish the outbox to Kafka, or rewind the embedded checkpoint.
    const redelivered = await redeliverEverything();
    await waitUntil('the projector to skip every redelivered event', async () =>
      (await metricValue(projector().boundOpsPort, 'mindflow_projector_duplicates_skipped_total')) - skippedBefore >= redelivered,
    60_000, 200);

    expect(await readJournal(journalId)).toEqual(before);
  });

  it('a projector killed with SIGKILL mid-stream resumes after restart without loss or duplicates', async () => {
    const journalId = await newJournal('Through a crash');
    const total = 40;
    const created: string[] = [];
    const write = async (i: number) => {
      const result = await alice.data<op.CreatedEntry>(op.createEntry, { input: { journalId, title: `#${i}`, content: `entry number ${i}` } });
      created.push(result.createEntry.entry.id);
    };
    // Writes keep flowing while the projector dies; it is restarted after the last one.
    for (let i = 0; i < total; i += 4) {
      if (i === 12) await projector().kill();
      await Promise.all([0, 1, 2, 3].map((k) => write(i + k)));
    }
    await projector().start();

    // The journal row (entryCount) and the entry list are two reads; while the projector catches up they
    // may straddle a commit, so wait for both. A count that is wrong for good times out here.
    const journal = await journalWhen(journalId, (j) => j.entries.totalCount === total && j.entryCount === total);
    const seen = journal.entries.edges.map((e) => e.node.id);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual([...created].sort());
    expect(journal.entries.edges.every((e) => e.node.version === 1)).toBe(true);
  });

  // Last: in distributed mode the killed member holds its partitions until its session times out, which would
  // slow the tests after it.
  it('restarts a projector killed from outside (kill -9), and the next write is read back with read-your-writes', { timeout: 120_000 }, async () => {
    const pid = projector().pid!;
    process.kill(pid, 'SIGKILL'); // as a user or the OOM killer would: not through the ServiceProcess
    await waitUntil('the supervisor to restart the query projector', () =>
      system.supervisor!.status().find((r) => r.name === 'query-projector')?.state === 'up' && projector().pid !== pid, 60_000, 100);
    const role = system.supervisor!.status().find((r) => r.name === 'query-projector')!;
    expect(role).toMatchObject({ state: 'up', restarts: 1, lastExit: 'signal SIGKILL' });
    expect(supervisorLog.join('\n')).toMatch(/query-projector died \(signal SIGKILL\); restarting in/);
    expect(supervisorLog.join('\n')).toMatch(/query-projector is back up/);
    // Back up means live; it reads again once ready: in distributed mode when the killed member's session ended
    // (KAFKA_SESSION_TIMEOUT_MS) and its partitions came back to the group.
    await waitUntil('the restarted query projector to be ready', async () => (await fetch(projector().readyUrl).catch(() => undefined))?.ok === true, 60_000, 200);

    // carol: alice's journals count against the free plan in the tests below
    const journalId = (await carol.data<op.CreatedJournal>(op.createJournal, { input: { name: 'After the crash' } })).createJournal.journal.id;
    const created = await carol.data<op.CreatedEntry>(op.createEntry, { input: { journalId, title: 'Still here', content: 'Nothing lost.' } });
    const journal = await readJournal(journalId, carol, { 'x-consistent-with': created.createEntry.consistencyToken });
    expect(journal!.entries.edges.map((e) => e.node.title)).toEqual(['Still here']);
  });

  /** The streams (aggregate types) the query projector subscribes to: those of the event types its read models handle. */
  const followedStreams = new Set(handledEventTypes(queryReadModels).map(aggregateTypeOf));

  async function redeliverEverything(): Promise<number> {
    const write = new pg.Client({ connectionString: writeDb.url });
    await write.connect();
    try {
      const rows = await readCommittedOutbox(write, null, 10_000);
      if (mode === 'embedded') {
        // The embedded log keeps each group's position in the read DB: forget it while the projector is down.
        await projector().kill();
        const read = new pg.Client({ connectionString: readDb.url });
        await read.connect();
        await read.query('DELETE FROM event_log_checkpoints');
        await read.end();
        await projector().start();
      } else {
        const kafka = new Kafka({ clientId: 'e2e-redeliver', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
        const producer = kafka.producer();
        await producer.connect();
        for (const row of rows) {
          // As the relay sends them: as stored, personal fields still sealed (the projector opens them).
          const event = storedEventFromOutboxRow(row, 'e2e');
          await producer.send({ topic: topicFor(event.eventType, topicPrefix), messages: [toKafkaMessage(event)] });
        }
        await producer.disconnect();
      }
      // The projector sees again only the events of the streams its read models follow (not TagCreated's `tag`).
      return rows.filter((row) => followedStreams.has(aggregateTypeOf(storedEventFromOutboxRow(row, 'e2e').eventType))).length;
    } finally {
      await write.end();
    }
  }
});
