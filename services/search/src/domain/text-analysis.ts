// The stemmer ships no types: every project that compiles this file (search, tools, deploy) needs the declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../types/wink-porter2-stemmer.d.ts" />
import porter2 from 'wink-porter2-stemmer';

// English text analysis done here rather than in the index, so both indexes agree to the letter and an
// Elasticsearch without the analysis-common module (no `english` analyzer, no `stemmer` or `asciifolding`
// filter) still matches "hiking" with "hiked" and "cafe" with "café": documents carry their analysed words and
// stems, and queries are analysed alike. One stemmer for both adapters: Snowball English (Porter2), the
// algorithm of Postgres' `english` configuration and of Elasticsearch's `english`/`porter2` stemmers.

/** A word: a letter or digit, then letters, combining marks and digits (nothing of a query language survives). */
const wordPattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Longer words are not indexed nor searched (a pasted hash is no word; Postgres lexemes are bounded). */
export const maxWordLength = 100;

/** Lower-case words of a text, as written (accents kept): what highlights and `suggest` show. */
export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(wordPattern) ?? [];
}

/** Letters that are not a base letter plus a combining accent, folded as Lucene's `asciifolding` does. */
const foldedLetters: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h', ŧ: 't', ĸ: 'q', ŉ: 'n',
};
const foldedPattern = new RegExp(`[${Object.keys(foldedLetters).join('')}]`, 'gu');
const asciiPattern = /^\p{ASCII}*$/u;

/**
 * A lower-case word without its accents: the combining diacritical marks (U+0300–U+036F) of its canonical
 * decomposition removed (é → e, ï → i, ñ → n; other scripts' marks stay) and a few letters folded (ß → ss, ø → o).
 */
export function fold(word: string): string {
  // Most words are plain ASCII: nothing to fold.
  if (asciiPattern.test(word)) return word;
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(foldedPattern, (letter) => foldedLetters[letter] ?? letter);
}

/** Stems already computed (the stemmer takes tens of microseconds a word; texts repeat their words): emptied when full. */
const stems = new Map<string, string>();
const maxCachedStems = 50_000;

/** The Snowball English (Porter2) stem of a folded word. */
export function stem(folded: string): string {
  let found = stems.get(folded);
  if (found === undefined) {
    found = porter2(folded);
    if (stems.size >= maxCachedStems) stems.clear();
    stems.set(folded, found);
  }
  return found;
}

/** One word of a text as both indexes keep it: folded, and its stem. */
export interface AnalysedWord {
  /** Lower case, accents folded: matched exactly and by typo. */
  readonly word: string;
  /** Snowball English stem of `word`: matched exactly and by typo. */
  readonly stem: string;
}

/**
 * Words already analysed, by the word as written (lower case): one lookup per word of a document instead of
 * folding and a stem lookup (texts repeat their words). Emptied when full, like `stems`.
 */
const analysedWords = new Map<string, AnalysedWord>();

/** A lower-case word as written, folded and stemmed (cached). */
function analysedWord(word: string): AnalysedWord {
  let found = analysedWords.get(word);
  if (found === undefined) {
    const folded = fold(word);
    found = { word: folded, stem: stem(folded) };
    if (analysedWords.size >= maxCachedStems) analysedWords.clear();
    analysedWords.set(word, found);
  }
  return found;
}

/** The analysed words of words as `words` returns them (longer than `maxWordLength`: left out). */
function analyseWords(written: readonly string[]): AnalysedWord[] {
  const out: AnalysedWord[] = [];
  for (const word of written) if (word.length <= maxWordLength) out.push(analysedWord(word));
  return out;
}

/** Every word of a text (in order, repeats kept), folded and stemmed. */
export function analyse(text: string): AnalysedWord[] {
  return analyseWords(words(text));
}

/** A document's text, analysed once for everything an index derives from it. */
export interface DocumentAnalysis {
  /** The analysed words of the title, of the tags (one after another) and of the body, in order. */
  readonly title: readonly AnalysedWord[];
  readonly tags: readonly AnalysedWord[];
  readonly body: readonly AnalysedWord[];
  /** What the document offers to `suggest` (`suggestionWords` of title, body and tags); none for a tombstone. */
  readonly suggestions: string[];
}

/**
 * Title, tags and body split into words once: their analysis (as `analyse` of each) and their suggestion
 * words (as `suggestionWords([title, body, ...tags])`).
 */
