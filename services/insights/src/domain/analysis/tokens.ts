/** One word of an entry, lower-cased, with whether a sentence or clause boundary came right before it. */
export interface Token {
  readonly word: string;
  readonly startsClause: boolean;
}

// Words are letters with inner apostrophes ("don't"); anything of . ! ? ; : , or a line break ends a clause,
// which is where a negation's reach ends ("not bad, great" is positive at "great").
const pieces = /([\p{L}][\p{L}'’]*)|([.!?;:,\n]+)/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let boundary = true;
  for (const match of text.matchAll(pieces)) {
    if (match[2] !== undefined) {
      boundary = true;
      continue;
    }
    tokens.push({ word: match[1]!.toLowerCase().replaceAll('’', "'"), startsClause: boundary });
    boundary = false;
  }
  return tokens;
}
