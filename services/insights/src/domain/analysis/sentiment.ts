import { clampSentiment } from './insights.js';
import {
  boosters,
  capitalsBoost,
  contrastWords,
  exclamationBoost,
  longestPhrase,
  movingOnWords,
  negationFactor,
  negators,
  phrases,
  turningWords,
  valenceOf,
} from './sentiment-lexicon.js';
import type { Sentence, Token } from './tokens.js';

/** VADER's normalisation constant: a sum of valences x becomes x / √(x² + α). */
const alpha = 15;
/** How many words before a feeling word a booster or a negator still acts on (VADER's three). */
const reach = 3;
/** VADER's decay of a booster's effect with distance: the word right before, one more, two more. */
const boosterDecay = [1, 0.95, 0.9];
/** A clause whose feeling counts as strong (for mixed feelings): about "happy" or "sad" alone. */
const strong = 0.4;
/** For mixed feelings, the weaker side must weigh at least this share of the stronger. */
const balance = 0.4;
/** Sentences weaker than this carry no feeling (they neither pull an entry's score to 0 nor push it). */
const felt = 0.05;

/** One clause's feeling, before contrast weights: its score −1…1 and its words. */
export interface Clause {
  readonly score: number;
  readonly tokens: readonly Token[];
  /** The words of its sentence. */
  readonly sentence: readonly Token[];
  /** It opens with "but"/"though", or its sentence with a turning word ("But", "Later", …). */
  readonly turns: boolean;
  /** Its sentence opens with a word that says the day moved on ("Later", "Eventually", …). */
  readonly movesOn: boolean;
}

export interface Feelings {
  /** −1…1: the weighted mean of the sentences that carry a feeling; 0 when none does. */
  readonly sentiment: number;
  /** Strong positive and strong negative clauses side by side, not one resolved into the other. */
  readonly mixed: boolean;
  /** The clearest positive and negative clauses (for a summary that names what they were about). */
  readonly brightest: Clause | undefined;
  readonly darkest: Clause | undefined;
}

/**
 * Sentiment the way VADER reads it, sentence by sentence: each word's valence from the lexicon, raised or
 * lowered by a booster up to three words before it ("very", "slightly"), turned by a negator up to three
 * words before it in its clause ("not", "never", "didn't"), raised in capitals among lower-case words and by
 * exclamation marks; within a sentence, what follows "but"/"though" weighs 1.5× and what precedes it 0.5×.
 * Sentences are then combined: a sentence opening with "Later", "But", "Eventually"… turns the entry the
 * same way (the sentences before it weigh 0.5×, those from it 1.5×), and the entry's score is the weighted
 * mean of the sentences that carry a feeling, so one bad sentence among good ones lowers the score without
 * flipping it.
 *
 * Mixed feelings: a strong positive and a strong negative clause, the weaker side at least 40% of the
 * stronger, unless the entry resolves them: it ends on the positive one after a "but"/"though"/"later"
 * ("I was terrified, but the talk went well" is a good day), or it moved on ("Later, my car broke down").
 */
export function feelingsOf(sentences: readonly Sentence[]): Feelings {
  const turn = lastTurn(sentences);
  let sum = 0;
  let weightSum = 0;
  const clauses: Clause[] = [];
  sentences.forEach((sentence, s) => {
    const weight = turn === undefined ? 1 : s < turn ? 0.5 : 1.5;
    const valences = sentenceValences(sentence);
    const compound = normalise(withExclamations(withContrast(sentence.tokens, valences).reduce((a, b) => a + b, 0), sentence.exclamations));
    if (Math.abs(compound) >= felt) {
      sum += weight * compound;
      weightSum += weight;
    }
    const opener = sentence.tokens[0]!.word;
    clausesOf(sentence.tokens, valences).forEach((clause, c) => {
      const turns = contrastWords.has(clause.tokens[0]!.word) || (c === 0 && s > 0 && turningWords.has(opener));
      clauses.push({ score: normalise(clause.sum), tokens: clause.tokens, sentence: sentence.tokens, turns, movesOn: c === 0 && s > 0 && movingOnWords.has(opener) });
    });
  });
  const sentiment = weightSum === 0 ? 0 : clampSentiment(sum / weightSum);
  const brightest = clauses.reduce<Clause | undefined>((best, c) => (c.score > (best?.score ?? 0) ? c : best), undefined);
  const darkest = clauses.reduce<Clause | undefined>((worst, c) => (c.score < (worst?.score ?? 0) ? c : worst), undefined);
  return { sentiment, mixed: areMixed(clauses), brightest, darkest };
}

function areMixed(clauses: readonly Clause[]): boolean {
  const positive = clauses.reduce((a, c) => a + Math.max(c.score, 0), 0);
  const negative = clauses.reduce((a, c) => a - Math.min(c.score, 0), 0);
  if (!clauses.some((c) => c.score >= strong) || !clauses.some((c) => c.score <= -strong)) return false;
  if (Math.min(positive, negative) / Math.max(positive, negative) < balance) return false;
  const strongOnes = clauses.map((c, i) => ({ c, i })).filter(({ c }) => Math.abs(c.score) >= strong);
  const last = strongOnes.at(-1)!;
  const other = strongOnes.findLast(({ c }) => Math.sign(c.score) !== Math.sign(last.c.score))!;
  const between = clauses.slice(other.i + 1, last.i + 1);
  if (between.some((c) => c.movesOn)) return false;
  return !(last.c.score > 0 && between.some((c) => c.turns));
}

