// What the cross-user cases attack: Alice's objects of every kind, each carrying a marker word no other
// user wrote, and Bob, a second signed-in user who knows all of Alice's ids, cursors and idempotency keys.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { GraphQLResponse } from '../../e2e/gateway-client.js';
import { waitUntil } from '../../system/index.js';
import { attach, samplePhoto, uploadFile } from '../../e2e/attachment-operations.js';
import * as op from '../../e2e/mutation-operations.js';
import type { SecuritySystem, SignedInUser } from '../test/security-system.js';

export interface AliceObjects {
  readonly user: SignedInUser;
  /** A word that occurs only in Alice's content: any response to Bob carrying it is a leak. */
  readonly marker: string;
  readonly journalId: string;
  readonly entryId: string;
  readonly thoughtId: string;
  readonly taskId: string;
  readonly eventId: string;
  /** The notification her task's reminder put in her notification centre (title and body carry the marker). */
  readonly notificationId: string;
  /** Her webhook (its URL carries the marker) and the preferences she set. */
  readonly webhookId: string;
  /** Her photo on her entry (its file name carries the marker), and an upload of hers not attached yet. */
  readonly attachmentId: string;
  readonly uploadId: string;
  readonly preferences: { readonly timeZone: string; readonly journalPromptAt: string };
  readonly keys: { readonly entry: string; readonly thought: string; readonly task: string };
  /** Every write's consistency token, comma-joined (x-consistent-with). */
  readonly tokens: string;
}

export interface World {
  readonly sys: SecuritySystem;
  readonly alice: AliceObjects;
  readonly bob: SignedInUser;
  /** Bob's own journal (a target he may write to). */
  readonly bobJournalId: string;
}

/** The date range Alice's task and event fall in. */
export const aliceDays = { start: '2031-01-06', end: '2031-01-12' };

export async function buildWorld(sys: SecuritySystem): Promise<World> {
  const [aliceUser, bob] = await Promise.all([sys.register('alice'), sys.register('bob')]);
  const marker = `zq${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const keys = { entry: `entry-${marker}`, thought: `thought-${marker}`, task: `task-${marker}` };
  const a = aliceUser.client;
  const journal = await a.data<{ createJournal: { journal: op.Journal; consistencyToken: string } }>(
    op.createJournal, { input: { name: `Alice ${marker}`, description: marker, isPrivate: true } });
  const journalId = journal.createJournal.journal.id;
  const [entry, thought, task, event, bobJournal] = await Promise.all([
    a.data<{ createEntry: { entry: op.Entry; consistencyToken: string } }>(
      op.createEntry, { input: { journalId, title: marker, content: `secret ${marker}`, tags: [marker] }, key: keys.entry }),
    a.data<{ captureThought: { thought: op.Thought; consistencyToken: string } }>(op.captureThought, { text: `secret ${marker}`, tags: [marker], key: keys.thought }),
    // Its reminder fires in a moment: the notification in Alice's centre is hers to attack.
    a.data<{ createTask: { task: op.Task; consistencyToken: string } }>(op.createTask, {
      input: { title: `secret ${marker}`, date: aliceDays.start, category: marker, recurrence: 'FREQ=DAILY;COUNT=7', remindAt: new Date(Date.now() + 1_000).toISOString() },
      key: keys.task,
    }),
    a.data<{ scheduleEvent: { event: op.CalendarEvent; consistencyToken: string } }>(
      op.scheduleEvent, { input: { title: `secret ${marker}`, startsAt: `${aliceDays.start}T10:00:00Z`, endsAt: `${aliceDays.start}T11:00:00Z`, recurrence: 'FREQ=DAILY;COUNT=7' } }),
    bob.client.data<{ createJournal: { journal: op.Journal } }>(op.createJournal, { input: { name: 'Bob' } }),
  ]);
  const preferences = { timeZone: 'Asia/Tokyo', journalPromptAt: '07:15' };
  const [webhook] = await Promise.all([
    a.data<{ createWebhook: { webhook: { id: string } } }>('mutation ($url: String!) { createWebhook(url: $url, kinds: [TASK_DUE]) { webhook { id } } }',
      { url: `https://${marker}.example.com/hook` }),
    a.data('mutation ($input: NotificationPreferencesInput!) { setNotificationPreferences(input: $input) { timeZone } }', { input: preferences }),
  ]);
  const entryId = entry.createEntry.entry.id;
  const photo = await samplePhoto();
  const [attachment, upload] = await Promise.all([
    attach(a, { entryId }, `${marker}.jpg`, 'image/jpeg', photo),
    uploadFile(a, `${marker}-pending.jpg`, 'image/jpeg', photo),
  ]);
  let notificationId: string | undefined;
  await waitUntil('the reminder of Alice\'s task in her notification centre', async () => {
    const own = await a.data<{ notifications: { edges: { node: { id: string } }[] } }>('{ notifications { edges { node { id } } } }');
    notificationId = own.notifications.edges[0]?.node.id;
    return notificationId !== undefined;
  }, 30_000, 100);
  const tokens = [journal.createJournal.consistencyToken, entry.createEntry.consistencyToken, thought.captureThought.consistencyToken,
    task.createTask.consistencyToken, event.scheduleEvent.consistencyToken].join(',');
  // Alice's objects are on the read side before Bob looks for them: an empty answer is a refusal, not a lag.
  await a.data(op.journals, {}, { 'x-consistent-with': tokens });
  return {
    sys,
    bob,
    bobJournalId: bobJournal.createJournal.journal.id,
    alice: {
      user: aliceUser,
      marker,
      journalId,
      entryId: entry.createEntry.entry.id,
      thoughtId: thought.captureThought.thought.id,
      taskId: task.createTask.task.id,
      eventId: event.scheduleEvent.event.id,
      notificationId: notificationId!,
      webhookId: webhook.createWebhook.webhook.id,
      attachmentId: attachment.id,
      uploadId: upload.uploadId,
      preferences,
      keys,
      tokens,
    },
  };
}

/** Nothing of Alice's content or account in what Bob got back (her ids may be echoed: Bob sent them). */
export function expectNoLeak(world: World, response: unknown): void {
  const text = JSON.stringify(response);
  expect(text).not.toContain(world.alice.marker);
  expect(text).not.toContain(world.alice.user.email);
}

/** Refused with `code` (and no data of Alice's). */
export function expectRefused(world: World, response: GraphQLResponse<unknown>, code: string): void {
  expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response)).toBe(code);
  expect(response.data ?? null).toBeNull();
  expectNoLeak(world, response);
}
