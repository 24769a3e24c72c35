import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost } from './operation-cost.js';

const schema = buildSchema(`
  type Query { journals(first: Int = 20, after: String): JournalConnection! entry(id: ID!): Entry hit: Hit }
  type JournalConnection { edges: [JournalEdge!]! totalCount: Int! }
  type JournalEdge { node: Journal! }
  type Journal { id: ID! name: String! entries(first: Int = 20): EntryConnection! }
  type EntryConnection { edges: [EntryEdge!]! }
  type EntryEdge { node: Entry! }
  type Entry { id: ID! title: String tags: [String!]! }
  union Hit = Entry | Journal
`);

function cost(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return operationCost(schema, operation, fragments, variables);
}

describe('operationCost', () => {
  it('counts a field once, and its selection once per item a page may hold', () => {
    expect(cost('{ entry(id: "1") { id title tags } }')).toBe(4);
    // journals: 1 + 5 × (edges 1 + node (1 + id 1 + name 1))
    expect(cost('{ journals(first: 5) { edges { node { id name } } } }')).toBe(1 + 5 * 4);
  });

  it('uses the schema default when no page size is given, and variables when one is', () => {
    expect(cost('{ journals { totalCount } }')).toBe(1 + 20);
    expect(cost('query($n: Int) { journals(first: $n) { totalCount } }', { n: 3 })).toBe(1 + 3);
  });

  it('multiplies nested pages: few fields, shallow, yet ten thousand entries', () => {
    const nested = '{ journals(first: 100) { edges { node { entries(first: 100) { edges { node { title } } } } } } }';
    expect(cost(nested)).toBeGreaterThan(10_000 * 2);
  });

  it('follows fragments with their type conditions and ignores introspection', () => {
    expect(cost('{ hit { ... on Journal { entries(first: 2) { edges { node { id } } } } ...E } } fragment E on Entry { title }')).toBe(1 + (1 + 2 * 3) + 1);
    expect(cost('{ __schema { types { name } } __typename }')).toBe(0);
  });
});
