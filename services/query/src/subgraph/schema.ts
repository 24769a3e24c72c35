import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.js';

/** The SDL file, which the gateway's composition reads too. */
export const schemaPath = join(import.meta.dirname, 'schema.graphql');

export function buildQuerySchema(): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(readFileSync(schemaPath, 'utf8')), resolvers }]);
}
