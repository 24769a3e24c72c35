import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { gatewayError } from '../errors.js';
import { operationCost } from './operation-cost.js';
import { measureOperation } from './operation-size.js';

/** What one operation may ask for (GATEWAY_MAX_*), over HTTP and WebSocket alike. */
export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxFields: number;
  readonly maxAliases: number;
  readonly maxCost: number;
}

/**
 * The first limit a validated operation breaks, as a QUERY_TOO_COMPLEX error saying which and by how much;
 * undefined when it is within every limit. Cheap on hostile input: counting stops past each bound.
 */
export function operationLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): GraphQLError | undefined {
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d): [string, FragmentDefinitionNode][] => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const size = measureOperation(operation, fragments, Math.max(limits.maxFields, limits.maxAliases));
  if (size.depth > limits.maxDepth) return tooComplex(`query depth ${size.depth} exceeds the limit of ${limits.maxDepth}`);
  if (size.aliases > limits.maxAliases) return tooComplex(`query uses more than ${limits.maxAliases} aliases`);
  if (size.fields > limits.maxFields) return tooComplex(`query selects more than ${limits.maxFields} fields`);
  const cost = operationCost(schema, operation, fragments, variables, limits.maxCost);
  if (cost > limits.maxCost) {
    return tooComplex(`query cost exceeds the limit of ${limits.maxCost} (a paged field's selection counts once per item: ask for smaller pages)`);
  }
  return undefined;
}

const tooComplex = (message: string) => gatewayError('QUERY_TOO_COMPLEX', message, 400);
