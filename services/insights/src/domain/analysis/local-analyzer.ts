import type { Analysis, EntryText } from './insights.js';
import { isReadable } from './language.js';
import { summaryOf, suggestionsFor, type Reading } from './reflection.js';
import { feelingsOf } from './sentiment.js';
import { themesOf } from './themes.js';
import { proseOf, sentencesOf } from './tokens.js';

/** Names the local analyzer in `generatedBy`; bump the suffix when its results change for the same text. */
export const localAnalyzerName = 'local-analyzer@2';

/**
 * The deterministic analysis: same text, same result; no network, no model. It reads the prose of the
 * Markdown (no code, link targets, addresses or tags). Sentiment reads the body, and
 * the title only when the body says nothing of feelings (a title is a label: "Family", "Worst day ever" over
 * an entry that turned out well); themes come from the body only. A text the analyzer cannot read (not English) is not analysed:
 * `analysed: false`, sentiment 0 (the API needs a number), no themes, no suggestions, and a summary that says so.
 */
export function analyzeLocally(entry: EntryText): Analysis {
  const reading = readingOf(entry);
  const body = sentencesOf(proseOf(entry.content));
  const tokens = body.flatMap((sentence) => sentence.tokens);
  const themes = reading.kind === 'not-analysed' ? [] : themesOf(tokens);
  return {
    sentiment: reading.kind === 'not-analysed' ? 0 : reading.sentiment,
    analysed: reading.kind !== 'not-analysed',
    themes,
    summary: summaryOf(reading, themes, tokens.length),
    suggestions: suggestionsFor(reading, themes),
  };
}

/** How the analyzer reads an entry's feelings: a tone, mixed feelings, or not at all. */
export function readingOf(entry: EntryText): Reading {
  const content = proseOf(entry.content);
  if (!isReadable([entry.title ?? '', content].join('\n'))) return { kind: 'not-analysed' };
  let feelings = feelingsOf(sentencesOf(content));
  if (feelings.sentiment === 0 && !feelings.mixed && entry.title) feelings = feelingsOf(sentencesOf(entry.title));
  if (feelings.mixed && feelings.brightest && feelings.darkest) {
    return { kind: 'mixed', sentiment: feelings.sentiment, brightest: feelings.brightest, darkest: feelings.darkest };
  }
  return { kind: 'tone', sentiment: feelings.sentiment };
}
