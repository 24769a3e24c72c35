// npx tsx tools/src/bench/deliveries.ts [--count 2000] [--channels email,webhook]
// Issue 14, "emails and webhooks per second against local receivers": the notifications service's delivery worker
// (services/notifications, application/delivery-worker.ts wired as the projector runs it: nodemailer's SMTP pool,
// the Standard Webhooks sender, the address guard, one transaction per outcome with NotificationSent in the outbox)
// draining `--count` pending deliveries per channel, against an SMTP catcher (smtp-server, as the embedded mail
// catcher) and a local HTTP receiver answering 204. The raw baseline, in the same run against the same receivers:
// nodemailer alone over a pool of the same 4 connections (the same mails' size), and plain `fetch` POSTs 4 at a time.
// The ratio is what the worker's bookkeeping (claim, lease, outcome, event) costs per delivery.
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createPool, type Pool } from '@mindflow/db';
import { deliveryConfigSchema, migrateNotificationsDatabase, setUpDeliveryWorker } from '@mindflow/notifications-service';
import { startSmtpCatcher, startWebhookReceiver } from '@mindflow/notifications-service/testing';
import { createLogger } from '@mindflow/platform';
import nodemailer from 'nodemailer';
import { LoadSampler } from './machine.js';
import { createTestDatabase } from './servers.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, channels: { type: 'string', default: 'email,webhook' } } });
const count = Number(values.count);
const log = createLogger('bench-deliveries', 'warn');
const concurrency = 4; // the SMTP pool's connections, the worker's batch

async function seed(pool: Pool, channel: 'EMAIL' | 'WEBHOOK', hookUrl: string): Promise<void> {
  const users = Array.from({ length: count }, () => randomUUID());
  const ids = users.map(() => randomUUID());
  await pool.query(`INSERT INTO notification_recipients (user_id, email, registered_at) SELECT u, 'u-' || u || '@example.test', now() FROM unnest($1::uuid[]) AS u`, [users]);
  await pool.query(
    `INSERT INTO notifications (id, user_id, kind, title, body, dedupe_key, version, created_at)
     SELECT n, u, 'TASK_DUE', 'Water the plants', 'Due at 18:30', 'bench:' || n, 1, now() FROM unnest($1::uuid[], $2::uuid[]) AS x (n, u)`,
    [ids, users],
  );
  let targets = ids.map(() => 'email');
  if (channel === 'WEBHOOK') {
    targets = users.map(() => randomUUID());
    await pool.query(
      `INSERT INTO webhooks (id, user_id, url, kinds, secret, created_at) SELECT w, u, $3, ARRAY['TASK_DUE'], $4, now() FROM unnest($1::uuid[], $2::uuid[]) AS x (w, u)`,
      [targets, users, hookUrl, `whsec_${randomBytes(24).toString('base64')}`],
    );
  }
  await pool.query(
    `INSERT INTO notification_deliveries (notification_id, channel, target, status, next_attempt_at)
     SELECT n, $2, t, 'pending', now() FROM unnest($1::uuid[], $3::text[]) AS x (n, t)`,
    [ids, channel, targets],
  );
}

interface Result { readonly channel: string; readonly what: string; readonly sent: number; readonly seconds: number; readonly perSecond: number; readonly load: number }

async function timed(channel: string, what: string, run: () => Promise<number>): Promise<Result> {
  const load = new LoadSampler();
  const started = performance.now();
  const sent = await run();
  const seconds = (performance.now() - started) / 1000;
  return { channel, what, sent, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(sent / seconds), load: load.stop().mean };
}

/** `count` jobs, `concurrency` at a time. */
async function inParallel(job: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await job(next++);
  }));
  return count;
}

async function runChannel(channel: 'EMAIL' | 'WEBHOOK'): Promise<Result[]> {
  const db = await createTestDatabase(`bench_deliveries_${channel.toLowerCase()}`);
  const smtp = await startSmtpCatcher({ keep: 10 });
  const hooks = await startWebhookReceiver();
  const pool = createPool(db.url, { applicationName: 'bench-deliveries', max: 8 });
  try {
    await migrateNotificationsDatabase(pool);
    await seed(pool, channel, hooks.url());
    await pool.query('VACUUM ANALYZE');
    const results: Result[] = [];
    if (channel === 'EMAIL') {
      const transport = nodemailer.createTransport({ url: smtp.url, pool: true, maxConnections: concurrency } as never);
      const text = 'Water the plants\nDue at 18:30\n\nUnsubscribe: http://127.0.0.1:4005/unsubscribe?user=x&sig=y';
      results.push(await timed('email', 'raw: nodemailer pool of 4, same receiver', () =>
        inParallel(async (i) => void (await transport.sendMail({ from: 'MindFlow <n@mindflow.localhost>', to: `u-${i}@example.test`, subject: 'Water the plants', text, html: `<p>${text}</p>` })))));
      transport.close();
    } else {
      const body = JSON.stringify({ type: 'TASK_DUE', timestamp: new Date().toISOString(), data: { notificationId: randomUUID(), title: 'Water the plants', body: 'Due at 18:30', subjectId: null } });
      results.push(await timed('webhook', 'raw: fetch POST, 4 at a time, same receiver', () =>
        inParallel(async () => {
          const response = await fetch(hooks.url(), { method: 'POST', body, headers: { 'content-type': 'application/json' } });
          if (response.status !== 204) throw new Error(`receiver answered ${response.status}`);
        })));
    }
    const config = deliveryConfigSchema.parse({ SMTP_URL: smtp.url, MINDFLOW_WEBHOOK_ALLOW_LOOPBACK: true });
    const worker = setUpDeliveryWorker(config, { pool, log, mode: 'embedded' });
    results.push(await timed(channel.toLowerCase(), 'the delivery worker (one transaction and NotificationSent per delivery)', async () => {
      for (let round = 0; round < 100; round += 1) if ((await worker.runOnce()) === 0) break;
      const { rows } = await pool.query<{ sent: number; events: number }>(
        `SELECT (SELECT count(*)::int FROM notification_deliveries WHERE status = 'sent') AS sent,
                (SELECT count(*)::int FROM outbox WHERE event_type = 'NotificationSent') AS events`,
      );
      if (rows[0]!.sent !== count || rows[0]!.events !== count) throw new Error(`${channel}: ${rows[0]!.sent} sent, ${rows[0]!.events} NotificationSent of ${count}`);
      return rows[0]!.sent;
    }));
    await worker.stop();
    return results;
  } finally {
    await pool.end();
    await smtp.close();
    await hooks.close();
    await db.drop();
  }
}

const results: Result[] = [];
for (const channel of values.channels.split(',')) {
  if (channel !== 'email' && channel !== 'webhook') throw new Error(`unknown channel ${channel} (email, webhook)`);
  results.push(...(await runChannel(channel === 'email' ? 'EMAIL' : 'WEBHOOK')));
  console.info(JSON.stringify(results.slice(-2)));
}
console.info(`\n${count} deliveries per channel\n`);
console.info('| channel | sender | delivered | seconds | per second | load (mean) |');
console.info('|---|---|---|---|---|---|');
for (const r of results) console.info(`| ${r.channel} | ${r.what} | ${r.sent} | ${r.seconds} | ${r.perSecond} | ${r.load} |`);
