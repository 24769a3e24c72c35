import { describe, expect, it } from 'vitest';
import { MalformedReplyError, parseClaudeReply } from './claude-reply.js';
import { entryMessage } from './prompt.js';

const reply = { sentiment: 0.4, themes: ['work', 'rest'], summary: 'You found balance.', suggestions: ['Keep Sundays free.'] };

describe("Claude's reply", () => {
  it('is read as JSON, bare or in a ```json fence', () => {
    expect(parseClaudeReply(JSON.stringify(reply))).toEqual({ ...reply, analysed: true });
    expect(parseClaudeReply(`Here you go:\n\`\`\`json\n${JSON.stringify(reply)}\n\`\`\``)).toEqual({ ...reply, analysed: true });
  });

  it('is refused when not JSON, out of range or missing fields', () => {
    expect(() => parseClaudeReply('The entry seems fine.')).toThrow(MalformedReplyError);
    expect(() => parseClaudeReply(JSON.stringify({ ...reply, sentiment: -1.2 }))).toThrow(/sentiment/);
    expect(() => parseClaudeReply(JSON.stringify({ sentiment: 0 }))).toThrow(/themes/);
  });

  it('keeps at most five themes and three suggestions', () => {
    const long = { ...reply, themes: ['a', 'b', 'c', 'd', 'e', 'f'], suggestions: ['1', '2', '3', '4'] };
    expect(parseClaudeReply(JSON.stringify(long))).toMatchObject({ themes: ['a', 'b', 'c', 'd', 'e'], suggestions: ['1', '2', '3'] });
  });
});

describe('the prompt', () => {
  it('holds the entry title and text, and nothing else', () => {
    expect(entryMessage({ title: '  Monday ', content: 'Words.' })).toBe('Title: Monday\n\n<entry>\nWords.\n</entry>');
    expect(entryMessage({ title: null, content: 'Words.' })).toBe('<entry>\nWords.\n</entry>');
  });
});
