import { clampSentiment } from './insights.js';
import { intensifiers, negators, sentimentLexicon } from './sentiment-lexicon.js';
import type { Token } from './tokens.js';

/** How many words after a negator it still turns around, unless the clause ends first. */
const negationReach = 3;
/** A negated word keeps part of its strength, with the other sign ("not great" is mildly negative, not terrible). */
const negationFactor = -0.6;
/** Squashes the summed valence into −1…1; larger means more words are needed to approach the ends. */
const squash = 12;

/**
 * Lexicon-based sentiment of a text in −1…1: each known word's valence, scaled by an intensifier right
 * before it and turned by a negator up to three words before it in the same clause, summed and squashed
 * with x / √(x² + α) so a long entry does not saturate from a few words.
 */
export function sentimentOf(tokens: readonly Token[]): number {
  let total = 0;
  let negatedFor = 0;
  let scale = 1;
  for (const token of tokens) {
    if (token.startsClause) {
      negatedFor = 0;
      scale = 1;
    }
    if (negators.has(token.word)) {
      negatedFor = negationReach;
      continue;
    }
    const boost = intensifiers.get(token.word);
    if (boost !== undefined) {
      scale *= boost;
      if (negatedFor > 0) negatedFor -= 1;
      continue;
    }
    const valence = sentimentLexicon.get(token.word);
    if (valence !== undefined) total += valence * scale * (negatedFor > 0 ? negationFactor : 1);
    scale = 1;
    if (negatedFor > 0) negatedFor -= 1;
  }
  if (total === 0) return 0;
  return clampSentiment(total / Math.sqrt(total * total + squash));
}
