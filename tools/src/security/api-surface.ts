// The public API as the gateway really serves it, so a suite can prove it covers every operation: the
// root fields of the committed supergraph (known when tests are collected) and of the running gateway's
// schema (which adds the subscriptions the gateway serves itself).
import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { supergraphPath } from '@mindflow/gateway';
import type { GatewayClient } from '../e2e/gateway-client.js';

export type RootType = 'Query' | 'Mutation' | 'Subscription';
export type ApiSurface = Record<RootType, readonly string[]>;

/** Root fields of the committed supergraph (gateway/supergraph.graphql) the gateway serves: Query and Mutation. */
export function supergraphOperations(): ApiSurface {
  const document = parse(readFileSync(supergraphPath, 'utf8'));
  const fields = (type: RootType) =>
    document.definitions.flatMap((d) =>
      (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === type
        // an @inaccessible field (e.g. Query.calendarEvents, read by the media service only) is not served by the gateway
        ? (d.fields ?? []).filter((f) => !f.directives?.some((x) => x.name.value === 'inaccessible')).map((f) => f.name.value)
        : []);
  return { Query: fields('Query'), Mutation: fields('Mutation'), Subscription: fields('Subscription') };
}

/** Root fields the running gateway serves, by introspection (open to anyone: the playground needs it). */
export async function servedOperations(client: GatewayClient): Promise<ApiSurface> {
  type Root = { fields: { name: string }[] } | null;
  const { __schema: schema } = await client.data<{ __schema: { queryType: Root; mutationType: Root; subscriptionType: Root } }>(
    '{ __schema { queryType { fields { name } } mutationType { fields { name } } subscriptionType { fields { name } } } }');
  const names = (root: Root) => (root?.fields ?? []).map((f) => f.name);
  return { Query: names(schema.queryType), Mutation: names(schema.mutationType), Subscription: names(schema.subscriptionType) };
}

/** `Type.field` for every served operation without an entry in `covered`. */
export function uncovered(served: ApiSurface, covered: Record<RootType, Iterable<string>>): string[] {
  return (Object.keys(served) as RootType[]).flatMap((type) => {
    const known = new Set(covered[type]);
    return served[type].filter((field) => !known.has(field)).map((field) => `${type}.${field}`);
  });
}
