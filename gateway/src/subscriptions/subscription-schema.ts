import { extendSchema, parse, type GraphQLSchema } from 'graphql';
import { missingFor, subscriptionFields, type SubscriptionField } from './subscription-fields.js';

export interface PublicSchema {
  /** The supergraph's API schema plus the `Subscription` type the gateway serves itself. */
  readonly schema: GraphQLSchema;
  readonly served: readonly SubscriptionField[];
  /** Fields of API.md this supergraph cannot serve yet, and why. */
  readonly unserved: readonly { readonly name: string; readonly reason: string }[];
}

/**
 * `@apollo/gateway` composes queries and mutations; subscriptions are the gateway's own. This adds the
 * `Subscription` type to the supergraph's API schema, with each field whose federated part exists in it,
 * so one schema answers introspection, validates every operation, and executes subscriptions.
 */
export function withSubscriptions(apiSchema: GraphQLSchema, fields: readonly SubscriptionField[] = subscriptionFields): PublicSchema {
  if (apiSchema.getSubscriptionType()) {
    // A subgraph declared subscriptions: @apollo/gateway cannot run them and this gateway does not merge them.
    return { schema: apiSchema, served: [], unserved: fields.map((f) => ({ name: f.name, reason: 'the supergraph has a Subscription type of its own' })) };
  }
  const served: SubscriptionField[] = [];
  const unserved: { name: string; reason: string }[] = [];
  for (const field of fields) {
    const reason = missingFor(field, apiSchema);
    if (reason) unserved.push({ name: field.name, reason });
    else served.push(field);
  }
  if (served.length === 0) return { schema: apiSchema, served: [], unserved };
  const sdl = [
    'extend schema { subscription: Subscription }',
    `"""Live changes to what the caller owns, over WebSocket (graphql-transport-ws) at /graphql."""
    type Subscription {\n${served.map((f) => f.field).join('\n')}\n}`,
    ...served.flatMap((f) => (f.types ? [f.types] : [])),
  ].join('\n');
  return { schema: extendSchema(apiSchema, parse(sdl)), served, unserved };
}
