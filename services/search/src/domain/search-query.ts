import type { SearchKind } from './search-document.js';

/** What a caller asks for. The owner is never part of the text: every index filters by it separately. */
export interface SearchQuery {
  readonly ownerId: string;
  readonly text: string;
  /** Empty: every kind. */
  readonly kinds: readonly SearchKind[];
  /** Every listed tag must be on the document. */
  readonly tags: readonly string[];
  readonly mood: string | null;
  /** Inclusive day range (YYYY-MM-DD). */
  readonly from: string | null;
  readonly to: string | null;
  readonly first: number;
  readonly after: SearchCursor | null;
}

/** Where a page ends in "best first" order: the hit's score, then its id to break ties. */
export interface SearchCursor {
  readonly score: number;
  readonly id: string;
}

export interface SearchHit {
  readonly id: string;
  readonly kind: SearchKind;
  readonly score: number;
  /** Fragments of the document with the matching words wrapped in `<em>…</em>`. */
  readonly highlights: readonly string[];
}

export interface SearchPage {
  readonly hits: readonly SearchHit[];
  readonly hasNextPage: boolean;
  readonly total: number;
}

export const searchLimits = {
  maxQueryLength: 256,
  maxPrefixLength: 64,
  maxFirst: 100,
  maxTags: 10,
  suggestions: 10,
} as const;

/** A request the caller can fix, with the argument to fix. */
export class InvalidSearch extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'InvalidSearch';
  }
}

export interface SearchRequest {
  readonly query: string;
  readonly kinds?: readonly SearchKind[] | null;
  readonly tags?: readonly string[] | null;
  readonly mood?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

const dayPattern = /^\d{4}-\d\d-\d\d$/;

/** Checks a caller's request against the limits and makes it a query of `ownerId`'s documents. */
export function searchQueryOf(ownerId: string, request: SearchRequest): SearchQuery {
  const text = request.query.trim();
  if (text.length === 0) throw new InvalidSearch('query must not be empty', 'query');
  if (text.length > searchLimits.maxQueryLength) throw new InvalidSearch(`query must be at most ${searchLimits.maxQueryLength} characters`, 'query');
  const first = request.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > searchLimits.maxFirst) {
    throw new InvalidSearch(`first must be between 1 and ${searchLimits.maxFirst}`, 'first');
  }
  const tags = [...new Set((request.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag.length > 0))];
  if (tags.length > searchLimits.maxTags) throw new InvalidSearch(`at most ${searchLimits.maxTags} tags`, 'tags');
  for (const [field, day] of [['from', request.from], ['to', request.to]] as const) {
    if (day !== null && day !== undefined && !dayPattern.test(day)) throw new InvalidSearch(`${field} must be a date YYYY-MM-DD`, field);
  }
  if (request.from && request.to && request.from > request.to) throw new InvalidSearch('from must not be after to', 'from');
  return {
    ownerId,
    text,
    kinds: [...new Set(request.kinds ?? [])],
    tags,
    mood: request.mood ?? null,
    from: request.from ?? null,
    to: request.to ?? null,
    first,
    after: decodeSearchCursor(request.after),
  };
}

/** A prefix for `suggest`, trimmed and lower-cased; null when there is nothing to complete. */
export function suggestPrefixOf(prefix: string): string | null {
  const trimmed = prefix.trim().toLowerCase();
  if (trimmed.length > searchLimits.maxPrefixLength) throw new InvalidSearch(`prefix must be at most ${searchLimits.maxPrefixLength} characters`, 'prefix');
  // Complete the last word typed; anything else in the prefix is not a word (punctuation, operators).
  const last = trimmed.match(/[\p{L}\p{N}]+$/u)?.[0];
  return last && last.length > 0 ? last : null;
}

const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients: base64url of JSON. */
export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.score, cursor.id])).toString('base64url');
}

export function decodeSearchCursor(cursor: string | null | undefined): SearchCursor | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [score, id] = value as unknown[];
      if (typeof score === 'number' && Number.isFinite(score) && typeof id === 'string' && idPattern.test(id)) return { score, id };
    }
  } catch {
    // falls through
  }
  throw new InvalidSearch('after is not a cursor this API returned', 'after');
}
