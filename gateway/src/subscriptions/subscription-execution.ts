import type { VerifiedAccessToken } from '@mindflow/auth';
import { consistencyTokenOf, type Notification, type NotificationBus } from '@mindflow/notifications';
import type { Logger } from '@mindflow/platform';
import {
  execute,
  getOperationAST,
  GraphQLError,
  isNonNullType,
  print,
  responsePathAsArray,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FormattedExecutionResult,
  type GraphQLFieldResolver,
  type OperationDefinitionNode,
} from 'graphql';
import { deliveries } from './deliveries.js';
import { openNotificationStream } from './notification-stream.js';
import { payloadQuery, subjectKey, type PayloadQuery } from './payload-query.js';
import { rootFieldName } from './root-field.js';
import type { SubscriptionField } from './subscription-fields.js';
import type { SubscriptionMetrics } from './subscription-metrics.js';
import type { SupergraphReader } from './supergraph-reader.js';

/** What a subscription runs with: who asked (verified once, on connect) and their raw variables. */
export interface SubscriptionContext {
  readonly caller: VerifiedAccessToken;
  readonly correlationId: string;
  readonly rawVariables: Record<string, unknown>;
}

/** The root value of one delivery: the notification the subscriber is told about. */
class Change {
  constructor(readonly notification: Notification) {}
}

interface DeliveryContext extends SubscriptionContext {
  /** Errors of the federated reads, relocated to where the subscriber's document asked for the data. */
  readonly errors: GraphQLError[];
}

export interface SubscriptionExecutionDeps {
  readonly served: readonly SubscriptionField[];
  readonly bus: NotificationBus;
  readonly read: SupergraphReader;
  readonly log: Logger;
  readonly metrics?: SubscriptionMetrics;
  readonly queueCapacity?: number;
  readonly now?: () => number;
}

/**
 * Executes subscriptions: listens on the bus for the caller's notifications of the field's kind, and for
 * each runs the subscriber's document locally against the public schema — the change fields (`kind`,
 * `entryId`) from the notification, the federated object (`entry { … }`) read through the supergraph as
 * the caller, waiting for the read side to have applied the event (`x-consistent-with`). One delivery at
 * a time per subscription, so the subscriber sees changes in the order they happened.
 *
 * One event reaches every subscription of its user at once (a user with the app open in many tabs, a
 * dashboard, the benchmark's thousand sockets): subscribers who ask the same question about the same event
 * as the same caller share one read (`sharedReads`), so an event costs one supergraph read per distinct
 * (selection, variables, caller), not one per subscriber; those with the very same document share the whole
 * result (`deliver`), so what remains per subscriber is sending it.
 */
