import type { Analysis, EntryText } from './insights.js';
import { summaryOf, suggestionsFor } from './reflection.js';
import { sentimentOf } from './sentiment.js';
import { themesOf } from './themes.js';
import { tokenize } from './tokens.js';

/** Names the local analyzer in `generatedBy`; bump the suffix when its results change for the same text. */
export const localAnalyzerName = 'local-analyzer@1';

/** The deterministic analysis: same text, same result; no network, no model. */
export function analyzeLocally(entry: EntryText): Analysis {
  const tokens = tokenize([entry.title ?? '', entry.content].join('\n'));
  const sentiment = sentimentOf(tokens);
  const themes = themesOf(tokens);
  return {
    sentiment,
    themes,
    summary: summaryOf(sentiment, themes, tokens.length),
    suggestions: suggestionsFor(sentiment, themes),
  };
}
