// The media service (issue 15): attachments by signed upload, checked and processed, on entries and thoughts.
export { startMediaSubgraph, mediaSchemaPath, type RunningMediaSubgraph } from './subgraph/start-media-subgraph.js';
export { migrateMediaDatabase } from './adapters/pg/media-migrations.js';
export { mediaProjector, startMediaProjector, mediaProjection, type RunningMediaProjector } from './projector/media-projector.js';
// The image and audio processing attachFile runs, on its own: the in-process baseline of the upload → thumbnail benchmark.
export { mediaFileProcessor } from './adapters/processing/media-file-processor.js';
