// The erase-user drill (issue 16, "Operators"): under the drills' steady load from several writers, a victim who wrote
// a unique marker word into a journal, an entry (tagged with it), a thought, a task and an attachment has every
// projector stopped (query, search, insights, notifications, media), writes one more entry that no projector has
// seen, and deletes the account. The load goes on; the projectors are started again; the drill waits for identity's
// erasure saga to complete (every awaited service acknowledged, the key destroyed), prints the operators' erasure
// report, and scans: the marker in no table of any database of the system (outboxes, embedded log, dead letters
// included), no stored object of the victim or holding the marker, distributed no raw Kafka message holding it.
// The victim's aggregates are then left out of runDrill's accounting (`erasedUsers`), which judges everybody else:
// 0 lost, 0 applied twice, their read models equal to their writes.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createPool, type Pool } from '@mindflow/db';
import { identityDatabaseUrlFor, insightsDatabaseUrlFor, keysDatabaseUrlFor, mediaDatabaseUrlFor, notificationsDatabaseUrlFor, repoRoot } from '../system/index.js';
import { attach, samplePhoto } from '../e2e/attachment-operations.js';
import { diskObjectStore, kafkaScan, mentionsEverywhere, objectsHolding, objectsOf } from '../e2e/erasure-scans.js';
import { GatewayClient } from '../e2e/gateway-client.js';
import * as op from '../e2e/mutation-operations.js';
import type { Drill, DrillContext, FaultNotes } from './drills.js';

const register = 'mutation ($email: String!, $password: String!) { register(email: $email, password: $password) { accessToken user { id } } }';
const deleteAccount = 'mutation ($password: String!) { deleteAccount(password: $password) }';
const password = 'correct horse battery staple';
/** The projectors the drill stops: every role that projects the log into a read side or a service's own state. */
const projectors = ['query-projector', 'search-projector', 'insights-projector', 'notifications-projector', 'media-projector'];
const tsx = createRequire(import.meta.url).resolve('tsx');

export const eraseUserDrill: Drill = {
  name: 'erase-user',
  title: 'erase a user under load while every projector is down',
  proves: 'an account deleted while the projectors are down is erased everywhere once they are back (no database row, search document, stored object or raw log message holds its marker), and nobody else loses or doubles an event',
  modes: ['distributed', 'embedded'],
  explicit: true,
  fault: eraseUser,
};

