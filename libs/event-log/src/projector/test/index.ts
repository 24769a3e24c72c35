// Test helpers for projections (`@mindflow/event-log/testing`): a projection on the embedded log over real databases.
export { embeddedProjection, type EmbeddedProjection, type EmbeddedProjectionConfig, type EmbeddedProjectionOptions } from './embedded-projection.js';
