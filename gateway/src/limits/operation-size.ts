import {
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface OperationSize {
  /** Nesting of field selections; introspection (`__schema`, `__type`) does not count. */
  readonly depth: number;
  /** Field selections with fragments expanded at every use, so aliases and fragment fan-out count. */
  readonly fields: number;
  /** Aliased field selections, fragments expanded: an alias bomb repeats one costly field under many names. */
  readonly aliases: number;
}

/**
 * Measures an operation that already passed validation (so fragments exist and do not cycle). Stops
 * counting past `stopAt` fields, so a hostile document costs bounded work to reject.
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  stopAt = 10_000,
): OperationSize {
  let fields = 0;
  let aliases = 0;
  // Introspection's fields and aliases count like any others (anyone may introspect: 600 aliases of
  // `__schema { types { … } }` are 600 schemas); its depth (long `ofType` chains) does not, and its list
  // nesting is graphql-js's MaxIntrospectionDepthRule's.
  const walk = (set: SelectionSetNode, depth: number, introspecting: boolean): number => {
    let deepest = depth;
    for (const selection of set.selections) {
      if (fields > stopAt) break;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        fields++;
        if (selection.alias) aliases++;
        if (introspecting || name === '__schema' || name === '__type') {
          if (selection.selectionSet) walk(selection.selectionSet, depth, true);
          continue;
        }
        deepest = Math.max(deepest, selection.selectionSet ? walk(selection.selectionSet, depth + 1, false) : depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, walk(selection.selectionSet, depth, introspecting));
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment) deepest = Math.max(deepest, walk(fragment.selectionSet, depth, introspecting));
      }
    }
    return deepest;
  };
  const depth = walk(operation.selectionSet, 0, false);
  return { depth, fields, aliases };
}
