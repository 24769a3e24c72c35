export { outboxMigrations } from './outbox-migrations.js';
export { appendToOutbox, type AppendOptions } from './append-to-outbox.js';
export { readCommittedOutbox, outboxDepth } from './read-committed-outbox.js';
export { eventFromOutboxRow, storedEventFromOutboxRow } from './event-from-outbox-row.js';
export { loadOutboxCheckpoint, saveOutboxCheckpoint } from './outbox-checkpoint.js';
export type { OutboxClient, OutboxPosition, OutboxRow } from './outbox-row.js';
