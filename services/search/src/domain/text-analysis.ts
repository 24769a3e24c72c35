import { stemmer } from 'stemmer';

// English text analysis done here rather than in the index, so both indexes agree and an Elasticsearch
// without the analysis-common module (no `english` analyzer or `stemmer` filter) still matches
// "running" with "runs": documents carry a stemmed copy of their text, and queries are stemmed alike.

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Lower-case words of a text (letters and digits only: nothing of a query language survives). */
export function words(text: string): string[] {
  return text.toLowerCase().match(wordPattern) ?? [];
}

/** The Porter stem of every word, space separated: what the `*.stemmed` fields hold and match. */
export function stemmedText(text: string): string {
  return words(text).map((word) => stemmer(word)).join(' ');
}

/** At most this many distinct words of a document are offered as completions. */
export const maxSuggestionWords = 200;

/**
 * Words a document offers to `suggest`: distinct, at least 3 characters, at most 40 (a pasted hash is no
 * word anyone types), in order of first appearance.
 */
export function suggestionWords(parts: readonly (string | null)[]): string[] {
  const seen = new Set<string>();
  for (const part of parts) {
    for (const word of words(part ?? '')) {
      if (word.length >= 3 && word.length <= 40) seen.add(word);
      if (seen.size >= maxSuggestionWords) return [...seen];
    }
  }
  return [...seen];
}