export function subscriptionExecution(deps: SubscriptionExecutionDeps) {
  const byName = new Map(deps.served.map((f) => [f.name, f]));
  const byChangeType = new Map(deps.served.flatMap((f) => (f.changeType ? [[f.changeType.name, f] as const] : [])));
  const now = deps.now ?? Date.now;
  /**
   * The payload query of a subscriber's federated field, built once per parsed operation and field (the first of its
   * merged nodes: within one operation the same node always comes with the same others).
   */
  const payloadQueries = new WeakMap<OperationDefinitionNode, WeakMap<FieldNode, PayloadQuery & { readonly text: string }>>();
  const sharedReads = new Map<string, Promise<FormattedExecutionResult>>();

  /**
   * The supergraph read for one event, shared by every subscriber asking it while it is in flight. The key holds all
   * a read depends on: the event (so a later event never gets an earlier read), the query and its variables, and the
   * caller as the subgraphs see it (user id and roles: `caller-data-source.ts` signs nothing else).
   */
  function sharedRead(field: SubscriptionField, notification: Notification, query: PayloadQuery & { readonly text: string }, variables: Record<string, unknown>, context: DeliveryContext) {
    const { caller } = context;
    const key = JSON.stringify([notification.eventId, caller.userId, [...caller.roles].sort(), query.text, variables]);
    let read = sharedReads.get(key);
    if (!read) {
      read = deps.read(
        { document: query.document, variables },
        { caller, correlationId: context.correlationId, consistentWith: field.waitForEvent ? consistencyTokenOf(notification) : undefined },
      );
      sharedReads.set(key, read);
      const forget = () => void sharedReads.delete(key);
      read.then(forget, forget);
    }
    return read;
  }

  /** Reads the federated object a subscriber selected under `info`, for the notification's subject. */
  async function readSubject(field: SubscriptionField, change: Change, info: Parameters<GraphQLFieldResolver<unknown, DeliveryContext>>[3], context: DeliveryContext) {
    const { notification } = change;
    let ofOperation = payloadQueries.get(info.operation);
    if (!ofOperation) payloadQueries.set(info.operation, (ofOperation = new WeakMap()));
    let query = ofOperation.get(info.fieldNodes[0]!);
    if (!query) {
      const built = payloadQuery(field.source, info.fieldNodes, info.fragments, info.operation.variableDefinitions ?? []);
      query = { ...built, text: print(built.document) };
      ofOperation.set(info.fieldNodes[0]!, query);
    }
    const variables: Record<string, unknown> = { [query.idVariable]: notification.subjectId };
    for (const name of query.variables) if (name in context.rawVariables) variables[name] = context.rawVariables[name];
    const answer = await sharedRead(field, notification, query, variables, context);
    const here = responsePathAsArray(info.path);
    const relocated = (answer.errors ?? []).map((error) => {
      const below = error.path?.[0] === subjectKey ? error.path.slice(1 + field.source.path.length) : [];
      return new GraphQLError(error.message, { path: [...here, ...below], extensions: error.extensions });
    });
    let value: unknown = answer.data?.[subjectKey];
    for (const step of field.source.path) value = (value as Record<string, unknown> | null | undefined)?.[step];
    if (value == null && isNonNullType(info.returnType)) {
      const [first, ...rest] = relocated;
      context.errors.push(...rest);
      throw first ?? new GraphQLError(`the ${info.fieldName} of ${notification.subjectId} can no longer be read`, { extensions: { code: 'NOT_FOUND' } });
    }
    context.errors.push(...relocated);
    return value ?? null;
  }

  const fieldResolver: GraphQLFieldResolver<unknown, DeliveryContext> = (source, _args, context, info) => {
    if (source instanceof Change) {
      const root = byName.get(info.fieldName);
      if (root && info.parentType.name === info.schema.getSubscriptionType()?.name) {
        return root.changeType ? source : readSubject(root, source, info, context);
      }
      const field = byChangeType.get(info.parentType.name);
      if (!field?.changeType) return undefined;
      const { notification } = source;
      if (info.fieldName === 'kind') return notification.kind;
      if (info.fieldName === field.changeType.idField) return notification.subjectId;
      if (info.fieldName === field.changeType.objectField) {
        return field.gone?.includes(notification.kind) ? null : readSubject(field, source, info, context);
      }
      return undefined;
    }
    // Below a federated object: the supergraph answered this exact selection, keyed by response name.
    return (source as Record<string, unknown> | null)?.[info.path.key as string];
  };

  async function execution(args: ExecutionArgs, notification: Notification): Promise<ExecutionResult> {
    const errors: GraphQLError[] = [];
    const contextValue: DeliveryContext = { ...(args.contextValue as SubscriptionContext), errors };
    const result = await execute({ ...args, rootValue: new Change(notification), contextValue, fieldResolver });
    return errors.length > 0 ? { ...result, errors: [...(result.errors ?? []), ...errors] } : result;
  }

  /**
   * One result per event for every subscriber of the same document (the same parsed object: serve-subscriptions
   * caches them by text), operation, variables and caller, executed once while in flight: the result depends on
   * nothing else (the correlation id only names the read in logs). Results are never mutated after execution.
   */
  const sharedResults = new Map<string, Promise<ExecutionResult>>();
  const ids = new WeakMap<object, number>();
  let lastId = 0;
  const idOf = (value: object) => {
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = ++lastId));
    return id;
  };
  async function deliver(args: ExecutionArgs, notification: Notification): Promise<ExecutionResult> {
    const { caller } = args.contextValue as SubscriptionContext;
    const key = JSON.stringify([
      notification.eventId, idOf(args.schema), idOf(args.document), args.operationName ?? null,
      caller.userId, [...caller.roles].sort(), args.variableValues ?? null,
    ]);
    let result = sharedResults.get(key);
    if (!result) {
      result = execution(args, notification);
      sharedResults.set(key, result);
      const forget = () => void sharedResults.delete(key);
      result.then(forget, forget);
    }
    const delivered = await result;
    deps.metrics?.delivered(notification, (now() - Date.parse(notification.occurredAt)) / 1000);
    return delivered;
  }

  return {
    /** graphql-ws's `subscribe`: a stream of results, one per notification, until the subscriber stops. */
    async subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
      const operation = getOperationAST(args.document, args.operationName);
      const name = operation && rootFieldName(operation, args.document);
      const field = name ? byName.get(name) : undefined;
      if (!field) return { errors: [new GraphQLError(`${name ?? 'this subscription'} is not served by this gateway`, { extensions: { code: 'BAD_USER_INPUT' } })] };
      const { caller } = args.contextValue as SubscriptionContext;
      const stream = await openNotificationStream({
        bus: deps.bus,
        userId: caller.userId,
        accepts: (n) => n.subject === field.subject,
        capacity: deps.queueCapacity,
        onDrop: (n) => {
          deps.metrics?.dropped();
          deps.log.warn({ eventId: n.eventId, userId: caller.userId, subscription: field.name }, 'slow subscriber: dropped a notification');
        },
      });
      deps.metrics?.opened();
      return deliveries(stream, (n) => deliver(args, n), () => deps.metrics?.closed());
    },
  };
}
