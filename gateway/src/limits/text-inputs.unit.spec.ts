import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { unstorableTextError } from './text-inputs.js';

const mutation = parse('mutation ($input: CreateJournalInput!) { createJournal(input: $input) { consistencyToken } }');

describe('unstorableTextError', () => {
  it('refuses a NUL character in a variable, naming the field', () => {
    const error = unstorableTextError(mutation, { input: { name: 'a\u0000b' } });
    expect(error?.message).toBe('$input.name must not contain NUL characters or unpaired surrogates');
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('refuses unpaired surrogates, also inside lists, and names the list field', () => {
    expect(unstorableTextError(mutation, { tags: ['ok', 'half \uD800 pair'] })?.extensions).toMatchObject({ field: 'tags' });
    expect(unstorableTextError(mutation, { text: 'trailing \uDC00' })?.extensions).toMatchObject({ field: 'text' });
  });

  it('refuses the same written into the document', () => {
    const literal = parse('mutation { createJournal(input: { name: "a\\u0000b" }) { consistencyToken } }');
    expect(unstorableTextError(literal, {})?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    // (GraphQL's parser itself refuses an unpaired surrogate escape in a literal.)
    const list = parse('mutation { captureThought(text: "t", tags: ["ok", "\\u0000"]) { consistencyToken } }');
    expect(unstorableTextError(list, {})?.extensions).toMatchObject({ field: 'tags' });
  });

  it('lets through any well-formed text: emoji (surrogate pairs), right-to-left marks, zero-width joiners', () => {
    expect(unstorableTextError(mutation, { input: { name: '\u202Egnp.exe \u{1F469}\u200D\u{1F467} e\u0301', n: 1, b: null } })).toBeUndefined();
    expect(unstorableTextError(parse('mutation { createJournal(input: { name: "\\ud83d\\ude00" }) { consistencyToken } }'), {})).toBeUndefined();
  });

  it('gives the same verdict for a parsed document seen again (kept per document), with its variables checked each time', () => {
    const bad = parse('mutation { createJournal(input: { name: "a\\u0000b" }) { consistencyToken } }');
    for (let i = 0; i < 3; i++) expect(unstorableTextError(bad, {})?.extensions).toMatchObject({ field: 'name' });
    for (let i = 0; i < 3; i++) expect(unstorableTextError(mutation, { input: { name: 'fine' } })).toBeUndefined();
    expect(unstorableTextError(mutation, { input: { name: 'a\u0000b' } })?.extensions).toMatchObject({ field: 'name' });
  });
});
