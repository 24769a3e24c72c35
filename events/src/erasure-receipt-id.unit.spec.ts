import { describe, expect, it } from 'vitest';
import { erasureReceiptId } from './erasure-receipt-id.js';
import { sampleEvent } from './testing/index.js';

describe('erasureReceiptId', () => {
  const user = '3f2b8c1e-0000-4000-8000-000000000001';

  it('is one name-based UUID per user, service and attempt, whatever the letter case of the user id', () => {
    const id = erasureReceiptId(user, 'query', 1);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(erasureReceiptId(user.toUpperCase(), 'query', 1)).toBe(id);
    expect(new Set([id, erasureReceiptId(user, 'search', 1), erasureReceiptId(user, 'query', 2), user]).size).toBe(4);
  });

  it('is the aggregate id of UserDataErased', () => {
    const event = sampleEvent('UserDataErased');
    expect(event.aggregateType).toBe('user');
    expect(event.aggregateId).toBe(erasureReceiptId(event.payload.userId, event.payload.service, event.payload.attempt));
  });
});
