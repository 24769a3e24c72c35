import type { SearchDocument } from '../../domain/search-document.js';
import { stemmedText, suggestionWords } from '../../domain/text-analysis.js';

/** A document as Elasticsearch stores it: the search document plus the fields derived from it. */
export interface ElasticDocument extends Omit<SearchDocument, 'tags'> {
  readonly tags: string[];
  readonly allStemmed: string;
  readonly words: string[];
}

export function toElasticDocument(document: SearchDocument): ElasticDocument {
  const parts = [document.title, document.body, ...document.tags];
  return {
    ...document,
    tags: [...document.tags],
    allStemmed: stemmedText(parts.filter((part) => part !== null).join(' ')),
    // A tombstone offers nothing to complete.
    words: document.deleted ? [] : suggestionWords(parts),
  };
}

export function fromElasticDocument(source: ElasticDocument): SearchDocument {
  return {
    id: source.id, kind: source.kind, ownerId: source.ownerId, journalId: source.journalId, title: source.title, body: source.body,
    tags: source.tags, mood: source.mood, day: source.day, createdAt: source.createdAt, version: source.version, deleted: source.deleted,
    completed: source.completed,
  };
}
