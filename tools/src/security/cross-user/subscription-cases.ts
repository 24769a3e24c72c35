// For every subscription: what a user writes to cause one delivery, and the id that delivery names.
import * as op from '../../e2e/mutation-operations.js';
import type { GatewayClient } from '../../e2e/gateway-client.js';

export interface SubscriptionCase {
  readonly query: string;
  /** One write by `client` (into `journalId` where it needs one) that the subscription reports; its id. */
  write(client: GatewayClient, journalId: string, marker: string): Promise<string>;
  idOf(data: Record<string, unknown>): string;
}

const createEntry = async (client: GatewayClient, journalId: string, marker: string) =>
  (await client.data<{ createEntry: { entry: op.Entry } }>(op.createEntry, { input: { journalId, content: `live ${marker}` } })).createEntry.entry.id;

export const subscriptionCases: Record<string, SubscriptionCase> = {
  entryChanged: {
    query: 'subscription { entryChanged { kind entryId entry { id content } } }',
    write: createEntry,
    idOf: (data) => (data['entryChanged'] as { entryId: string }).entryId,
  },
  taskChanged: {
    query: 'subscription { taskChanged { kind taskId task { id title } } }',
    write: async (client, _journalId, marker) =>
      (await client.data<{ createTask: { task: op.Task } }>(op.createTask, { input: { title: `live ${marker}`, date: '2031-03-01' } })).createTask.task.id,
    idOf: (data) => (data['taskChanged'] as { taskId: string }).taskId,
  },
  thoughtChanged: {
    query: 'subscription { thoughtChanged { kind thoughtId thought { id text tags } } }',
    write: async (client, _journalId, marker) =>
      (await client.data<{ captureThought: { thought: op.Thought } }>(op.captureThought, { text: `live ${marker}`, tags: [marker] })).captureThought.thought.id,
    idOf: (data) => (data['thoughtChanged'] as { thoughtId: string }).thoughtId,
  },
  insightsReady: {
    query: 'subscription { insightsReady { entryId summary themes } }',
    write: createEntry,
    idOf: (data) => (data['insightsReady'] as { entryId: string }).entryId,
  },
  notificationReceived: {
    query: 'subscription { notificationReceived { id kind title subject { ... on Task { id } } } }',
    // A task whose reminder fires in a moment: the delivery names the task as its subject.
    write: async (client, _journalId, marker) => (await client.data<{ createTask: { task: op.Task } }>(op.createTask, {
      input: { title: `live ${marker}`, date: '2031-03-01', remindAt: new Date(Date.now() + 1_000).toISOString() },
    })).createTask.task.id,
    idOf: (data) => (data['notificationReceived'] as { subject: { id: string } | null }).subject?.id ?? 'no subject',
  },
};
