import type { SearchDocument } from '../../domain/search-document.js';
import { analyseDocument } from '../../domain/text-analysis.js';

/** A document as Elasticsearch stores it: the search document plus the fields derived from it. */
export interface ElasticDocument extends Omit<SearchDocument, 'tags'> {
  readonly tags: string[];
  readonly allWords: string;
  readonly allStems: string;
  readonly words: string[];
}

export function toElasticDocument(document: SearchDocument): ElasticDocument {
  // Analysed once: title, tags and body in that order (as their text joined), and the suggestion words.
  const analysis = analyseDocument(document);
  const analysed = [...analysis.title, ...analysis.tags, ...analysis.body];
  return {
    ...document,
    tags: [...document.tags],
    allWords: analysed.map((a) => a.word).join(' '),
    allStems: analysed.map((a) => a.stem).join(' '),
    // A tombstone offers nothing to complete.
    words: analysis.suggestions,
  };
}

export function fromElasticDocument(source: ElasticDocument): SearchDocument {
  return {
    id: source.id, kind: source.kind, ownerId: source.ownerId, journalId: source.journalId, title: source.title, body: source.body,
    tags: source.tags, mood: source.mood, day: source.day, createdAt: source.createdAt, version: source.version, deleted: source.deleted,
    completed: source.completed,
  };
}
