// The search domain: documents built from events, queries, text analysis. Pure.
export * from './search-document.js';
export * from './search-query.js';
export * from './text-analysis.js';
export * from './documents-from-events.js';
export * from './stored-document.js';
