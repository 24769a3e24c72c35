import type { VerifiedAccessToken } from '@mindflow/auth';
import { consistencyTokenOf, type Notification, type NotificationBus } from '@mindflow/notifications';
import type { Logger } from '@mindflow/platform';
import {
  execute,
  getOperationAST,
  GraphQLError,
  isNonNullType,
  responsePathAsArray,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFieldResolver,
} from 'graphql';
import { deliveries } from './deliveries.js';
import { openNotificationStream } from './notification-stream.js';
import { payloadQuery, subjectKey } from './payload-query.js';
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
 */
export function subscriptionExecution(deps: SubscriptionExecutionDeps) {
  const byName = new Map(deps.served.map((f) => [f.name, f]));
  const byChangeType = new Map(deps.served.flatMap((f) => (f.changeType ? [[f.changeType.name, f] as const] : [])));
  const now = deps.now ?? Date.now;

  /** Reads the federated object a subscriber selected under `info`, for the notification's subject. */
  async function readSubject(field: SubscriptionField, change: Change, info: Parameters<GraphQLFieldResolver<unknown, DeliveryContext>>[3], context: DeliveryContext) {
    const { notification } = change;
    const query = payloadQuery(field.source, info.fieldNodes, info.fragments, info.operation.variableDefinitions ?? []);
    const variables: Record<string, unknown> = { [query.idVariable]: notification.subjectId };
    for (const name of query.variables) if (name in context.rawVariables) variables[name] = context.rawVariables[name];
    const answer = await deps.read(
      { document: query.document, variables },
      { caller: context.caller, correlationId: context.correlationId, consistentWith: field.waitForEvent ? consistencyTokenOf(notification) : undefined },
    );
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

  async function deliver(args: ExecutionArgs, notification: Notification): Promise<ExecutionResult> {
    const errors: GraphQLError[] = [];
    const contextValue: DeliveryContext = { ...(args.contextValue as SubscriptionContext), errors };
    const result = await execute({ ...args, rootValue: new Change(notification), contextValue, fieldResolver });
    deps.metrics?.delivered(notification, (now() - Date.parse(notification.occurredAt)) / 1000);
    return errors.length > 0 ? { ...result, errors: [...(result.errors ?? []), ...errors] } : result;
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
