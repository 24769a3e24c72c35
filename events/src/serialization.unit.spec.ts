import type { KafkaMessage, Message } from 'kafkajs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { aggregateTypeOf, eventTypes } from './catalogue.js';
import { EventContractError } from './event-contract-error.js';
import { fromKafkaMessage, toKafkaMessage } from './serialization.js';
import { sampleEvent } from './testing/sample-event.js';

describe('Kafka serialisation', () => {
  it.each(eventTypes)('%s round-trips through toKafkaMessage / fromKafkaMessage', (eventType) => {
    const event = sampleEvent(eventType, { causationId: 'cause-1' });
    const message = toKafkaMessage(event);

    // Keyed by aggregate (its events share a partition), the aggregate named in a header too.
    expect(message.key).toBe(event.aggregateId);
    expect(message.headers).toEqual({
      'event-id': event.eventId,
      'event-type': eventType,
      'schema-version': String(event.schemaVersion),
      'correlation-id': 'corr-1',
      'causation-id': 'cause-1',
      'aggregate-id': event.aggregateId,
    });
    // As kafkajs delivers it: value and headers as Buffers.
    const received = fromKafkaMessage({
      value: Buffer.from(message.value),
      headers: Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(v)])),
    });
    expect(received).toEqual(event);
    expect(received.aggregateType).toBe(aggregateTypeOf(eventType));
  });

  it('fits kafkajs message types both ways', () => {
    expectTypeOf(toKafkaMessage).returns.toExtend<Message>();
    expectTypeOf<KafkaMessage>().toExtend<Parameters<typeof fromKafkaMessage>[0]>();
  });

  it('leaves causation-id out when there is no cause', () => {
    expect(toKafkaMessage(sampleEvent('UserLoggedIn')).headers).not.toHaveProperty('causation-id');
  });

  it('does not ship a log position, and records the one it is read at', () => {
    const event = { ...sampleEvent('TaskCompleted'), position: 'outbox/42' };
    const message = toKafkaMessage(event);
    expect(JSON.parse(message.value)).toMatchObject({ position: null });
    expect(fromKafkaMessage(message, { position: 'mindflow.task/0/7' }).position).toBe('mindflow.task/0/7');
  });

  it.each([
    ['a tombstone', null, 'empty-message'],
    ['an empty value', Buffer.alloc(0), 'empty-message'],
    ['text that is not JSON', '{"eventType":', 'invalid-json'],
  ] as const)('rejects %s clearly', (_name, value, violation) => {
    const read = () => fromKafkaMessage({ value });
    expect(read).toThrow(EventContractError);
    expect(read).toThrow(expect.objectContaining({ violation, code: 'EVENT_CONTRACT_VIOLATION' }));
  });

  it('rejects headers that disagree with the body', () => {
    const message = toKafkaMessage(sampleEvent('TaskDeleted'));
    const tampered = { ...message, headers: { ...message.headers, 'event-type': 'TaskCompleted' } };
    expect(() => fromKafkaMessage(tampered)).toThrow(expect.objectContaining({ violation: 'header-mismatch', path: ['eventType'] }));
    const elsewhere = { ...message, headers: { ...message.headers, 'aggregate-id': '00000000-0000-4000-8000-000000000000' } };
    expect(() => fromKafkaMessage(elsewhere)).toThrow(expect.objectContaining({ violation: 'header-mismatch', path: ['aggregateId'] }));
  });

  it('reads messages of before the aggregate-id header', () => {
    const event = sampleEvent('JournalEntryUpdated');
    const { 'aggregate-id': _dropped, ...older } = toKafkaMessage(event).headers;
    expect(fromKafkaMessage({ value: Buffer.from(JSON.stringify(event)), headers: older })).toEqual(event);
  });
});
