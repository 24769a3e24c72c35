// The query service's two roles, each with its own process entry (`projector-main.ts`, `subgraph-main.ts`).
export * from './projector/index.js';
export * from './subgraph/index.js';
