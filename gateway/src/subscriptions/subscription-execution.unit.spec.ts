// The subscription executor over a supergraph that already has what taskChanged, thoughtChanged, insightsReady and
// notificationReceived need (`Query.task`, `Query.thought`, `Entry.insights`, `Query.notification`): the reader executes against a small local schema, as the gateway's
// federated executor would, and notifications come from the in-process bus.
import { createInProcessBus, type Notification } from '@mindflow/notifications';
import { createLogger } from '@mindflow/platform';
import { buildSchema, execute, getOperationAST, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { subscriptionExecution, type SubscriptionContext } from './subscription-execution.js';
import { withSubscriptions } from './subscription-schema.js';
import type { SupergraphReader } from './supergraph-reader.js';

const supergraph = buildSchema(`
  type Query { entry(id: ID!): Entry task(id: ID!): Task thought(id: ID!): Thought notification(id: ID!): Notification }
  type Thought { id: ID! text: String! tags: [String!]! }
  type Notification { id: ID! title: String! subject: Task }
  type Entry { id: ID! title: String insights: Insights }
  type Insights { entryId: ID! summary: String! themes: [String!]! }
  type Task { id: ID! title: String! completed: Boolean! }
`);
const alice = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const taskId = '4e5f6071-8293-4dae-9fc0-3b4c5d6e7f80';
const entryId = '2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e';
const notificationId = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const thoughtId = '5d6e7f80-91a2-4b3c-8d4e-6f7a8b9c0d1e';

/** What the read side holds, readable by its owner only; records the consistency tokens it was asked to wait for. */
function localReader(owner: string) {
  const waitedFor: (string | undefined)[] = [];
  const data = {
    entry: ({ id }: { id: string }) => (id === entryId ? { id, title: 'Tuesday', insights: { entryId, summary: 'calm', themes: ['walk'] } } : null),
    task: ({ id }: { id: string }) => (id === taskId ? { id, title: 'Book dentist', completed: true } : null),
    thought: ({ id }: { id: string }) => (id === thoughtId ? { id, text: 'Call the plumber', tags: ['home'] } : null),
    notification: ({ id }: { id: string }) =>
      (id === notificationId ? { id, title: 'Book dentist is due', subject: { id: taskId, title: 'Book dentist', completed: true } } : null),
  };
  const read: SupergraphReader = async (request, as) => {
    waitedFor.push(as.consistentWith);
    const document = typeof request.document === 'string' ? parse(request.document) : request.document;
    const result = await execute({ schema: supergraph, document, variableValues: request.variables, rootValue: as.caller.userId === owner ? data : {} });
    return JSON.parse(JSON.stringify(result)) as ExecutionResult;
  };
  return { read, waitedFor };
}

function notification(subject: Notification['subject'], kind: string, subjectId: string, version = 2): Notification {
  return {
    subject, kind, subjectId, eventId: crypto.randomUUID(), eventType: 'X', userId: alice,
    aggregateId: subjectId, aggregateVersion: version, occurredAt: new Date().toISOString(),
  } as Notification;
}

async function run(query: string, publish: Notification[], owner = alice, expected = publish.length) {
  const { schema, served } = withSubscriptions(supergraph);
  const bus = createInProcessBus();
  const reader = localReader(owner);
  const execution = subscriptionExecution({ served, bus, read: reader.read, log: createLogger('test', 'silent') });
  const document = parse(query);
  const contextValue: SubscriptionContext = {
    caller: { userId: alice, roles: ['user'], expiresAt: new Date(Date.now() + 60_000) },
    correlationId: 'c-1',
    rawVariables: {},
  };
  const stream = await execution.subscribe({ schema, document, contextValue, operationName: getOperationAST(document)?.name?.value });
  if (!(Symbol.asyncIterator in stream)) return { results: [stream], waitedFor: reader.waitedFor };
  for (const n of publish) await bus.publish(n);
  const results: ExecutionResult[] = [];
  for (let i = 0; i < expected; i++) results.push((await stream.next()).value as ExecutionResult);
  await stream.return?.();
  return { results, waitedFor: reader.waitedFor };
}

describe('subscription execution', () => {
  it('serves every subscription of API.md once the supergraph has their types', () => {
    expect(withSubscriptions(supergraph).served.map((f) => f.name)).toEqual(['entryChanged', 'taskChanged', 'thoughtChanged', 'insightsReady', 'notificationReceived']);
  });

  it('taskChanged: the kind from the event, the task read through the supergraph after it', async () => {
    const { results, waitedFor } = await run('subscription { taskChanged { kind taskId task { title completed } } }', [
      notification('task', 'COMPLETED', taskId, 3),
      notification('task', 'DELETED', taskId, 4),
    ]);
    expect(results).toEqual([
      { data: { taskChanged: { kind: 'COMPLETED', taskId, task: { title: 'Book dentist', completed: true } } } },
      { data: { taskChanged: { kind: 'DELETED', taskId, task: null } } },
    ]);
    expect(waitedFor).toEqual([Buffer.from(`${taskId}:3`).toString('base64url')]); // the deletion needed no read
  });

  it('thoughtChanged: the kind from the event, the thought read through the supergraph after it, null once deleted', async () => {
    const { results, waitedFor } = await run('subscription { thoughtChanged { kind thoughtId thought { text tags } } }', [
      notification('thought', 'CREATED', thoughtId, 1),
      notification('thought', 'UPDATED', thoughtId, 2),
      notification('thought', 'DELETED', thoughtId, 3),
    ]);
    expect(results).toEqual([
      { data: { thoughtChanged: { kind: 'CREATED', thoughtId, thought: { text: 'Call the plumber', tags: ['home'] } } } },
      { data: { thoughtChanged: { kind: 'UPDATED', thoughtId, thought: { text: 'Call the plumber', tags: ['home'] } } } },
      { data: { thoughtChanged: { kind: 'DELETED', thoughtId, thought: null } } },
    ]);
    // each read waited for the read side to hold the write it announces; the deletion needed no read
    expect(waitedFor).toEqual([1, 2].map((v) => Buffer.from(`${thoughtId}:${v}`).toString('base64url')));
  });

  it("thoughtChanged: a thought the caller cannot read is never someone else's data", async () => {
    const { results } = await run('subscription { thoughtChanged { kind thought { text } } }', [notification('thought', 'UPDATED', thoughtId, 2)], 'someone-else');
    expect(results).toEqual([{ data: { thoughtChanged: { kind: 'UPDATED', thought: null } } }]);
  });

  it('insightsReady: the insights object itself, read as entry(id) { insights { … } }', async () => {
    const { results, waitedFor } = await run('subscription { insightsReady { entryId summary t: themes } }', [notification('insights', 'GENERATED', entryId)]);
    expect(results).toEqual([{ data: { insightsReady: { entryId, summary: 'calm', t: ['walk'] } } }]);
    expect(waitedFor).toEqual([undefined]); // no query projection to wait for: the insights are stored before the event
  });

  it('notificationReceived: the new notification read as notification(id), without waiting for a projection', async () => {
    const { results, waitedFor } = await run('subscription { notificationReceived { id title subject { title } } }', [notification('notification', 'CREATED', notificationId, 1)]);
    expect(results).toEqual([{ data: { notificationReceived: { id: notificationId, title: 'Book dentist is due', subject: { title: 'Book dentist' } } } }]);
    expect(waitedFor).toEqual([undefined]); // stored in the transaction that wrote NotificationCreated
    const { results: asOther } = await run('subscription { notificationReceived { id title } }', [notification('notification', 'CREATED', notificationId, 1)], 'someone-else');
    expect(asOther[0]!.data).toBeNull();
    expect(asOther[0]!.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('a non-null payload the caller cannot read is an error, never someone else\'s data', async () => {
    const { results } = await run('subscription { insightsReady { summary } }', [notification('insights', 'GENERATED', entryId)], 'someone-else');
    expect(results[0]!.data).toBeNull();
    expect(results[0]!.errors?.map((e) => [e.message, e.path, e.extensions?.['code']])).toEqual([
      [`the insightsReady of ${entryId} can no longer be read`, ['insightsReady'], 'NOT_FOUND'],
    ]);
  });

  it('subscribers asking the same of one event as the same caller share one read (and one result); another caller, or a later event, reads again', async () => {
    const { schema, served } = withSubscriptions(supergraph);
    const bus = createInProcessBus();
    const reader = localReader(alice);
    const reads: string[] = [];
    const read: SupergraphReader = async (request, as) => {
      reads.push(as.caller.roles.join('+'));
      return reader.read(request, as);
    };
    const execution = subscriptionExecution({ served, bus, read, log: createLogger('test', 'silent') });
    const shared = parse('subscription { taskChanged { kind task { title } } }'); // serve-subscriptions hands one parse to every socket
    const subscribe = async (roles: string[], query: string | undefined = undefined) => {
      const contextValue: SubscriptionContext = { caller: { userId: alice, roles, expiresAt: new Date(Date.now() + 60_000) }, correlationId: 'c', rawVariables: {} };
      return (await execution.subscribe({ schema, document: query ? parse(query) : shared, contextValue })) as AsyncIterableIterator<ExecutionResult>;
    };
    // The third parses its own copy (as a document too long for the cache would be): the same text is the same read.
    const streams = [await subscribe(['user']), await subscribe(['user']), await subscribe(['user'], 'subscription { taskChanged { kind task { title } } }'), await subscribe(['admin', 'user']),
      await subscribe(['user'], 'subscription { taskChanged { task { completed } } }')];
    await bus.publish(notification('task', 'UPDATED', taskId, 3));
    const first = await Promise.all(streams.map(async (s) => (await s.next()).value as ExecutionResult));
    expect(first.slice(0, 4)).toEqual(Array(4).fill({ data: { taskChanged: { kind: 'UPDATED', task: { title: 'Book dentist' } } } }));
    expect(first[4]).toEqual({ data: { taskChanged: { task: { completed: true } } } });
    expect(reads.sort()).toEqual(['admin+user', 'user', 'user']);
    expect(first[1], 'the same document, operation, variables and caller: one result, executed once').toBe(first[0]);
    await bus.publish(notification('task', 'UPDATED', taskId, 4));
    await Promise.all(streams.map((s) => s.next()));
    expect(reads).toHaveLength(6);
    await Promise.all(streams.map(async (s) => { await s.return?.(); }));
  });

  it('hears only notifications of its own kind', async () => {
    const { results } = await run('subscription { taskChanged { kind } }', [
      notification('entry', 'CREATED', entryId),
      notification('task', 'CREATED', taskId),
    ], alice, 1);
    expect(results).toEqual([{ data: { taskChanged: { kind: 'CREATED' } } }]);
  });
});

describe('the public schema', () => {
  it('adds only what the supergraph can serve, and says why the rest waits', () => {
    const early = buildSchema('type Query { entry(id: ID!): Entry } type Entry { id: ID! title: String }');
    const { schema, served, unserved } = withSubscriptions(early);
    expect(served.map((f) => f.name)).toEqual(['entryChanged']);
    expect(unserved).toEqual([
      { name: 'taskChanged', reason: 'Query.task is not in the supergraph' },
      { name: 'thoughtChanged', reason: 'Query.thought is not in the supergraph' },
      { name: 'insightsReady', reason: 'Entry.insights is not in the supergraph' },
      { name: 'notificationReceived', reason: 'Query.notification is not in the supergraph' },
    ]);
    expect(Object.keys(schema.getSubscriptionType()!.getFields())).toEqual(['entryChanged']);
    expect(schema.getType('TaskChange')).toBeUndefined();
  });
});
