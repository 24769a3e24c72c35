import { Metadata } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { callMetadata, readCallContext } from './index.js';

describe('call metadata', () => {
  it('carries the caller, correlation id and idempotency key as x- keys', () => {
    const metadata = callMetadata({ userId: 'u-1', correlationId: 'c-1', idempotencyKey: 'k-1' });
    expect(metadata.getMap()).toEqual({ 'x-user-id': 'u-1', 'x-correlation-id': 'c-1', 'x-idempotency-key': 'k-1' });
    expect(readCallContext(metadata)).toEqual({ userId: 'u-1', correlationId: 'c-1', idempotencyKey: 'k-1' });
  });

  it('leaves out what is absent or empty', () => {
    expect(callMetadata({ userId: 'u-1', correlationId: '' }).getMap()).toEqual({ 'x-user-id': 'u-1' });
    expect(readCallContext(new Metadata())).toEqual({});
  });
});