/** The sentiment of one text given as sentences: −1…1. */
export function sentimentOf(sentences: readonly Sentence[]): number {
  return feelingsOf(sentences).sentiment;
}

/** Each word's valence in its sentence, after phrases, boosters, negation, capitals and contrast. */
function sentenceValences(sentence: Sentence): number[] {
  const { tokens } = sentence;
  const words = tokens.map((t) => t.word);
  const capsDiffer = tokens.some((t) => isShouted(t.raw)) && tokens.some((t) => !isShouted(t.raw));
  const valences = new Array<number>(tokens.length).fill(0);
  const consumed = new Set<number>();
  for (let i = 0; i < tokens.length; i += 1) {
    if (consumed.has(i)) continue;
    const phrase = phraseAt(words, i);
    let valence: number | undefined;
    if (phrase) {
      valence = phrase.valence;
      for (let k = 0; k < phrase.length; k += 1) consumed.add(i + k);
    } else if (negators.has(words[i]!) || (boosters.has(words[i]!) && hasValence(words[i + 1]))) {
      continue;
    } else {
      valence = valenceOf(words[i]!);
    }
    if (!valence) continue;
    if (capsDiffer && isShouted(tokens[i]!.raw)) valence += Math.sign(valence) * capitalsBoost;
    let negated = false;
    for (let j = 1; j <= reach && i - j >= 0; j += 1) {
      if (tokens[i - j + 1]!.startsClause) break;
      const before = words[i - j]!;
      if (consumed.has(i - j) && before === 'of' && (words[i - j - 1] === 'kind' || words[i - j - 1] === 'sort')) {
        valence += Math.sign(valence) * -0.293 * boosterDecay[j - 1]!;
        continue;
      }
      const scalar = boosters.get(before);
      if (scalar !== undefined) {
        const shouted = capsDiffer && isShouted(tokens[i - j]!.raw) ? Math.sign(scalar) * capitalsBoost : 0;
        valence += Math.sign(valence) * (scalar + shouted) * boosterDecay[j - 1]!;
      }
      // "never so happy", "never this calm": VADER reads these as more, not less
      const emphatic = before === 'never' && words.slice(i - j + 1, i).some((w) => w === 'so' || w === 'this' || w === 'such');
      if (!negated && negators.has(before) && !consumed.has(i - j) && !emphatic) {
        valence *= negationFactor;
        negated = true;
      }
    }
    valences[i] = valence;
  }
  return valences;
}

/** VADER's "but" rule, for every contrast word: before it ×0.5, after it ×1.5; "Although X, Y" likewise. */
function withContrast(tokens: readonly Token[], valences: readonly number[]): number[] {
  const words = tokens.map((t) => t.word);
  let at = words.findIndex((word, i) => contrastWords.has(word) && i > 0 && i < words.length - 1);
  if (at === -1 && (words[0] === 'although' || words[0] === 'though')) {
    at = tokens.findIndex((t, i) => i > 0 && t.startsClause);
  }
  if (at <= 0) return [...valences];
  return valences.map((v, i) => (i < at ? v * 0.5 : i > at ? v * 1.5 : v));
}

function lastTurn(sentences: readonly Sentence[]): number | undefined {
  for (let s = sentences.length - 1; s > 0; s -= 1) {
    if (turningWords.has(sentences[s]!.tokens[0]!.word)) return s;
  }
  return undefined;
}

function clausesOf(tokens: readonly Token[], valences: readonly number[]): { sum: number; tokens: Token[] }[] {
  const clauses: { sum: number; tokens: Token[] }[] = [];
  tokens.forEach((token, i) => {
    if (i === 0 || token.startsClause || contrastWords.has(token.word) || token.word === 'and') clauses.push({ sum: 0, tokens: [] });
    const clause = clauses.at(-1)!;
    clause.sum += valences[i]!;
    clause.tokens.push(token);
  });
  return clauses;
}

function phraseAt(words: readonly string[], i: number): { valence: number; length: number } | undefined {
  for (let length = Math.min(longestPhrase, words.length - i); length >= 2; length -= 1) {
    const valence = phrases.get(words.slice(i, i + length).join(' '));
    if (valence !== undefined) return { valence, length };
  }
  return undefined;
}

function hasValence(word: string | undefined): boolean {
  return word !== undefined && !!valenceOf(word);
}

function isShouted(raw: string): boolean {
  return raw.length > 1 && /\p{Lu}/u.test(raw) && !/\p{Ll}/u.test(raw);
}

function withExclamations(sum: number, exclamations: number): number {
  return sum === 0 ? 0 : sum + Math.sign(sum) * exclamationBoost * Math.min(exclamations, 4);
}

function normalise(sum: number): number {
  return sum / Math.sqrt(sum * sum + alpha);
}
