import { randomUUID } from 'node:crypto';
import type { SearchDocument } from '../domain/search-document.js';
import { searchQueryOf, type SearchRequest } from '../domain/search-query.js';

/** A live document of `ownerId` at version 1, with whatever the test says differently. */
export function document(ownerId: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id: randomUUID(), kind: 'entry', ownerId, journalId: randomUUID(), title: null, body: 'nothing in particular', tags: [],
    mood: null, day: '2030-01-15', createdAt: '2030-01-15T09:00:00.000Z', version: 1, deleted: false, completed: null,
    ...fields,
  };
}

export function query(ownerId: string, text: string, request: Omit<SearchRequest, 'query'> = {}) {
  return searchQueryOf(ownerId, { query: text, ...request });
}
