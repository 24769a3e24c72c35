import { matchTier, type QueryWord } from './text-analysis.js';

/** Highlights look at most this far into a text. */
const maxHighlightedLength = 20_000;
/** About this many characters per fragment of a body, and at most this many fragments (as Elasticsearch's defaults here). */
const fragmentSize = 150;
const maxFragments = 3;
/** A fragment starts up to this many characters before its first hit. */
const leadIn = 40;

const tokenPattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

interface Token {
  readonly start: number;
  readonly end: number;
  readonly hit: boolean;
}

/**
 * The highlights of a hit, computed alike for both indexes from the same matching rules as the search
 * itself (`matchTier`): the whole title if a word of it matches, and up to three fragments of the body
 * around its matching words, each a piece of inert HTML where only `<em>…</em>` marks the hits.
 */
export function highlights(query: readonly QueryWord[], title: string | null, body: string): string[] {
  const tiers = new Map<string, boolean>();
  const isHit = (token: string) => {
    const word = token.normalize('NFC').toLowerCase();
    let hit = tiers.get(word);
    if (hit === undefined) {
      hit = query.some((queryWord) => matchTier(queryWord, word) > 0);
      tiers.set(word, hit);
    }
    return hit;
  };
  const found: string[] = [];
  if (title) {
    const tokens = tokensOf(title, isHit);
    if (tokens.some((token) => token.hit)) found.push(render(title, tokens, 0, title.length));
  }
  const tokens = tokensOf(body, isHit);
  const hits = tokens.filter((token) => token.hit);
  if (hits.length === 0) return found;
  if (body.length <= fragmentSize) return [...found, render(body, tokens, 0, body.length)];
  const fragments: string[] = [];
  let coveredUntil = -1;
  for (const hit of hits) {
    if (fragments.length >= maxFragments) break;
    if (hit.start < coveredUntil) continue;
    // From the first word at most `leadIn` characters before the hit to the last word ending within the fragment.
    const start = tokens.find((token) => token.start >= hit.start - leadIn)!.start;
    const limit = Math.max(start + fragmentSize, hit.end);
    let end = hit.end;
    for (const token of tokens) if (token.start >= start && token.end <= limit) end = Math.max(end, token.end);
    fragments.push(render(body, tokens, start, end));
    coveredUntil = end;
  }
  return [...found, ...fragments];
}

function tokensOf(text: string, isHit: (token: string) => boolean): Token[] {
  return [...text.slice(0, maxHighlightedLength).matchAll(tokenPattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    hit: isHit(match[0]),
  }));
}

function render(text: string, tokens: readonly Token[], start: number, end: number): string {
  let html = '';
  let at = start;
  for (const token of tokens) {
    if (!token.hit || token.start < start || token.end > end) continue;
    html += `${escapeHtml(text.slice(at, token.start))}<em>${escapeHtml(text.slice(token.start, token.end))}</em>`;
    at = token.end;
  }
  return html + escapeHtml(text.slice(at, end));
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
