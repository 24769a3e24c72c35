import {
  Kind,
  OperationTypeNode,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { SupergraphSource } from './subscription-fields.js';

/** The response key the federated object comes back under: `{ subject: entry(id: $id) { … } }`. */
export const subjectKey = 'subject';

export interface PayloadQuery {
  readonly document: DocumentNode;
  /** The variable that carries the subject's id (named so it cannot clash with the subscriber's). */
  readonly idVariable: string;
  /** The subscriber's variables the selection uses: pass their raw values along. */
  readonly variables: readonly string[];
}

/**
 * Rewrites the selection a subscriber made under a federated field (e.g. `entry { title journal { name } }`
 * in `entryChanged`) into a query the supergraph answers:
 *
 *   query SubscriptionPayload($subjectId: ID!, …used variables) {
 *     subject: entry(id: $subjectId) { …path { __typename <selection> } }
 *   }
 *   …used fragments
 *
 * so the gateway's own executor plans and runs it across subgraphs, for the subscriber, like any query.
 * `__typename` is added to every selection set: the local pass over the answer resolves abstract types by it.
 */
export function payloadQuery(
  source: SupergraphSource,
  fieldNodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  variableDefinitions: readonly VariableDefinitionNode[] = [],
): PayloadQuery {
  const selections = fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  const usedFragments = fragmentsUsedBy(selections, fragments);
  const usedVariables = new Set<string>();
  for (const node of [...selections, ...usedFragments]) {
    visit(node, { Variable: (v) => void usedVariables.add(v.name.value) });
  }
  const taken = new Set(variableDefinitions.map((d) => d.variable.name.value));
  let idVariable = 'subjectId';
  for (let n = 2; taken.has(idVariable); n++) idVariable = `subjectId${n}`;

  let inner: SelectionSetNode = withTypename({ kind: Kind.SELECTION_SET, selections });
  for (const step of [...source.path].reverse()) {
    inner = { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: name(step), selectionSet: inner }] };
  }
  const subject: FieldNode = {
    kind: Kind.FIELD,
    alias: name(subjectKey),
    name: name(source.field),
    arguments: [{ kind: Kind.ARGUMENT, name: name(source.argument), value: { kind: Kind.VARIABLE, name: name(idVariable) } }],
    selectionSet: inner,
  };
  const idDefinition: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: name(idVariable) },
    type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: name('ID') } },
  };
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: name('SubscriptionPayload'),
        variableDefinitions: [idDefinition, ...variableDefinitions.filter((d) => usedVariables.has(d.variable.name.value))],
        selectionSet: { kind: Kind.SELECTION_SET, selections: [subject] },
      },
      ...usedFragments.map((f) => ({ ...f, selectionSet: withTypename(f.selectionSet) })),
    ],
  };
  return { document, idVariable, variables: [...usedVariables] };
}

/** Fragments the selections spread, directly or through other fragments, each once. */
function fragmentsUsedBy(selections: readonly SelectionNode[], fragments: Record<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending = [...selections];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(spread) {
        const fragment = fragments[spread.name.value];
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          pending.push(...fragment.selectionSet.selections);
        }
      },
    });
  }
  return [...used.values()];
}

function withTypename(set: SelectionSetNode): SelectionSetNode {
  return visit(set, {
    SelectionSet: {
      leave: (node: SelectionSetNode): SelectionSetNode =>
        node.selections.some((s) => s.kind === Kind.FIELD && !s.alias && s.name.value === '__typename')
          ? node
          : { ...node, selections: [{ kind: Kind.FIELD, name: name('__typename') }, ...node.selections] },
    },
  });
}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
