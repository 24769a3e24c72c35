-- Search analysed by the service (issue 13), the same for both indexes: `document` holds each word of title (A),
-- tags (B) and body (C) lower-cased with its accents folded, and its Snowball English stem marked `~`
-- (`domain/text-analysis.ts`), instead of Postgres' `english` configuration. Rows written before carry
-- `analysis = 1` and are analysed again by the index's `prepare()` (its own code: SQL cannot run the stemmer).
ALTER TABLE search_documents ADD COLUMN analysis smallint NOT NULL DEFAULT 1;
CREATE INDEX search_documents_analysis ON search_documents (doc_id) WHERE analysis < 2;

-- Every lexeme (folded word or `~stem`) of each owner's documents, for typos: a query word's candidates are the
-- owner's terms of a length within its edits (an index range), checked with `levenshtein_less_equal`, instead of
-- every word of every document of the owner. Filled as documents are written (insert-only, no lock on a term
-- already there); a deletion prunes the owner's terms that no live document holds any more.
CREATE TABLE search_vocabulary (
  owner_id  uuid NOT NULL,
  term      text NOT NULL,
  PRIMARY KEY (owner_id, term)
);
CREATE INDEX search_vocabulary_length ON search_vocabulary (owner_id, length(term));