async function eraseUser({ env, profile, log, erasedUsers }: DrillContext): Promise<FaultNotes> {
  const marker = `erasedrill${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const identityUrl = identityDatabaseUrlFor(env.writeDatabaseUrl);
  const urls: Record<string, string> = {
    write: env.writeDatabaseUrl, read: env.readDatabaseUrl, identity: identityUrl,
    ...(env.mode === 'distributed'
      ? { insights: insightsDatabaseUrlFor(env.writeDatabaseUrl), notifications: notificationsDatabaseUrlFor(env.writeDatabaseUrl), media: mediaDatabaseUrlFor(env.writeDatabaseUrl), keys: keysDatabaseUrlFor(env.writeDatabaseUrl) }
      : {}),
  };
  const pools = new Map<string, Pool>(Object.entries(urls).map(([role, url]) => [role, createPool(url, { applicationName: 'drill-erase-user', max: 1 })]));
  try {
    // The victim: a registered account (deleteAccount asks for the password), the marker everywhere she can write it.
    const anonymous = new GatewayClient(env.gatewayUrl);
    const { register: session } = await anonymous.data<{ register: { accessToken: string; user: { id: string } } }>(register, { email: `${marker}@example.com`, password });
    const victimId = session.user.id;
    erasedUsers?.add(victimId);
    const victim = anonymous.withToken(session.accessToken);
    const { createJournal } = await victim.data<{ createJournal: { journal: { id: string } } }>(op.createJournal, { input: { name: `Days of ${marker}` } });
    const { createEntry } = await victim.data<{ createEntry: { entry: { id: string } } }>(op.createEntry, {
      input: { journalId: createJournal.journal.id, title: `About ${marker}`, content: `Today I felt wonderful and calm, thinking of ${marker}.`, tags: [marker] },
    });
    await victim.data(op.captureThought, { text: `Remember ${marker}`, tags: ['ideas', `${marker}-thought`] });
    const remindAt = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString();
    await victim.data(op.createTask, { input: { title: `Call ${marker}`, date: remindAt.slice(0, 10), remindAt } });
    await attach(victim, { entryId: createEntry.entry.id }, `${marker}.jpg`, 'image/jpeg', await samplePhoto());
    const store = diskObjectStore(env.writeDatabaseUrl); // the drill system's media: the disk store in both modes
    const before = { tables: Object.keys(await mentionsEverywhere(pools, marker)).length, objects: (await objectsOf(store, victimId)).length };
    log(`erase-user: victim ${victimId} wrote ${marker} (journal, entry, tag, thought, task, attachment): in ${before.tables} tables, ${before.objects} objects of hers`);
    if (before.tables === 0 || before.objects === 0) throw new Error(`the marker is not where the victim wrote it (${before.tables} tables, ${before.objects} objects): the scans would prove nothing`);

    // Every projector down; the victim writes once more (an event no projector has seen), then deletes her account.
    const stopped = performance.now();
    await Promise.all(projectors.map((name) => env.service(name).stop()));
    log(`erase-user: stopped ${projectors.join(', ')} in ${Math.round(performance.now() - stopped)} ms`);
    await victim.data(op.createEntry, { input: { journalId: createJournal.journal.id, title: `Unseen ${marker}`, content: `Written while nobody projected: ${marker}.`, tags: [marker] } });
    const asked = performance.now();
    const { deleteAccount: deleted } = await victim.data<{ deleteAccount: boolean }>(deleteAccount, { password });
    if (!deleted) throw new Error('deleteAccount answered false');
    const deleteAccountMs = Math.round(performance.now() - asked);
    log(`erase-user: deleteAccount answered in ${deleteAccountMs} ms; projectors stay down ${profile.outageMs} ms under load`);
    await sleep(profile.outageMs);
    const writtenWhileDown = await eventsSince(env.writePool, victimId, stopped);
    const restarting = performance.now();
    await Promise.all(projectors.map((name) => env.service(name).start(120_000)));
    const projectorsBackMs = Math.round(performance.now() - restarting);
    log(`erase-user: projectors ready again in ${projectorsBackMs} ms`);

    // Identity's saga: every awaited service acknowledged, the key destroyed.
    const identity = pools.get('identity')!;
    let completedMs: number | undefined;
    let acknowledged: string[] = [];
    while (performance.now() - asked < profile.settleMs + 120_000) {
      const { rows } = await identity.query<{ completed_at: Date | null }>('SELECT completed_at FROM erasures WHERE user_id = $1', [victimId]);
      acknowledged = (await identity.query<{ service: string }>('SELECT service FROM erasure_receipts WHERE user_id = $1 AND acknowledged_at IS NOT NULL ORDER BY service', [victimId])).rows.map((r) => r.service);
      if (rows[0]?.completed_at) {
        completedMs = Math.round(performance.now() - asked);
        break;
      }
      await sleep(250);
    }
    const report = await erasureReport(identityUrl);
    log(`erase-user: erasure report\n${report}`);
    if (completedMs === undefined) throw withNotes(new Error(`the erasure did not complete (acknowledged: ${acknowledged.join(', ') || 'none'})`), { deleteAccountMs, projectorsBackMs });
    // Per service: its acknowledgement, in seconds after the request (the report's dates, as figures for the table).
    const { rows: receipts } = await identity.query<{ service: string; seconds: number }>(
      `SELECT r.service, extract(epoch FROM r.acknowledged_at - e.requested_at)::float8 AS seconds
         FROM erasure_receipts r JOIN erasures e ON e.user_id = r.user_id WHERE r.user_id = $1 ORDER BY r.acknowledged_at`, [victimId],
    );
    const afterRestartMs = Math.round(performance.now() - restarting);
    log(`erase-user: erasure complete ${completedMs} ms after deleteAccount (${afterRestartMs} ms after the projectors were back)`);

    // Nothing of her anywhere.
    const scanned = performance.now();
    const left = await mentionsEverywhere(pools, marker);
    const herObjects = await objectsOf(store, victimId);
    const holding = await objectsHolding(store, marker);
    const kafka = env.kafka ? await kafkaScan({ brokers: [env.kafka.brokers], topicPrefix: env.topicPrefix }, [marker, victimId]) : undefined;
    const scanMs = Math.round(performance.now() - scanned);
    const notes: FaultNotes = {
      victim: victimId, deleteAccountMs, projectorsDownMs: Math.round(restarting - stopped), projectorsBackMs,
      erasureCompleteMs: completedMs, completeAfterProjectorsBackMs: afterRestartMs, eventsWrittenWhileDown: writtenWhileDown,
      markerTablesBefore: before.tables, markerTablesAfter: Object.keys(left).length, victimObjectsBefore: before.objects, victimObjectsAfter: herObjects.length,
      objectsHoldingMarker: holding.length, scanMs,
      ...(kafka ? { kafkaTopicsScanned: kafka.topics, kafkaMessagesScanned: kafka.messages, kafkaMessagesHoldingMarker: kafka.holding[marker]!, kafkaMessagesWithVictimId: kafka.holding[victimId]! } : {}),
      acknowledgedAfter: receipts.map((r) => `${r.service} ${r.seconds.toFixed(1)} s`).join(' / '),
    };
    log(`erase-user: scanned in ${scanMs} ms: marker in ${Object.keys(left).length} tables, ${herObjects.length} objects of hers, ${holding.length} objects holding it${kafka ? `, ${kafka.holding[marker]} of ${kafka.messages} Kafka messages (${kafka.topics} topics) holding it` : ''}`);
    const problems = [
      ...(Object.keys(left).length > 0 ? [`the marker is still in ${Object.entries(left).map(([table, n]) => `${table} (${n})`).join(', ')}`] : []),
      ...(herObjects.length > 0 ? [`objects of hers remain: ${herObjects.join(', ')}`] : []),
      ...(holding.length > 0 ? [`objects hold the marker: ${holding.join(', ')}`] : []),
      ...(kafka && kafka.holding[marker]! > 0 ? [`${kafka.holding[marker]} Kafka messages hold the marker`] : []),
      ...(kafka && kafka.messages === 0 ? ['the Kafka scan read no message'] : []),
    ];
    if (problems.length > 0) throw withNotes(new Error(problems.join('; ')), notes);
    return notes;
  } finally {
    await Promise.all([...pools.values()].map((pool) => pool.end()));
  }
}

/** Events other users' load wrote to the write DB's outbox since `since` (performance.now()), i.e. while the projectors were down. */
async function eventsSince(writePool: Pool, victimId: string, since: number): Promise<number> {
  const seconds = (performance.now() - since) / 1000;
  const { rows } = await writePool.query<{ n: string }>(
    `SELECT count(*) AS n FROM outbox WHERE user_id <> $1 AND occurred_at > now() - make_interval(secs => $2)`, [victimId, seconds],
  );
  return Number(rows[0]!.n);
}

/** The operators' erasure report, run as they run it (services/identity's erasure-report-main.ts, its own process). */
async function erasureReport(identityDatabaseUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', tsx, join(repoRoot, 'services', 'identity', 'src', 'erasure-report-main.ts'), '5'], {
    env: { ...process.env, IDENTITY_DATABASE_URL: identityDatabaseUrl, LOG_LEVEL: 'warn' }, timeout: 60_000,
  });
  return stdout.trim();
}

function withNotes(error: Error, notes: FaultNotes): Error {
  return Object.assign(error, { notes });
}
