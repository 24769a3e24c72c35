// The fault drills: each runs a steady load through the gateway, injects one fault, ends it, lets the load
// go on, then waits for the read side and accounts for every event (accounting.ts). Bounded throughout.
import { setTimeout as sleep } from 'node:timers/promises';
import { createEventLog, keyStoreConfigSchema, rebuildProjection, redriveDeadLetters } from '@mindflow/event-log';
import { migrationsFromDir } from '@mindflow/db';
import { createLogger } from '@mindflow/platform';
import { queryMigrationsDir, queryProjection, queryReadModels } from '@mindflow/query';
import { graphql, JsonClient } from '../bench/http-client.js';
import type { Mode } from '../system/index.js';
import { account, aggregatesOf, settle, waitCaughtUp, writtenNow, type Accounting } from './accounting.js';
import { startLoad, type LoadCounts } from './command-load.js';
import type { DrillEnvironment } from './environment.js';
import { killNotifications } from './notifications-crash.js';
import { reconcileSystemAttachments } from './media-side.js';
import type { DrillProfile } from './profile.js';
import { attachmentsClean, type AttachmentReconciliation } from './reconcile-attachments.js';
import { eraseUserDrill } from './erase-user.js';
import { soakDrill } from './soak.js';

export interface DrillContext {
  readonly env: DrillEnvironment;
  readonly profile: DrillProfile;
  /** A function value (drills take it out of the context): not a method. */
  readonly log: (line: string) => void;
  /**
   * Users the fault erased (the erase-user drill adds its victim): their aggregates are left out of the accounting,
   * which judges everybody else; the drill proves by its own scans that nothing of them is left. Set by runDrill.
   */
  readonly erasedUsers?: Set<string>;
}

/** What a fault reports besides the accounting (e.g. what the poison drill saw while parked). */
export type FaultNotes = Record<string, number | string | boolean>;

export interface Drill {
  readonly name: string;
  readonly title: string;
  /** What a clean result proves. */
  readonly proves: string;
  readonly modes: readonly Mode[];
  /** Runs only when named (`run.ts soak`), never as part of "every drill" (the soak lasts 20 minutes). */
  readonly explicit?: boolean;
  /** Injects the fault and ends it (restart, repair); resolves when the fault is over. */
  fault(context: DrillContext): Promise<FaultNotes | void>;
}

export interface DrillResult {
  readonly drill: string;
  readonly mode: Mode;
  readonly profile: string;
  readonly ok: boolean;
  readonly failures: readonly string[];
  readonly load: LoadCounts;
  /** Fault injected → fault over (restart done, DB back, redrive done). */
  readonly faultMs: number;
  /** Fault over → every event written before then applied to the read model. */
  readonly recoverMs: number | undefined;
  /** Fault over → the first command answered after it. */
  readonly commandsBackMs: number | undefined;
  /** Load stopped → the read side applied everything. */
  readonly settleMs: number | undefined;
  readonly accounting: Accounting;
  /** The media DB's rows against the stored objects (undefined: they could not be read, a failure says why). */
  readonly attachments: AttachmentReconciliation | undefined;
  readonly notes: FaultNotes;
  readonly seconds: number;
}

const killAndRestart = (service: string): Drill['fault'] => async ({ env, profile, log }) => {
  const process = env.service(service);
  log(`kill -9 ${service} (pid ${process.pid})`);
  await process.kill();
  await sleep(profile.deadMs);
  const started = performance.now();
  await process.start(120_000);
  const restartMs = Math.round(performance.now() - started);
  log(`${service} restarted and ready in ${restartMs} ms`);
  return { restartMs };
};

const both: readonly Mode[] = ['distributed', 'embedded'];

