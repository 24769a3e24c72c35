// `@mindflow/events/testing`: valid sample events for tests of producers and consumers.
export { sampleIds, samplePayloads } from './sample-payloads.js';
export { sampleEvent } from './sample-event.js';
