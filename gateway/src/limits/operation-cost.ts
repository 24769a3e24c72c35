import {
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromAST,
  type ArgumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The page-size arguments of API.md's connections: a list of `first` items costs `first` times its items. */
const pageSizeArguments = ['first', 'last'];

/**
 * An estimate of the work an operation asks for: every field costs 1, and what is selected under a paged
 * field (`first`/`last`, explicit, from a variable, or the schema's default) counts once per item it may
 * return. `journals(first: 100) { edges { node { entries(first: 100) { … } } } }` costs ~10 000 × the entry's
 * fields, although it has few fields and little depth. Runs after validation; stops past `stopAt`.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
  stopAt = 1_000_000,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (cost > stopAt) break;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue; // introspection and __typename are free
        const field = fieldOf(parent, selection.name.value);
        const type = field ? getNamedType(field.type) : undefined;
        const children = selection.selectionSet && type && isCompositeType(type) ? walk(selection.selectionSet, type) : 0;
        cost += 1 + pageSize(field, selection.arguments ?? [], variables) * children;
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        cost += walk(fragment.selectionSet, condition && isCompositeType(condition) ? condition : parent);
      }
    }
    return cost;
  };
  return walk(operation.selectionSet, root);
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function pageSize(
  field: GraphQLField<unknown, unknown> | undefined,
  args: readonly ArgumentNode[],
  variables: Record<string, unknown>,
): number {
  if (!field) return 1;
  let size = 1;
  for (const name of pageSizeArguments) {
    const definition = field.args.find((a) => a.name === name);
    if (!definition) continue;
    const given = args.find((a) => a.name.value === name);
    const value = given ? valueFromAST(given.value, definition.type, variables) : definition.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size, value);
  }
  return size;
}
