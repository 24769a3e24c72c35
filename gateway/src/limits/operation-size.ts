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
  const walk = (set: SelectionSetNode, depth: number): number => {
    let deepest = depth;
    for (const selection of set.selections) {
      if (fields > stopAt) break;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__schema' || selection.name.value === '__type') continue;
        fields++;
        if (selection.alias) aliases++;
        deepest = Math.max(deepest, selection.selectionSet ? walk(selection.selectionSet, depth + 1) : depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, walk(selection.selectionSet, depth));
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment) deepest = Math.max(deepest, walk(fragment.selectionSet, depth));
      }
    }
    return deepest;
  };
  const depth = walk(operation.selectionSet, 0);
  return { depth, fields, aliases };
}
