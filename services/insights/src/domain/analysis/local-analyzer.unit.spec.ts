import { describe, expect, it } from 'vitest';
import { analyzeLocally } from './local-analyzer.js';
import { toneOf } from './reflection.js';
import { sentimentOf } from './sentiment.js';
import { themesOf } from './themes.js';
import { tokenize } from './tokens.js';

const sentiment = (text: string) => sentimentOf(tokenize(text));
const themes = (text: string) => themesOf(tokenize(text));

describe('sentiment', () => {
  it('is positive for happy words and negative for sad ones', () => {
    expect(sentiment('I am happy and grateful')).toBeGreaterThan(0.3);
    expect(sentiment('I feel sad and lonely')).toBeLessThan(-0.3);
  });

  it('is 0 for text with no feeling words, and for empty text', () => {
    expect(sentiment('The train leaves at nine from platform four')).toBe(0);
    expect(sentiment('')).toBe(0);
  });

  it('turns a negated word around: "not happy" is negative', () => {
    expect(sentiment('I am not happy')).toBeLessThan(0);
    expect(sentiment("I didn't enjoy the party")).toBeLessThan(0);
    expect(sentiment('not bad at all')).toBeGreaterThan(0);
  });

  it('keeps negation within its clause and its reach', () => {
    expect(sentiment('not tired, happy')).toBeGreaterThan(sentiment('not tired happy'));
    // more than three words after the negator, the word counts as written
    expect(sentiment('no idea why but we were happy')).toBeGreaterThan(0);
  });

  it('scales with intensifiers in both directions', () => {
    expect(sentiment('very happy')).toBeGreaterThan(sentiment('happy'));
    expect(sentiment('slightly happy')).toBeLessThan(sentiment('happy'));
    expect(sentiment('extremely sad')).toBeLessThan(sentiment('sad'));
  });

  it('stays within −1…1 however long the text', () => {
    expect(sentiment('wonderful '.repeat(500))).toBeLessThanOrEqual(1);
    expect(sentiment('terrible '.repeat(500))).toBeGreaterThanOrEqual(-1);
    expect(sentiment('wonderful '.repeat(500))).toBeGreaterThan(0.95);
  });

  it('reads apostrophes of either kind and any case', () => {
    expect(sentiment('I DON’T feel GOOD')).toBe(sentiment("i don't feel good"));
  });
});

describe('themes', () => {
  it('names the life areas an entry is about, most mentioned first', () => {
    expect(themes('Long meeting with my boss about the project, then a call with my sister').slice(0, 2)).toEqual(['work', 'family']);
  });

  it('adds frequent content words, without stop words or feeling words', () => {
    const found = themes('The garden tomatoes are ripe. Tomatoes everywhere, happy happy tomatoes. The basil too.');
    expect(found[0]).toBe('nature');
    expect(found).toContain('tomatoes');
    expect(found).not.toContain('the');
    expect(found).not.toContain('happy');
  });

  it('gives at most five themes, and none for an empty entry', () => {
    expect(themes('alpha beta gamma delta epsilon zeta eta theta').length).toBe(5);
    expect(themes('')).toEqual([]);
  });
});

describe('the local analysis', () => {
  it('is deterministic', () => {
    const entry = { title: 'Monday', content: 'Work was stressful but the evening run felt great.' };
    expect(analyzeLocally(entry)).toEqual(analyzeLocally(entry));
  });

  it('summarises with the tone and themes, never quoting the entry', () => {
    const analysis = analyzeLocally({ title: null, content: 'Terrible day. My boss yelled about the deadline and I feel awful and hopeless.' });
    expect(analysis.sentiment).toBeLessThan(-0.6);
    expect(analysis.summary).toBe('A short very negative entry about work.');
    expect(analysis.summary).not.toContain('yelled');
    expect(analysis.suggestions[0]).toMatch(/went well/);
    expect(analysis.suggestions).toHaveLength(3);
  });

  it('reads the title too', () => {
    expect(analyzeLocally({ title: 'Wonderful', content: 'Nothing else to say.' }).sentiment).toBeGreaterThan(0);
  });

  it('names the tone buckets', () => {
    expect([0.9, 0.3, 0, -0.3, -0.9].map(toneOf)).toEqual(['very positive', 'positive', 'mixed', 'negative', 'very negative']);
  });
});
