import { describe, expect, it } from 'vitest';
import { salvageEnvelope } from './dead-letter.js';

const id = '3b1abefb-d6bf-4e16-a5bd-f96f6ce90836';
const other = '68c1596d-a410-48a6-a5ac-d30fb591c542';

describe('salvageEnvelope', () => {
  it('reads the aggregate from the Kafka key even when the value is not JSON', () => {
    expect(salvageEnvelope(Buffer.from([0xde, 0xad]), id.toUpperCase())).toEqual({ aggregateId: id });
  });

  it('keeps the version, type and id of a body that names the same aggregate', () => {
    const body = { aggregateId: id, aggregateVersion: 3, eventType: 'JournalUpdated', eventId: other, payload: { bad: true } };
    expect(salvageEnvelope(Buffer.from(JSON.stringify(body)), id)).toEqual({ aggregateId: id, aggregateVersion: 3, eventType: 'JournalUpdated', eventId: other });
  });

  it('trusts no version when the body names another aggregate than the key', () => {
    const body = { aggregateId: other, aggregateVersion: 3 };
    expect(salvageEnvelope(Buffer.from(JSON.stringify(body)), id)).toMatchObject({ aggregateId: id, aggregateVersion: undefined });
  });

  it('knows no aggregate from garbage with no usable key', () => {
    expect(salvageEnvelope(Buffer.from('nope'), 'not-a-uuid')).toEqual({});
    expect(salvageEnvelope(null)).toEqual({});
  });
});