export const drills: readonly Drill[] = [
  {
    name: 'kill-relay',
    title: 'kill -9 the outbox relay',
    proves: 'a relay that dies between publishing and checkpointing re-publishes at most a few events, which the projector skips; none is lost',
    modes: ['distributed'],
    fault: killAndRestart('relay'),
  },
  {
    name: 'kill-projector',
    title: 'kill -9 the query projector',
    proves: 'a projector that dies mid-chunk leaves no half-applied transaction; its successor resumes from the committed position, skips what was applied, loses nothing',
    modes: both,
    fault: killAndRestart('query-projector'),
  },
  {
    name: 'kill-command',
    title: 'kill -9 the command service',
    proves: 'a command either commits with its events (outbox, one transaction) or not at all; commands fail only while it is down',
    modes: both,
    fault: killAndRestart('command'),
  },
  {
    name: 'kill-gateway',
    title: 'kill -9 the gateway',
    proves: 'requests in flight when the gateway dies are lost to the client only: what the command service committed reaches the read side; nothing else changes',
    modes: both,
    fault: killAndRestart('gateway'),
  },
  {
    name: 'kill-notifications',
    title: 'kill -9 the notifications scheduler mid-firing',
    proves: 'reminders due at once, the scheduler killed while a firing transaction is open (claimed, notified, not committed): after its restart every reminder fired exactly once, none lost, none twice',
    modes: both,
    fault: killNotifications,
  },
  {
    name: 'restart-kafka',
    title: 'crash (kill -9) and restart the Kafka broker',
    proves: 'relay and consumers ride out a broker outage: the relay retries, the projector resumes from its committed offsets, nothing lost or applied twice',
    modes: ['distributed'],
    async fault({ env, profile, log }) {
      log(`kill -9 the drill's Kafka broker (${env.kafka!.brokers})`);
      await env.kafka!.kill();
      await sleep(profile.outageMs);
      const started = performance.now();
      await env.kafka!.start();
      const restartMs = Math.round(performance.now() - started);
      log(`Kafka answers again after ${restartMs} ms`);
      return { restartMs };
    },
  },
  {
    name: 'stop-read-db',
    title: 'stop the read DB (PostgreSQL)',
    proves: 'the projector backs off while its database is gone (transient failures are retried, never parked) and catches up when it is back',
    modes: both,
    async fault({ env, profile, log }) {
      log('stopping the read DB');
      await env.stopReadDatabase();
      await sleep(profile.outageMs);
      const started = performance.now();
      await env.startReadDatabase();
      const restartMs = Math.round(performance.now() - started);
      log(`read DB back after ${restartMs} ms`);
      return { restartMs };
    },
  },
  {
    name: 'poison-event',
    title: 'a poison event, dead-lettered, then redriven',
    proves: 'an event the projector cannot apply is parked with the later events of its aggregate while every other aggregate keeps flowing; after the fix a redrive applies them in order',
    modes: both,
    fault: poison,
  },
  {
    name: 'rebuild',
    title: 'rebuild the query projection under load',
    proves: 'a rebuild from the start of the log, swapped in while the live projector runs, yields exactly the write DB',
    modes: both,
    fault: rebuild,
  },
  soakDrill,
  eraseUserDrill,
];

export const drillNames = drills.map((d) => d.name);

const poisonTitle = 'drill-poison';

async function poison({ env, log }: DrillContext): Promise<FaultNotes> {
  // The "bug": the read model refuses entries with this title (a handler bug would look the same to the runtime).
  await env.readPool.query(`
    CREATE OR REPLACE FUNCTION drill_poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'drill: this read model cannot take entry %', NEW.entry_id; END $$;
    DROP TRIGGER IF EXISTS drill_poison ON entries_view;
    CREATE TRIGGER drill_poison BEFORE INSERT OR UPDATE ON entries_view
      FOR EACH ROW WHEN (NEW.title = '${poisonTitle}') EXECUTE FUNCTION drill_poison();`);
  const client = new JsonClient(env.gatewayUrl);
  const writer = env.writers[0]!;
  const headers = { authorization: `Bearer ${writer.token}` };
  let entryId: string;
  try {
    const created = await graphql<{ createEntry: { entry: { id: string; version: number } } }>(client,
      `mutation ($input: CreateEntryInput!) { createEntry(input: $input) { entry { id version } } }`,
      { input: { journalId: writer.journalId, title: poisonTitle, content: 'this one the read model refuses' } }, headers);
    entryId = created.createEntry.entry.id;
    let version = created.createEntry.entry.version;
    for (let i = 0; i < 2; i++) {
      const updated = await graphql<{ updateEntry: { entry: { version: number } } }>(client,
        `mutation ($id: ID!, $v: Int!, $input: UpdateEntryInput!) { updateEntry(id: $id, expectedVersion: $v, input: $input) { entry { version } } }`,
        { id: entryId, v: version, input: { content: `edited behind the poison ${i}` } }, headers);
      version = updated.updateEntry.entry.version;
    }
  } finally {
    client.close();
  }
  log(`poison entry ${entryId} written with 2 later events; waiting for the dead letters`);
  const parkedAt = performance.now();
  const before = await appliedOthers(env, entryId);
  let letters = 0;
  for (let i = 0; i < 600 && letters < 3; i++) {
    const { rows } = await env.readPool.query<{ n: string }>(`SELECT count(*) AS n FROM dead_letters WHERE projection = $1 AND aggregate_id = $2`, [queryProjection, entryId]);
    letters = Number(rows[0]!.n);
    if (letters < 3) await sleep(200);
  }
  if (letters < 3) throw new Error(`the poison entry's 3 events were not all parked within 120 s (${letters} were)`);
  const parkedMs = Math.round(performance.now() - parkedAt);
  // Others keep flowing while the letters wait: the load goes on for a while, and other aggregates advance.
  await sleep(2_000);
  const othersAppliedWhileParked = (await appliedOthers(env, entryId)) - before;
  log(`3 letters parked in ${parkedMs} ms; ${othersAppliedWhileParked} versions of other aggregates applied meanwhile; fixing and redriving`);
  await env.readPool.query('DROP TRIGGER drill_poison ON entries_view; DROP FUNCTION drill_poison()');
  const report = await redriveDeadLetters({ projection: queryProjection, readPool: env.readPool, readModels: queryReadModels, log: createLogger('drill-redrive', 'warn') });
  log(`redrive: ${report.applied} applied, ${report.skipped} skipped, ${report.stillParked} still parked`);
  if (othersAppliedWhileParked <= 0) throw new Error('no other aggregate advanced while the poison was parked');
  return { parkedLetters: letters, parkedMs, othersAppliedWhileParked, redriveApplied: report.applied, redriveStillParked: report.stillParked };
}

