import { join } from 'node:path';
import { buildSchema } from '@mindflow/subgraph';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.js';

/** The SDL file, which the gateway's composition reads too. */
export const schemaPath = join(import.meta.dirname, 'schema.graphql');

/** The schema without the runtime around it (tests that execute operations directly). */
export function buildQuerySchema(): GraphQLSchema {
  return buildSchema({ schemaPath, resolvers });
}
