// A valid set of arguments for every mutation, aimed at objects the prober owns: each probe changes one
// value of these, so whatever is refused is refused for that value alone.
import { randomUUID } from 'node:crypto';
import type { GatewayClient } from '../../e2e/gateway-client.js';
import { attach, samplePhoto, uploadFile } from '../../e2e/attachment-operations.js';
import * as op from '../../e2e/mutation-operations.js';
import { password } from '../test/security-system.js';

export interface ProberObjects {
  readonly journalId: string;
  readonly entryId: string;
  readonly thoughtId: string;
  readonly taskId: string;
  readonly eventId: string;
  /** A webhook of the prober's (deleted last, as the other objects). */
  readonly webhookId: string;
  /** An uploaded file of the prober's not attached yet (attachFile's), and an attachment on its entry (removeAttachment's). */
  readonly uploadId: string;
  readonly attachmentId: string;
  /** Current version by aggregate id (moved on when a probe meets a CONFLICT). */
  readonly versions: Map<string, number>;
}

export async function createProberObjects(client: GatewayClient): Promise<ProberObjects> {
  const journal = await client.data<{ createJournal: { journal: op.Journal } }>(op.createJournal, { input: { name: 'Probed' } });
  const journalId = journal.createJournal.journal.id;
  const [entry, thought, task, event, webhook] = await Promise.all([
    client.data<{ createEntry: { entry: op.Entry } }>(op.createEntry, { input: { journalId, content: 'probed' } }),
    client.data<{ captureThought: { thought: op.Thought } }>(op.captureThought, { text: 'probed' }),
    client.data<{ createTask: { task: op.Task } }>(op.createTask, { input: { title: 'probed', date: '2031-05-01' } }),
    client.data<{ scheduleEvent: { event: op.CalendarEvent } }>(op.scheduleEvent, { input: { title: 'probed', startsAt: '2031-05-01T09:00:00Z', endsAt: '2031-05-01T10:00:00Z' } }),
    client.data<{ createWebhook: { webhook: { id: string } } }>('mutation { createWebhook(url: "https://hooks.example.com/probed", kinds: [TASK_DUE]) { webhook { id } } }'),
  ]);
  const ids = { journalId, entryId: entry.createEntry.entry.id, thoughtId: thought.captureThought.thought.id, taskId: task.createTask.task.id, eventId: event.scheduleEvent.event.id };
  const photo = await samplePhoto();
  const [upload, attachment] = await Promise.all([
    uploadFile(client, 'probed.jpg', 'image/jpeg', photo),
    attach(client, { entryId: ids.entryId }, 'probed.jpg', 'image/jpeg', photo),
  ]);
  return { ...ids, webhookId: webhook.createWebhook.webhook.id, uploadId: upload.uploadId, attachmentId: attachment.id, versions: new Map(Object.values(ids).map((id) => [id, 1])) };
}

/**
 * resetPassword's token in valid arguments: a placeholder the malformed-inputs spec replaces with the token of a
 * fresh reset link (mailed to a throwaway account, caught by its SMTP catcher) before sending — a link is single-use.
 */
export const freshResetToken = '<a fresh reset link token>';

export function validArguments(mutation: string, o: ProberObjects): Record<string, unknown> {
  const v = (id: string) => o.versions.get(id)!;
  const email = `probe-${randomUUID().slice(0, 8)}@example.com`;
  const all: Record<string, () => Record<string, unknown>> = {
    register: () => ({ email, password: 'a long enough passphrase', name: 'Probe' }),
    login: () => ({ email, password: 'a long enough passphrase' }),
    refreshSession: () => ({}),
    logout: () => ({ everywhere: false }),
    // Always true, whatever the address (this one has no account: no mail goes).
    requestPasswordReset: () => ({ email }),
    resetPassword: () => ({ token: freshResetToken, newPassword: 'a new long enough passphrase' }),
    // Sent by the spec as a throwaway account of its own (its password is the security system's): the prober stays.
    deleteAccount: () => ({ password }),
    createJournal: () => ({ input: { name: 'Probe', description: 'd', color: '#336699', icon: 'book', isPrivate: false } }),
    updateJournal: () => ({ id: o.journalId, expectedVersion: v(o.journalId), input: { name: 'Probe' } }),
    deleteJournal: () => ({ id: o.journalId, expectedVersion: v(o.journalId) }),
    createEntry: () => ({ input: { journalId: o.journalId, title: 't', content: 'c', mood: 'CALM', tags: ['x'] }, idempotencyKey: randomUUID() }),
    updateEntry: () => ({ id: o.entryId, expectedVersion: v(o.entryId), input: { content: 'c' } }),
    deleteEntry: () => ({ id: o.entryId, expectedVersion: v(o.entryId) }),
    captureThought: () => ({ text: 't', tags: ['x'], idempotencyKey: randomUUID() }),
    updateThought: () => ({ id: o.thoughtId, expectedVersion: v(o.thoughtId), text: 't', tags: ['x'] }),
    deleteThought: () => ({ id: o.thoughtId }),
    createTask: () => ({ input: { title: 't', date: '2031-05-02', priority: 'LOW', category: 'c' }, idempotencyKey: randomUUID() }),
    updateTask: () => ({ id: o.taskId, expectedVersion: v(o.taskId), input: { title: 't' } }),
    // The prober's task is a one-off on 2031-05-01: its own date is a valid occurrence.
    completeTask: () => ({ id: o.taskId, occurrence: '2031-05-01' }),
    reopenTask: () => ({ id: o.taskId, occurrence: '2031-05-01' }),
    deleteTask: () => ({ id: o.taskId }),
    scheduleEvent: () => ({ input: { title: 't', startsAt: '2031-05-02T09:00:00Z', endsAt: '2031-05-02T10:00:00Z' } }),
    cancelEvent: () => ({ id: o.eventId }),
    setInsightsEnabled: () => ({ enabled: true }),
    setNotificationPreferences: () => ({
      input: { timeZone: 'Europe/Berlin', journalPromptAt: '20:00', weeklyReflectionOn: 7, quietHours: { start: '22:00', end: '07:00' },
        channels: [{ kind: 'TASK_DUE', channels: ['IN_APP', 'EMAIL'] }] },
    }),
    markNotificationsRead: () => ({ ids: [], all: false }),
    createWebhook: () => ({ url: 'https://hooks.example.com/probe', kinds: ['TASK_DUE', 'WEEKLY_REFLECTION'] }),
    deleteWebhook: () => ({ id: o.webhookId }),
    generateWeeklyReflection: () => ({ weekStart: '2025-02-03' }),
    requestUpload: () => ({ input: { fileName: 'probe.jpg', contentType: 'image/jpeg', size: 1000 } }),
    attachFile: () => ({ uploadId: o.uploadId, to: { entryId: o.entryId } }),
    removeAttachment: () => ({ id: o.attachmentId }),
    // A query, probed like the mutations (malformed-inputs.e2e.spec.ts): the prober's journal, a range around its entry.
    exportJournal: () => ({ id: o.journalId, format: 'JSON', from: '2020-01-01', to: '2099-12-31' }),
  };
  const make = all[mutation];
  if (!make) throw new Error(`no valid arguments for Mutation.${mutation}: add them to inputs/valid-arguments.ts`);
  return make();
}