async function appliedOthers(env: DrillEnvironment, except: string): Promise<number> {
  const { rows } = await env.readPool.query<{ n: string }>(
    `SELECT coalesce(sum(version), 0) AS n FROM projection_versions WHERE projection = $1 AND aggregate_id <> $2`, [queryProjection, except]);
  return Number(rows[0]!.n);
}

async function rebuild({ env, log }: DrillContext): Promise<FaultNotes> {
  const projectorEnv = env.service('query-projector').spec.env;
  const logger = createLogger('drill-rebuild', 'warn');
  const eventLog = createEventLog({
    mode: env.mode, log: logger, clientId: 'drill-rebuild', kafkaBrokers: env.kafka?.brokers, kafkaTopicPrefix: env.topicPrefix,
    writeDatabaseUrl: env.writeDatabaseUrl, readDatabaseUrl: env.readDatabaseUrl,
    // The key store the projector opens sealed events with (crypto-shredding): without it every sealed event of
    // the replay read as unreadable and was parked.
    keyStore: keyStoreConfigSchema.parse(projectorEnv),
  });
  try {
    const report = await rebuildProjection({
      projection: { name: queryProjection, readModels: queryReadModels, migrationScope: 'query', migrations: await migrationsFromDir(queryMigrationsDir) },
      eventLog,
      readDatabaseUrl: env.readDatabaseUrl,
      group: projectorEnv['QUERY_PROJECTOR_GROUP'] ?? `${projectorEnv['KAFKA_TOPIC_PREFIX'] ?? 'mindflow'}.query-projector`,
      log: logger,
    });
    log(`rebuilt: ${report.applied} events in ${report.seconds.toFixed(1)} s, swapped in ${report.relations.length} relations`);
    return { rebuiltEvents: report.applied, rebuildSeconds: Number(report.seconds.toFixed(1)), deadLetters: report.deadLetters };
  } finally {
    await eventLog.close();
  }
}

