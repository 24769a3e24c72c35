import { describe, expect, it } from 'vitest';
import { isReadable } from './language.js';
import { analyzeLocally, readingOf } from './local-analyzer.js';
import { toneOf } from './reflection.js';
import { sentimentOf } from './sentiment.js';
import { singular, themesOf } from './themes.js';
import { sentencesOf, tokenize } from './tokens.js';

const sentiment = (text: string) => sentimentOf(sentencesOf(text));
/** The side of ±0.2 a text's sentiment falls on (as the summary's tone and the evaluation read it). */
const side = (text: string) => {
  const score = sentiment(text);
  return score >= 0.2 ? 'positive' : score <= -0.2 ? 'negative' : 'neutral';
};
const themes = (text: string) => themesOf(tokenize(text));
const analysis = (content: string, title: string | null = null) => analyzeLocally({ title, content });

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
    expect(["I am not happy", "I didn't enjoy the party", 'not bad at all', 'Nothing bad happened today.'].map(side)).toEqual(['negative', 'negative', 'positive', 'positive']);
  });

  it('knows the turns of phrase where a negator is not one', () => {
    const texts = ["Got the job offer and I can't stop smiling.", 'I have never been happier.', "I've never been so frightened.", 'My grandmother passed away last night.'];
    expect(texts.map(side)).toEqual(['positive', 'positive', 'negative', 'negative']);
  });

  it('keeps negation within its clause and its reach', () => {
    expect(sentiment('not tired, happy')).toBeGreaterThan(sentiment('not tired happy'));
    // more than three words after the negator, the word counts as written
    expect(sentiment('no idea why but we were happy')).toBeGreaterThan(0);
  });

  it('scales with intensifiers and dampeners in both directions', () => {
    expect(sentiment('very happy')).toBeGreaterThan(sentiment('happy'));
    expect(sentiment('slightly happy')).toBeLessThan(sentiment('happy'));
    expect(sentiment('extremely sad')).toBeLessThan(sentiment('sad'));
    expect(sentiment('kind of sad')).toBeGreaterThan(sentiment('sad'));
    expect(sentiment('a bit tired')).toBeGreaterThan(sentiment('tired'));
  });

  it('reads capitals among lower-case words and exclamation marks as emphasis', () => {
    expect(sentiment('I am SO tired')).toBeLessThan(sentiment('I am so tired'));
    expect(sentiment('Great day!!!')).toBeGreaterThan(sentiment('Great day.'));
    expect(sentiment('I don’t feel good')).toBe(sentiment("I don't feel good"));
  });

  it('weighs what follows "but" or "though" more than what precedes it', () => {
    const texts = [
      'Work was stressful but the evening run felt great.',
      'The evening run felt great but work was stressful.',
      'I was terrified beforehand, but the talk went really well and people asked good questions.',
      'Lovely weekend, though the drive home was a nightmare.',
    ];
    expect(texts.map(side)).toEqual(['positive', 'negative', 'positive', 'negative']);
  });

  it('lets a sentence that opens with "Later" or "But" turn the entry', () => {
    expect(side('The morning was awful. Later, a friend called and we laughed for an hour.')).toBe('positive');
    expect(sentiment('It started as a lovely day. Later my car broke down on the motorway.')).toBeLessThan(0);
  });

  it('averages over sentences: one bad sentence lowers a happy entry without making it very negative', () => {
    const entry = 'Sunny morning, a good run and a nice lunch with Sam. Work went fine and I finished early. ' +
      'Played guitar in the evening, which was lovely. One awful, horrible phone call with the bank left me furious.';
    expect(sentiment(entry)).toBeGreaterThan(0);
    expect(sentiment(entry)).toBeLessThan(sentiment(entry.replace(/One awful.*$/, '')));
  });

  it('stays within −1…1 however long the text', () => {
    expect(sentiment('wonderful '.repeat(500))).toBeLessThanOrEqual(1);
    expect(sentiment('terrible '.repeat(500))).toBeGreaterThanOrEqual(-1);
    expect(sentiment('wonderful '.repeat(500))).toBeGreaterThan(0.95);
  });

  it('reads a topic as a topic: coffee with a friend is not a feeling', () => {
    expect(sentiment('Grabbed coffee with a friend before work.')).toBe(0);
  });
});

describe('mixed feelings', () => {
  it('are strong good and strong bad side by side, and the summary names both sides', () => {
    const mixed = analysis("I got the promotion and I'm thrilled. But my dog is really sick and the vet isn't hopeful.");
    expect(mixed.summary).toBe('Mixed feelings about work and health: good about promotion, but low about dog.');
    expect(analysis('Fantastic dinner, awful company.').summary).toBe('Mixed feelings: good about dinner, but low about company.');
    // each side named by what its own clause is about, not by a word of the other side
    expect(analysis("So proud and happy, and so sad that my grandmother wasn't there to see it.").summary).toBe('Mixed feelings about family: good moments, but low about grandmother.');
  });

  it('are not what a day that turned out well or badly is', () => {
    expect(readingOf({ title: null, content: 'I was terrified beforehand, but the talk went really well and people asked good questions.' }).kind).toBe('tone');
    expect(readingOf({ title: null, content: 'It started as a lovely day. Later my car broke down and I waited three hours.' }).kind).toBe('tone');
    expect(readingOf({ title: null, content: 'Happy to be home, sad the trip is over.' }).kind).toBe('mixed');
  });

  it('get their own suggestion', () => {
    expect(analysis('Happy to be home, sad the trip is over.').suggestions[0]).toMatch(/weighed on you/);
  });
});

