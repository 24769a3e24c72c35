import {
  Kind,
  extendSchema,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
  type InputObjectTypeExtensionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';

/**
 * The schema plus the parts of `pending` it does not define yet: new types whose name is unknown, and fields of
 * `extend type X` that X lacks. What the supergraph already has always wins.
 */
export function mergePending(schema: GraphQLSchema, pending: DocumentNode): GraphQLSchema {
  const definitions: DefinitionNode[] = [];
  for (const definition of pending.definitions) {
    if (definition.kind === Kind.SCHEMA_EXTENSION) {
      // e.g. `extend schema { subscription: Subscription }`: only the root operation types the schema lacks
      const operationTypes = (definition.operationTypes ?? []).filter((o) => !schema.getRootType(o.operation));
      if (operationTypes.length > 0) definitions.push({ ...definition, operationTypes });
    } else if (definition.kind === Kind.OBJECT_TYPE_EXTENSION) {
      const existing = schema.getType(definition.name.value);
      const have = existing && 'getFields' in existing ? existing.getFields() : {};
      const fields = (definition.fields ?? []).filter((f) => !(f.name.value in have));
      if (fields.length > 0) definitions.push({ ...definition, fields } satisfies ObjectTypeExtensionNode);
    } else if (definition.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) {
      // e.g. `extend input CreateTaskInput { remindAt: DateTime }`: only the input fields it lacks
      const existing = schema.getType(definition.name.value);
      const have = existing && 'getFields' in existing ? existing.getFields() : {};
      const fields = (definition.fields ?? []).filter((f) => !(f.name.value in have));
      if (fields.length > 0) definitions.push({ ...definition, fields } satisfies InputObjectTypeExtensionNode);
    } else if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && schema.getType(definition.name.value)) {
      // a type the supergraph has only in part (e.g. a stub while its subgraph is being built): add what it lacks
      const existing = schema.getType(definition.name.value);
      const have = existing && 'getFields' in existing ? existing.getFields() : {};
      const fields = (definition.fields ?? []).filter((f) => !(f.name.value in have));
      if (fields.length > 0) definitions.push({ kind: Kind.OBJECT_TYPE_EXTENSION, name: definition.name, fields });
    } else if ('name' in definition && definition.name && !schema.getType(definition.name.value)) {
      definitions.push(definition);
    }
  }
  return definitions.length === 0 ? schema : extendSchema(schema, { kind: Kind.DOCUMENT, definitions }, { assumeValidSDL: true });
}
