import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation } from './operation-size.js';

function measure(source: string, stopAt?: number) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return measureOperation(operation, fragments, stopAt);
}

describe('measureOperation', () => {
  it('counts depth and fields through fragments and inline fragments', () => {
    expect(measure('{ journals { edges { node { id ...J } } } } fragment J on Journal { entries { totalCount } }')).toEqual({ depth: 5, fields: 6, aliases: 0 });
    expect(measure('{ a { ... on T { b { c } } } }')).toEqual({ depth: 3, fields: 3, aliases: 0 });
  });

  it('counts every alias and every fragment use', () => {
    expect(measure('{ a: journals { totalCount } b: journals { totalCount } }')).toMatchObject({ fields: 4, aliases: 2 });
    expect(measure('{ x { ...F } y { ...F } } fragment F on T { a: p q }').aliases).toBe(2);
    expect(measure('{ x { ...F } y { ...F } } fragment F on T { p q }').fields).toBe(6);
  });

  it("counts introspection's fields and aliases but not its depth, and stops counting past the bound", () => {
    expect(measure('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toEqual({ depth: 0, fields: 7, aliases: 0 });
    expect(measure('{ a: __schema { queryType { name } } b: __schema { queryType { name } } }')).toEqual({ depth: 0, fields: 6, aliases: 2 });
    const wide = `{ ${Array.from({ length: 50 }, (_, i) => `f${i}`).join(' ')} }`;
    expect(measure(wide, 10).fields).toBe(11);
  });
});