describe('language check', () => {
  it('reads English, also with a word or two of another script or language', () => {
    expect(isReadable('Had a lovely day at the beach.')).toBe(true);
    expect(isReadable('Met Yael for falafel. שבת שלום to everyone back home!')).toBe(true);
    expect(isReadable('Café au lait and a croissant on the terrace.')).toBe(true);
    expect(isReadable('')).toBe(true);
  });

  it('does not read other scripts or other Latin-script languages', () => {
    for (const text of [
      'היום היה יום קשה בעבודה, אבל בערב נפגשתי עם חברים.',
      'كان يومًا جميلًا. ذهبت إلى البحر مع عائلتي.',
      '今日は友達とコーヒーを飲みました。',
      'Сегодня был ужасный день.',
      'Heute war ein schöner Tag. Ich bin mit meiner Schwester im Park spazieren gegangen.',
      'Hoy estuve muy cansada y triste. No quería hablar con nadie en el trabajo.',
    ]) expect(isReadable(text), text).toBe(false);
  });

  it('says "not analysed" instead of a neutral score, with no themes and no suggestions', () => {
    expect(analysis('אני מודאגת מהמצגת מחר. לא ישנתי כל הלילה.', 'Today')).toEqual({
      sentiment: 0,
      analysed: false,
      themes: [],
      summary: 'Not analysed: the local analysis reads English only.',
      suggestions: [],
    });
  });
});

describe('themes', () => {
  it('names the life areas an entry is about, most mentioned first', () => {
    expect(themes('Long meeting with my boss about the project, then a call with my sister').slice(0, 2)).toEqual(['work', 'family']);
  });

  it('adds frequent content words in the singular, without stop words or feeling words', () => {
    const found = themes('The garden tomatoes are ripe. Tomatoes everywhere, happy happy tomatoes. The basil too.');
    expect(found[0]).toBe('nature');
    expect(found[1]).toBe('tomato');
    expect(found).not.toContain('the');
    expect(found).not.toContain('happy');
  });

  it('counts "presentation" and "presentations" as one theme', () => {
    expect(themes('The presentations went okay. The second presentation was better.')).toEqual(['work', 'presentation']);
    expect(['presentations', 'stories', 'dishes', 'tomatoes', "parents'", 'news', 'class'].map(singular)).toEqual(['presentation', 'story', 'dish', 'tomato', 'parent', 'news', 'class']);
  });

  it('takes life areas only from words that say them: coffee with a friend is about a friend, not food', () => {
    expect(themes('Coffee with Maya this afternoon. We talked about her new flat and laughed a lot.')).not.toContain('food');
    expect(themes('Grabbed coffee with a friend before work.')).toEqual(['friends', 'work', 'coffee']);
  });

  it('come from the body only, never from the title', () => {
    const { themes: found } = analysis('Long walk in the park with the dog.', 'Markdown test');
    expect(found).not.toContain('markdown');
    expect(found).not.toContain('test');
  });

  it('come from the prose of the Markdown: no code, link targets, addresses or HTML', () => {
    const { themes: found } = analysis('# Garden\n\n**Tomatoes** everywhere, see [my photos](https://example.com/tomatoes.png) and <img src="x.png">.\n\n```\nconst basil = 1;\n```');
    expect(found).toEqual(['nature', 'garden', 'tomato', 'photo']);
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

  it('summarises with the tone, the life areas and the main topics, never quoting a sentence', () => {
    const result = analysis('Terrible day. My boss yelled about the deadline and I feel awful and hopeless.');
    expect(result.sentiment).toBeLessThan(-0.5);
    expect(result.summary).toBe('A short negative entry about work (boss and deadline).');
    expect(result.summary).not.toContain('yelled');
    expect(result.suggestions[0]).toMatch(/went well/);
  });

  it('reads anxiety about a presentation as that, whatever the title', () => {
    const result = analysis('I am so anxious about the presentation tomorrow. I keep rehearsing the slides and my stomach is in knots.', 'Family');
    expect(result.sentiment).toBeLessThan(-0.2);
    expect(result.sentiment).toBeGreaterThan(-0.8);
    expect(result.summary).toBe('A short negative entry about work (presentation and rehearsing).');
  });

  it('reads the title only when the body says nothing of feelings', () => {
    expect(analysis('Nothing else to say.', 'Wonderful').sentiment).toBeGreaterThan(0);
    expect(analysis('Actually it ended well. Dinner with friends made up for the morning.', 'Worst day ever').sentiment).toBeGreaterThan(0.2);
  });

  it('names the tone buckets', () => {
    expect([0.9, 0.3, 0, -0.3, -0.9].map(toneOf)).toEqual(['very positive', 'positive', 'neutral', 'negative', 'very negative']);
  });
});
