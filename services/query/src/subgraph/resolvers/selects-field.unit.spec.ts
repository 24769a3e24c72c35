import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField } from './selects-field.js';

/** The `entries` field of the document's operation, as a resolver's info would hold it. */
function infoOf(document: string) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const journal = operation.selectionSet.selections[0] as FieldNode;
  const entries = journal.selectionSet!.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'entries')!;
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [entries], fragments };
}

describe('selectsField', () => {
  it('sees a field selected directly, in an inline fragment or in a named one', () => {
    expect(selectsField(infoOf('{ journal(id: "j") { entries { totalCount edges { cursor } } } }'), 'totalCount')).toBe(true);
    expect(selectsField(infoOf('{ journal(id: "j") { entries { ... on EntryConnection { totalCount } } } }'), 'totalCount')).toBe(true);
    expect(selectsField(infoOf('{ journal(id: "j") { entries { ...Counted } } } fragment Counted on EntryConnection { totalCount }'), 'totalCount')).toBe(true);
  });

  it('says no when the field is not asked for, even deeper down', () => {
    expect(selectsField(infoOf('{ journal(id: "j") { entries { edges { node { id } } } } }'), 'totalCount')).toBe(false);
    expect(selectsField(infoOf('{ journal(id: "j") { entries { edges { node { totalCount: id } } } } }'), 'totalCount')).toBe(false);
  });
});
