import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateResolverTypes } from './resolver-types.js';

describe('generateResolverTypes', () => {
  it('reads a Federation 2 SDL and types reference resolvers, mapped parents and arguments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resolver-types-'));
    const schemaPath = join(dir, 'schema.graphql');
    writeFileSync(schemaPath, `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
      type Note @key(fields: "id") { id: ID! text: String! }
      type Other @key(fields: "id", resolvable: false) { id: ID! }
      type PageInfo @shareable { hasNextPage: Boolean! }
      type Query { note(id: ID!): Note }
    `);
    const text = await generateResolverTypes({
      schemaPath,
      outputPath: join(dir, 'generated', 'resolvers-types.ts'),
      contextType: '../context.js#NoteContext',
      mappers: { Note: '../rows.js#NoteRow' },
    });
    expect(text).toContain("import type { NoteRow } from '../rows.js';");
    expect(text).toContain("import type { NoteContext } from '../context.js';");
    expect(text).toMatch(/export type NoteResolvers<[^>]*>[^{]*= \{\n {2}__resolveReference\?/);
    expect(text).toContain('export type QueryNoteArgs');
    expect(text.startsWith('/* eslint-disable */\n// Generated from ../schema.graphql')).toBe(true);
  });
});
