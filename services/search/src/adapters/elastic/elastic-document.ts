import type { SearchDocument } from '../../domain/search-document.js';
import { analysedText, suggestionWords } from '../../domain/text-analysis.js';

/** A document as Elasticsearch stores it: the search document plus the fields derived from it. */
export interface ElasticDocument extends Omit<SearchDocument, 'tags'> {
  readonly tags: string[];
  readonly allWords: string;
  readonly allStems: string;
  readonly words: string[];
}

export function toElasticDocument(document: SearchDocument): ElasticDocument {
  const parts = [document.title, document.body, ...document.tags];
  const analysed = analysedText([document.title, ...document.tags, document.body].filter((part) => part !== null).join('\n'));
  return {
    ...document,
    tags: [...document.tags],
    allWords: analysed.words,
    allStems: analysed.stems,
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
