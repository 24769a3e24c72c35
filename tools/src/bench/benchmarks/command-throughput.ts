// 1. createEntry throughput and latency at 1, 8 and 64 concurrent clients: gRPC straight to the command
// service, and a GraphQL mutation through the gateway (→ query subgraph → gRPC), against the baseline of a
// raw INSERT of the same rows (entry, its tags, its outbox event) in one pg transaction.
import { randomUUID } from 'node:crypto';
import { appendToOutbox } from '@mindflow/event-log';
import { countWords, newEvent } from '@mindflow/events';
import { createPool, withTransaction } from '@mindflow/db';
import { createCommandClient } from '@mindflow/proto';
import type { BenchContext, BenchUser } from '../context.js';
import { graphql, JsonClient } from '../http-client.js';
import { closedLoop, interleaved } from '../load.js';
import { measurement, ratio, type BenchmarkOutcome, type Measurement, type Ratio } from '../result.js';

export const name = 'command';
export const title = 'createEntry throughput and latency (gRPC, gateway) vs raw INSERT + outbox';
export const needsSystem = true;

const content = 'Slept well, then wrote three pages about the week ahead and what matters most to me now.';
const tags = ['bench', 'morning'];
const wordCount = countWords(content);

const createEntry = /* GraphQL */ `
  mutation CreateEntry($input: CreateEntryInput!) { createEntry(input: $input) { entry { id version } consistencyToken } }`;

/** The command service's pool size (createPool's default): the baseline gets the same connection budget. */
const commandServicePoolSize = 10;

export async function run(context: BenchContext): Promise<BenchmarkOutcome> {
  const settings = context.profile.command;
  const system = await context.system();
  const grpc = createCommandClient(system.grpcAddress);
  await grpc.waitForReady(10_000);
  context.defer(() => grpc.close());
  const gateway = new JsonClient(system.gatewayUrl);
  context.defer(() => gateway.close());
  const users = await system.users(settings.users);
  const userOf = (worker: number): BenchUser => users[worker % users.length]!;

  const measurements: Measurement[] = [];
  const ratios: Ratio[] = [];
  for (const concurrency of settings.concurrency) {
    const load = { concurrency, warmupMs: settings.warmupMs, durationMs: settings.durationMs };
    const poolSize = Math.min(concurrency, commandServicePoolSize);
    const pool = createPool(system.writeDatabaseUrl, { applicationName: 'bench-raw', max: poolSize });
    // Connected before the clock starts, as the command service's pool is: opening 64 connections at once took
    // longer than the quick profile's whole window (CI saw 0 raw INSERTs answered at 64 clients).
    const connected = await Promise.all(Array.from({ length: poolSize }, () => pool.connect()));
    for (const client of connected) client.release();

    const rawInsert = async (worker: number, n: number) => {
      const user = userOf(worker);
      const entryId = randomUUID();
      const now = new Date().toISOString();
      const title = `raw ${worker}.${n}`;
      const event = newEvent('JournalEntryCreated', {
        eventId: randomUUID(), occurredAt: now, source: 'command', correlationId: randomUUID(), causationId: null,
        userId: user.userId, aggregateId: entryId, aggregateVersion: 1,
        payload: { entryId, journalId: user.journalId, title, content, mood: 'GOOD', tags, wordCount, weather: null, location: null, createdAt: now },
      });
      await withTransaction(pool, async (tx) => {
        await tx.query(
          `INSERT INTO entries (id, owner_id, title, content, mood, weather, location, word_count, version, updated_at,
             deleted_at, journal_id, created_at)
           VALUES ($1, $2, $3, $4, $5, NULL, NULL, $6, 1, $7, NULL, $8, $7)`,
          [entryId, user.userId, title, content, 'GOOD', wordCount, now, user.journalId],
        );
        await tx.query(
          `INSERT INTO entry_tags (entry_id, tag, ordinal)
           SELECT $1, tag, ordinal - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(tag, ordinal)`,
          [entryId, tags],
        );
        await appendToOutbox(tx, [event]);
      });
    };
    const viaGrpc = async (worker: number, n: number) => {
      const user = userOf(worker);
      await grpc.createEntry(
        { input: { journalId: user.journalId, title: `grpc ${worker}.${n}`, content, mood: 'GOOD', tags } },
        { userId: user.userId, correlationId: randomUUID() },
      );
    };
    const viaGateway = async (worker: number, n: number) => {
      const user = userOf(worker);
      await graphql(gateway, createEntry, { input: { journalId: user.journalId, title: `gw ${worker}.${n}`, content, mood: 'GOOD', tags } }, {
        authorization: `Bearer ${user.token}`,
      });
    };

    const results = await interleaved(settings.rounds, {
      raw: () => closedLoop({ ...load, operation: rawInsert }),
      grpc: () => closedLoop({ ...load, operation: viaGrpc }),
      gateway: () => closedLoop({ ...load, operation: viaGateway }),
    });
    await pool.end();
    const baseline = measurement(`raw INSERT ×${concurrency}`, 'baseline', 'req/s', results.raw, { concurrency });
    const grpcResult = measurement(`gRPC ×${concurrency}`, 'subject', 'req/s', results.grpc, { concurrency });
    const gatewayResult = measurement(`gateway ×${concurrency}`, 'subject', 'req/s', results.gateway, { concurrency });
    measurements.push(baseline, grpcResult, gatewayResult);
    ratios.push(ratio(grpcResult, baseline), ratio(gatewayResult, baseline));
    context.log(`command ×${concurrency}: raw ${baseline.perSecond}/s, gRPC ${grpcResult.perSecond}/s, gateway ${gatewayResult.perSecond}/s`);
  }
  return {
    measurements,
    ratios,
    notes: [
      `closed loop: each client sends its next request when the last one answered; per concurrency ${settings.rounds} rounds taking turns (raw, gRPC, gateway), each ${settings.warmupMs} ms warm-up + ${settings.durationMs} ms measured, so load swings hit all three alike`,
      `${users.length} users, one journal each; client i writes as user i mod ${users.length}`,
      `baseline: BEGIN; INSERT entries; INSERT entry_tags; INSERT outbox; COMMIT over a pool of min(clients, ${commandServicePoolSize}) connections (the command service's pool size)`,
      'the whole distributed system runs meanwhile: the relay, the projector and the notifier carry every write on to Kafka, the read DB and Redis (the baseline\'s rows too)',
      'the load generator runs on the same two cores as everything it measures',
    ],
  };
}