export function analyseDocument(document: { readonly title: string | null; readonly tags: readonly string[]; readonly body: string; readonly deleted?: boolean }): DocumentAnalysis {
  const titleWords = words(document.title ?? '');
  const tagWords = document.tags.flatMap((tag) => words(tag));
  const bodyWords = words(document.body);
  return {
    title: analyseWords(titleWords),
    tags: analyseWords(tagWords),
    body: analyseWords(bodyWords),
    suggestions: document.deleted ? [] : suggestionsOf([titleWords, bodyWords, tagWords]),
  };
}

/** Folded words and stems of a text, space separated: what Elasticsearch's `allWords` / `allStems` hold. */
export function analysedText(text: string): { words: string; stems: string } {
  const analysed = analyse(text);
  return { words: analysed.map((a) => a.word).join(' '), stems: analysed.map((a) => a.stem).join(' ') };
}

/** Typos are forgiven only in words up to this long (both indexes; Postgres' `levenshtein` takes at most 255). */
export const maxFuzzyLength = 40;

/**
 * Edits forgiven in a term, as Elasticsearch's `fuzziness: AUTO` counts them (AUTO:3,6): none for 1–2
 * letters, one for 3–5, two from 6 (letters counted as code points). Applied to a query word against
 * the document's words and to its stem against the document's stems.
 */
export function maxEdits(term: string): number {
  const length = [...term].length;
  if (length < 3 || length > maxFuzzyLength) return 0;
  return length < 6 ? 1 : 2;
}

/**
 * The edit distance Elasticsearch's fuzzy queries count (`fuzzy_transpositions: true`): insertions,
 * deletions, substitutions and transpositions of two adjacent letters, each one edit (optimal string
 * alignment). Stops early: any distance above `max` is answered `max + 1`.
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return Math.min(previous[t.length]!, max + 1);
}

/** At most this many words of a query count (the rest would only slow the query down). */
export const maxQueryWords = 12;

/** A query word and how it may match: exactly, by stem, within `edits` of a word, `stemEdits` of a stem, as a prefix. */
export interface QueryWord extends AnalysedWord {
  readonly edits: number;
  readonly stemEdits: number;
  /** The last word typed also matches as the start of a word (search as you type), from two letters. */
  readonly prefix: boolean;
}

/**
 * The query's distinct words (at most `maxQueryWords`), analysed as documents are. Each must match the
 * document, independently of the others: exactly, by stem, or by typo (of the word or of its stem).
 */
export function queryWords(text: string): QueryWord[] {
  const seen = new Set<string>();
  const analysed = analyse(text).filter(({ word }) => !seen.has(word) && seen.add(word)).slice(0, maxQueryWords);
  return analysed.map(({ word, stem: wordStem }, index) => ({
    word,
    stem: wordStem,
    edits: maxEdits(word),
    stemEdits: maxEdits(wordStem),
    prefix: index === analysed.length - 1 && [...word].length >= 2,
  }));
}

/** How well a document word answers a query word, best first: exact, stem, then typo or prefix (0: not at all). */
export const matchTiers = { exact: 3, stem: 2, typo: 1 } as const;

/** The tier at which a document's word (as written) answers a query word; 0 when it does not. */
export function matchTier(query: QueryWord, written: string): number {
  const word = fold(written);
  if (word === query.word) return matchTiers.exact;
  const wordStem = stem(word);
  if (wordStem === query.stem) return matchTiers.stem;
  if (query.edits > 0 && editDistance(word, query.word, query.edits) <= query.edits) return matchTiers.typo;
  if (query.stemEdits > 0 && editDistance(wordStem, query.stem, query.stemEdits) <= query.stemEdits) return matchTiers.typo;
  if (query.prefix && word.startsWith(query.word)) return matchTiers.typo;
  return 0;
}

/** At most this many distinct words of a document are offered as completions. */
export const maxSuggestionWords = 200;

/**
 * Words a document offers to `suggest`: distinct, at least 3 characters, at most 40 (a pasted hash is no
 * word anyone types), in order of first appearance.
 */
export function suggestionWords(parts: readonly (string | null)[]): string[] {
  return suggestionsOf(parts.map((part) => words(part ?? '')));
}

function suggestionsOf(parts: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const part of parts) {
    for (const word of part) {
      if (word.length >= 3 && word.length <= 40) seen.add(word);
      if (seen.size >= maxSuggestionWords) return [...seen];
    }
  }
  return [...seen];
}
