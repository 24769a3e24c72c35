import { join } from 'node:path';

/** The SDL file, which the gateway's composition reads too. */
export const schemaPath = join(import.meta.dirname, 'schema.graphql');
