import { Kind, parse, print, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { payloadQuery } from './payload-query.js';

/** The field nodes of one response key under the subscription's root field, as graphql-js hands them to a resolver. */
function under(source: string, responseKey: string) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const root = operation.selectionSet.selections[0] as FieldNode;
  const nodes = (root.selectionSet?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD && (s.alias ?? s.name).value === responseKey);
  return { root, nodes, fragments, variableDefinitions: operation.variableDefinitions ?? [] };
}

const normalise = (text: string) => print(parse(text));

describe('payloadQuery', () => {
  it('reads the subscriber\'s selection under the subject through a root query field', () => {
    const { nodes, fragments, variableDefinitions } = under('subscription { entryChanged { kind entry { title journal { name } } } }', 'entry');
    const query = payloadQuery({ field: 'entry', argument: 'id', path: [] }, nodes, fragments, variableDefinitions);
    expect(print(query.document)).toBe(normalise(`
      query SubscriptionPayload($subjectId: ID!) {
        subject: entry(id: $subjectId) { __typename title journal { __typename name } }
      }`));
    expect(query.idVariable).toBe('subjectId');
    expect(query.variables).toEqual([]);
  });

  it('walks a path below the root field (insights of an entry)', () => {
    // insightsReady is itself the federated object: its own node carries the selection.
    const { root, fragments } = under('subscription { insightsReady { summary themes } }', 'none');
    const query = payloadQuery({ field: 'entry', argument: 'id', path: ['insights'] }, [root], fragments);
    expect(print(query.document)).toBe(normalise(`
      query SubscriptionPayload($subjectId: ID!) { subject: entry(id: $subjectId) { insights { __typename summary themes } } }`));
  });

  it('keeps aliases, merges repeated fields, and carries the fragments and variables it uses, and only those', () => {
    const { nodes, fragments, variableDefinitions } = under(`
      subscription S($withTags: Boolean!, $unused: Int, $subjectId: String) {
        entryChanged { a: entry { ...Basics } entry { tags @include(if: $withTags) } }
      }
      fragment Basics on Entry { title ...More }
      fragment More on Entry { wordCount }
      fragment Unused on Entry { id }`, 'entry');
    // Two response keys: graphql-js resolves `a` and `entry` separately; here, the nodes of `entry`.
    expect(nodes).toHaveLength(1);
    const all = payloadQuery({ field: 'entry', argument: 'id', path: [] }, nodes, fragments, variableDefinitions);
    expect(print(all.document)).toBe(normalise(`
      query SubscriptionPayload($subjectId2: ID!, $withTags: Boolean!) {
        subject: entry(id: $subjectId2) { __typename tags @include(if: $withTags) }
      }`));
    expect(all.variables).toEqual(['withTags']);

    const aliased = under(`subscription { entryChanged { a: entry { ...Basics } } } fragment Basics on Entry { t: title ...More } fragment More on Entry { wordCount }`, 'a');
    expect(aliased.nodes).toHaveLength(1);
    const withFragments = payloadQuery({ field: 'entry', argument: 'id', path: [] }, aliased.nodes, aliased.fragments);
    expect(print(withFragments.document)).toBe(normalise(`
      query SubscriptionPayload($subjectId: ID!) { subject: entry(id: $subjectId) { __typename ...Basics } }
      fragment Basics on Entry { __typename t: title ...More }
      fragment More on Entry { __typename wordCount }`));
  });
});
