// Resolver types for a subgraph, generated from its SDL by GraphQL Code Generator (`typescript` +
// `typescript-resolvers` in federation mode), committed beside the resolvers. Each subgraph's `codegen.ts`
// names its schema, output, context and mappers and calls `runResolverCodegen`; `--check` (the project's
// `check` script) fails when the committed output is stale, as the client's codegen does.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as resolversPlugin from '@graphql-codegen/typescript-resolvers';
import { Kind, parse, type DocumentNode } from 'graphql';

export interface ResolverTypesConfig {
  /** The subgraph's SDL file. */
  readonly schemaPath: string;
  /** Where the types go, e.g. `src/subgraph/generated/resolvers-types.ts`. */
  readonly outputPath: string;
  /** The context type, as `<module relative to the output>#<export>`, e.g. `../context.js#SubgraphContext`. */
  readonly contextType: string;
  /** What a resolver returns for a schema type when it is not the type itself (a row), in the same form. */
  readonly mappers?: Readonly<Record<string, string>>;
  /** Scalars' TypeScript types; DateTime parses to a Date and is answered from a Date or a string, Date is a string. */
  readonly scalars?: Readonly<Record<string, string | { readonly input: string; readonly output: string }>>;
}

/**
 * Federation 2 as codegen sees it: the `@link` schema extension is dropped and the directives the subgraphs
 * import are declared, `@key` with its `resolvable` argument (codegen's own federation spec is Federation 1's).
 */
const federation2Directives = parse(/* GraphQL */ `
  scalar _FieldSet
  directive @key(fields: _FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
  directive @shareable repeatable on OBJECT | FIELD_DEFINITION
`);

function codegenSchema(sdl: string): DocumentNode {
  const document = parse(sdl);
  return {
    kind: Kind.DOCUMENT,
    definitions: [...federation2Directives.definitions, ...document.definitions.filter((d) => d.kind !== Kind.SCHEMA_EXTENSION)],
  };
}

export async function generateResolverTypes(config: ResolverTypesConfig): Promise<string> {
  const output = await codegen({
    filename: config.outputPath,
    schema: codegenSchema(readFileSync(config.schemaPath, 'utf8')),
    documents: [],
    config: {
      federation: true,
      contextType: config.contextType,
      mappers: config.mappers ?? {},
      scalars: { DateTime: { input: 'Date', output: 'Date | string' }, Date: 'string', ...config.scalars },
      enumsAsTypes: true,
      useTypeImports: true,
      immutableTypes: true,
      useIndexSignature: false,
    },
    plugins: [{ typescript: {} }, { typescriptResolvers: {} }],
    pluginMap: { typescript: typescriptPlugin, typescriptResolvers: resolversPlugin },
  });
  return `/* eslint-disable */\n// Generated from ${relative(dirname(config.outputPath), config.schemaPath)} by the project's codegen.ts (@mindflow/subgraph/codegen). Do not edit.\n${output}`;
}

/** Writes the types, or with `--check` fails (exit 1) when the committed ones differ from what the SDL gives. */
export async function runResolverCodegen(config: ResolverTypesConfig, argv: readonly string[] = process.argv): Promise<void> {
  const text = await generateResolverTypes(config);
  const shown = relative(process.cwd(), config.outputPath);
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(config.outputPath, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error(`${shown} is stale: run \`npm run codegen\` in this project`);
      process.exit(1);
    }
    console.log(`${shown} is up to date`);
  } else {
    writeFileSync(config.outputPath, text);
    console.log(`wrote ${shown}`);
  }
}
