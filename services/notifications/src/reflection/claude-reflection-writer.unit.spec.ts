import { describe, expect, it } from 'vitest';
import { reflectionMessage } from './claude-reflection-writer.js';
import type { ReflectionEntry } from './compose-reflection.js';

const entry = (n: number, content: string): ReflectionEntry => ({
  entryId: `e${n}`, title: null, content, mood: null, createdAt: new Date(Date.UTC(2025, 1, 3, n)), day: '2025-02-03', themes: [], sentiment: null,
});

describe('the weekly reflection message to Claude', () => {
  it('cuts a long week from its oldest entries: the newest are kept whole, the message in date order', () => {
    // ten entries of 3 000 characters (the most one may show), oldest first: 30 000 against a budget of 24 000
    const entries = Array.from({ length: 10 }, (_, i) => entry(i, String(i).repeat(3_000)));
    const message = reflectionMessage('2025-02-03', entries);
    const shown = [...message.matchAll(/<entry n="(\d+)"[^>]*>\n(.*)\n<\/entry>/g)].map((m) => [Number(m[1]), m[2]!] as const);
    expect(shown.map(([n]) => n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // the eight newest whole (8 × 3 000 spends the budget), the two oldest not shown
    for (const [n, text] of shown.slice(2)) expect(text, `entry ${n}`).toBe(String(n - 1).repeat(3_000));
    expect(shown.slice(0, 2).map(([, text]) => text)).toEqual(['(not shown: the week is long)', '(not shown: the week is long)']);
  });

  it('shows a short week whole', () => {
    const message = reflectionMessage('2025-02-03', [entry(0, 'Monday'), entry(1, 'Tuesday')]);
    expect(message).toContain('<entry n="1" day="2025-02-03">\nMonday\n</entry>');
    expect(message).toContain('<entry n="2" day="2025-02-03">\nTuesday\n</entry>');
  });
});
