import type { Notification, NotificationSubject } from '@mindflow/notifications';
import type { GraphQLSchema } from 'graphql';

/**
 * Where a subscription's federated part comes from: `Query.<field>(<argument>: <subject id>)`, then down
 * `path`, and the subscriber's selection under that. E.g. insights: `entry(id: $id) { insights { … } }`.
 */
export interface SupergraphSource {
  readonly field: string;
  readonly argument: string;
  readonly path: readonly string[];
}

/** One field of the `Subscription` type: its SDL, which notifications feed it, and how its value is read. */
export interface SubscriptionField {
  readonly name: string;
  readonly subject: NotificationSubject;
  /** The field in SDL, and the types only it uses; added to the supergraph's API schema. */
  readonly field: string;
  readonly types?: string;
  /** The change type whose fields the gateway answers itself (`kind`, `entryId`); the rest is federated. */
  readonly changeType?: { readonly name: string; readonly idField: string; readonly objectField: string };
  readonly source: SupergraphSource;
  /** Kinds of change after which the object is gone: it is null without asking the supergraph. */
  readonly gone?: readonly Notification['kind'][];
  /**
   * Whether the read waits for the read side to have applied the event (`x-consistent-with` of its
   * aggregate version). Only for events the query projection applies: a subgraph waits for a token in its
   * own projection, and would wait in vain for an aggregate it does not project.
   */
  readonly waitForEvent: boolean;
}

/** The subscriptions of API.md (and thoughtChanged, issue 17). Order is the order in the Subscription type. */
export const subscriptionFields: readonly SubscriptionField[] = [
  {
    name: 'entryChanged',
    subject: 'entry',
    field: `"""The caller's entries as they change: \`entry\` is read through the supergraph after the change, null once deleted."""
      entryChanged: EntryChange!`,
    types: `
      enum EntryChangeKind { CREATED UPDATED DELETED }
      type EntryChange { kind: EntryChangeKind! entry: Entry entryId: ID! }`,
    changeType: { name: 'EntryChange', idField: 'entryId', objectField: 'entry' },
    source: { field: 'entry', argument: 'id', path: [] },
    gone: ['DELETED'],
    waitForEvent: true,
  },
  {
    name: 'taskChanged',
    subject: 'task',
    field: `"""The caller's tasks as they change: \`task\` is read through the supergraph after the change, null once deleted."""
      taskChanged: TaskChange!`,
    types: `
      enum TaskChangeKind { CREATED UPDATED COMPLETED REOPENED DELETED }
      type TaskChange { kind: TaskChangeKind! task: Task taskId: ID! }`,
    changeType: { name: 'TaskChange', idField: 'taskId', objectField: 'task' },
    source: { field: 'task', argument: 'id', path: [] },
    gone: ['DELETED'],
    waitForEvent: true,
  },
  {
    name: 'thoughtChanged',
    subject: 'thought',
    field: `"""The caller's thoughts as they change: \`thought\` is read through the supergraph after the change, null once deleted (converting a thought into an entry or a task deletes it)."""
      thoughtChanged: ThoughtChange!`,
    types: `
      enum ThoughtChangeKind { CREATED UPDATED DELETED }
      type ThoughtChange { kind: ThoughtChangeKind! thought: Thought thoughtId: ID! }`,
    changeType: { name: 'ThoughtChange', idField: 'thoughtId', objectField: 'thought' },
    source: { field: 'thought', argument: 'id', path: [] },
    gone: ['DELETED'],
    waitForEvent: true,
  },
  {
    name: 'insightsReady',
    subject: 'insights',
    field: `"""New AI insights for one of the caller's entries, read through the supergraph (\`Entry.insights\`)."""
      insightsReady: Insights!`,
    source: { field: 'entry', argument: 'id', path: ['insights'] },
    // The insights service stores an analysis and emits AIInsightsGenerated in one transaction (its outbox), so
    // the insights are readable once the event is in the log; the query projection never sees that aggregate.
    waitForEvent: false,
  },
  {
    name: 'notificationReceived',
    subject: 'notification',
    field: `"""Each new notification of the caller's notification centre, read through the supergraph (\`Query.notification\`)."""
      notificationReceived: Notification!`,
    source: { field: 'notification', argument: 'id', path: [] },
    // The notifications service stores a notification and appends NotificationCreated in one transaction (its
    // outbox): the row is readable once the event is in the log, and no projection applies that aggregate.
    waitForEvent: false,
  },
];

/**
 * Why a field cannot be served by this supergraph (a type or the field it is read through is missing),
 * or undefined when it can. Subgraphs land at their own pace: `insightsReady` waits for `Entry.insights` (the insights subgraph),
 * `notificationReceived` for `Query.notification` (the notifications subgraph).
 */
export function missingFor(field: SubscriptionField, schema: GraphQLSchema): string | undefined {
  const query = schema.getQueryType();
  const root = query?.getFields()[field.source.field];
  if (!root) return `Query.${field.source.field} is not in the supergraph`;
  if (!root.args.some((a) => a.name === field.source.argument)) return `Query.${field.source.field} has no argument ${field.source.argument}`;
  let type = schema.getType(namedTypeName(root.type.toString()));
  for (const step of field.source.path) {
    const next = type && 'getFields' in type ? type.getFields()[step] : undefined;
    if (!next) return `${type?.name ?? '?'}.${step} is not in the supergraph`;
    type = schema.getType(namedTypeName(next.type.toString()));
  }
  return undefined;
}

const namedTypeName = (printed: string) => printed.replace(/[[\]!]/g, '');