/** Runs one drill on a running environment: load, fault, recovery, settle, accounting. */
export async function runDrill(drill: Drill, context: DrillContext): Promise<DrillResult> {
  const { env, profile, log } = context;
  const erasedUsers = new Set<string>();
  const begun = performance.now();
  const load = startLoad({
    gatewayUrl: env.gatewayUrl, writers: env.writers, perWriterPerSecond: profile.perWriterPerSecond, attachmentsPerWriter: profile.attachmentsPerWriter,
    maxDurationMs: profile.warmupMs + profile.outageMs + profile.afterMs + (drill.explicit ? profile.soak.durationMs : 0) + 300_000,
  });
  let notes: FaultNotes = {};
  const failures: string[] = [];
  let faultMs = 0;
  let recoverMs: number | undefined;
  let commandsBackMs: number | undefined;
  let counts: LoadCounts;
  try {
    await sleep(profile.warmupMs);
    log(`${drill.name}: fault under load (${load.counts.ok} commands answered so far)`);
    const faultStart = performance.now();
    try {
      notes = (await drill.fault({ ...context, erasedUsers })) ?? {};
    } catch (error) {
      failures.push(`fault: ${error instanceof Error ? error.message : String(error)}`);
      notes = (error as { notes?: FaultNotes }).notes ?? {};
    }
    const faultEnd = performance.now();
    faultMs = faultEnd - faultStart;
    const erasedSoFar = await aggregatesOf(env, erasedUsers);
    const target = await writtenNow(env, erasedSoFar);
    const recovered = await waitCaughtUp(env, target, profile.settleMs, erasedSoFar);
    recoverMs = recovered === undefined ? undefined : recovered;
    if (recoverMs === undefined) failures.push(`the read side did not catch up with the events written before the fault ended within ${profile.settleMs} ms`);
    const remaining = profile.afterMs - (performance.now() - faultEnd);
    if (remaining > 0) await sleep(remaining);
    const back = load.firstOkAfter(faultEnd);
    commandsBackMs = back === undefined ? undefined : back - faultEnd;
  } finally {
    counts = await load.stop();
  }
  const erased = await aggregatesOf(env, erasedUsers);
  const settled = await settle(env, profile.settleMs, erased);
  if (settled === undefined) failures.push(`the read side did not settle within ${profile.settleMs} ms after the load stopped (caught up with everything written, no insights analysis pending, nothing written meanwhile)`);
  const accounting = await account(env, settled?.written, erased);
  if (accounting.duplicatesApplied !== 0) failures.push(`${accounting.duplicatesApplied} events applied twice`);
  if (accounting.lost !== 0) failures.push(`${accounting.lost} events written but never applied`);
  if (accounting.parked !== 0) failures.push(`${accounting.parked} dead letters still parked, e.g. ${accounting.examples.parked.join('; ')}`);
  if (accounting.delivered < accounting.written) failures.push(`only ${accounting.delivered} of ${accounting.written} events on the log`);
  for (const r of accounting.reconciliation) {
    if (r.discrepancies > 0) failures.push(`${r.readSide}: ${r.discrepancies} discrepancies, e.g. ${r.examples.slice(0, 3).map((d) => `${d.kind} ${d.id} ${d.problem} (${d.detail})`).join('; ')}`);
  }
  if (counts.ok === 0) failures.push('no command succeeded: the load did not run');
  // No object without its row, no row without its object.
  const reconciling = performance.now();
  const attachments = await reconcileSystemAttachments(env).catch((error: unknown) => {
    failures.push(`attachments: not reconciled: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
  if (attachments) log(`${drill.name}: attachments reconciled in ${Math.round(performance.now() - reconciling)} ms: ${counts.attached} attached by this load (${counts.attachFailed} failed${counts.firstAttachError ? `: ${counts.firstAttachError.slice(0, 200)}` : ''}), ${attachments.attachments} in all, ${attachments.objects} objects, ${attachments.objectsWithoutRow} without their row, ${attachments.rowsWithoutObject} rows without their object`);
  if (attachments && !attachmentsClean(attachments)) {
    failures.push(`attachments: ${attachments.objectsWithoutRow} objects without their row, ${attachments.rowsWithoutObject} rows without their object, e.g. ${attachments.examples.slice(0, 3).join('; ')}`);
  }
  return {
    drill: drill.name, mode: env.mode, profile: profile.name, ok: failures.length === 0, failures, load: { ...counts },
    faultMs: Math.round(faultMs), recoverMs: recoverMs === undefined ? undefined : Math.round(recoverMs),
    commandsBackMs: commandsBackMs === undefined ? undefined : Math.round(commandsBackMs),
    settleMs: settled === undefined ? undefined : Math.round(settled.ms),
    accounting, attachments, notes: settled && settled.writtenAfterFirstCaughtUp > 0 ? { ...notes, writtenAfterFirstCaughtUp: settled.writtenAfterFirstCaughtUp, writtenAfterFirstCaughtUpTypes: settled.writtenAfterFirstCaughtUpTypes } : notes, seconds: Math.round((performance.now() - begun) / 100) / 10,
  };
}
