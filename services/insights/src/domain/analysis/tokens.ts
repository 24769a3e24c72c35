/** One word of an entry: lower-cased, as written (for emphasis in capitals), and whether a clause starts at it. */
export interface Token {
  readonly word: string;
  readonly raw: string;
  readonly startsClause: boolean;
}

/** A sentence: its words, and the exclamation marks that end it (emphasis). */
export interface Sentence {
  readonly tokens: readonly Token[];
  readonly exclamations: number;
}

// Words are letters or digits with inner apostrophes ("don't", "4am"); , ; : – — ( ) end a clause, which is
// where a negation's reach ends ("not bad, great" is positive at "great"); . ! ? … and line breaks end a sentence.
const pieces = /([\p{L}\p{N}][\p{L}\p{N}'’]*)|([.!?…\n]+)|([,;:–—()]+)/gu;

export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let tokens: Token[] = [];
  let boundary = true;
  for (const match of text.matchAll(pieces)) {
    if (match[2] !== undefined) {
      if (tokens.length > 0) sentences.push({ tokens, exclamations: match[2].replace(/[^!]/g, '').length });
      tokens = [];
      boundary = true;
    } else if (match[3] !== undefined) {
      boundary = true;
    } else {
      const raw = match[1]!.replaceAll('’', "'");
      tokens.push({ word: raw.toLowerCase(), raw, startsClause: boundary });
      boundary = false;
    }
  }
  if (tokens.length > 0) sentences.push({ tokens, exclamations: 0 });
  return sentences;
}

/**
 * The prose of a Markdown entry: code, link and image targets, web addresses and HTML tags go (their words are
 * not what the entry says: "https", "png", "div" are no themes); link texts, emphasis and list items stay.
 */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?(```|$)/g, '\n')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');
}

/** All the words of a text, in order. */
export function tokenize(text: string): Token[] {
  return sentencesOf(text).flatMap((sentence) => sentence.tokens.map((token, i) => (i === 0 ? { ...token, startsClause: true } : token)));
}
