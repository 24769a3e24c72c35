import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { insightsEnabled, setInsightsEnabled } from '../adapters/pg/user-settings.js';
import { dropPendingForUser } from '../adapters/pg/pending-analyses.js';
import { callerOf } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';

const dateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => parseInstant(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseInstant(ast.value) : undefined),
});

function parseInstant(value: unknown): Date {
  const at = typeof value === 'string' ? new Date(value) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 instant', { extensions: { code: 'BAD_USER_INPUT' } });
  return at;
}

export const resolvers: Resolvers = {
  DateTime: dateTime,
  Entry: {
    __resolveReference: (reference) => ({ id: reference.id }),
    insights: (entry, _args, context) => callerOf(context).insights.load(entry.id),
  },
  Insights: {
    // Another subgraph (the dashboard) refers to insights by entryId; batched, and only the caller's.
    __resolveReference: (reference, context) => callerOf(context).insights.load(reference.entryId),
  },
  User: {
    __resolveReference: (reference) => ({ id: reference.id }),
    insightsEnabled: async (user, _args, context) => {
      const { caller } = callerOf(context);
      return user.id.toLowerCase() === caller.userId && (await insightsEnabled(context.pool, caller.userId));
    },
  },
  Mutation: {
    setInsightsEnabled: async (_root, args, context) => {
      const { caller } = callerOf(context);
      // The setting and its InsightsSettingChanged (the weekly reflection's Claude honours it) commit together.
      await setInsightsEnabled(context.pool, caller.userId, args.enabled, context.now(), context.correlationId);
      // Work queued before turning off would be dropped by the worker anyway; dropping it now is tidier.
      if (!args.enabled) await dropPendingForUser(context.pool, caller.userId);
      return args.enabled;
    },
  },
};
