import { EventContractError } from '@mindflow/events';
import { describe, expect, it } from 'vitest';
import { eventFromOutboxRow, storedEventFromOutboxRow } from './event-from-outbox-row.js';
import type { OutboxRow } from './outbox-row.js';

// The relay's reader forwards a row as stored (no upcast, no validation: consumers do both), except for the
// one thing it needs itself: the event type, which names the topic.

const row = (over: Partial<OutboxRow> = {}): OutboxRow => ({
  position: '7',
  txId: '100',
  eventId: '0b0a7d1e-59a6-4c1f-9c3e-5a0d6a8e1f01',
  eventType: 'JournalCreated',
  schemaVersion: 1,
  aggregateType: 'journal',
  aggregateId: '3f1c6c56-8b1e-4c38-9a43-1f0f3b0c2a11',
  aggregateVersion: 1,
  userId: '6a3c1f0e-1111-4c38-9a43-1f0f3b0c2a11',
  correlationId: 'corr-1',
  causationId: null,
  occurredAt: '2026-12-06T10:00:00.000Z',
  payload: { journalId: '3f1c6c56-8b1e-4c38-9a43-1f0f3b0c2a11', ownerId: '6a3c1f0e-1111-4c38-9a43-1f0f3b0c2a11', name: 'Days' },
  traceContext: null,
  ...over,
});

describe('storedEventFromOutboxRow (the relay)', () => {
  it('forwards a row as written, its payload untouched and its source named by the reader', () => {
    const odd = { ...(row().payload as object), extra: 'kept' };
    const event = storedEventFromOutboxRow(row({ payload: odd }), 'command');
    expect(event).toMatchObject({ eventType: 'JournalCreated', source: 'command', aggregateVersion: 1, payload: odd });
  });

  it('refuses a row whose event type no schema knows (it would be sent to <prefix>.undefined)', () => {
    const read = () => storedEventFromOutboxRow(row({ eventType: 'JournalTeleported' }), 'command');
    expect(read).toThrow(EventContractError);
    expect(read).toThrow(/outbox row 7 has an unknown event type "JournalTeleported"/);
  });

  it('leaves validation to consumers: the validating reader refuses what the relay forwards', () => {
    const broken = row({ payload: { name: 42 } });
    expect(() => storedEventFromOutboxRow(broken, 'command')).not.toThrow();
    expect(() => eventFromOutboxRow(broken, 'command')).toThrow(EventContractError);
  });
});
