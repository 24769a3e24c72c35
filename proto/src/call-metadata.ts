import { Metadata } from '@grpc/grpc-js';

/** The metadata keys every call may carry (docs/CONVENTIONS.md "Auth between the parts"). */
export const metadataKeys = {
  userId: 'x-user-id',
  correlationId: 'x-correlation-id',
  idempotencyKey: 'x-idempotency-key',
  /** The caller's roles, comma-separated (`premium` changes plan limits and who gets AI insights). */
  roles: 'x-user-roles',
  /** W3C trace context of the calling span (present when the caller traces). */
  traceparent: 'traceparent',
} as const;

/** Who is calling and in which flow; travels as metadata, never inside messages. */
export interface CallContext {
  userId?: string;
  correlationId?: string;
  idempotencyKey?: string;
  /** Comma-separated, as the gateway's caller header vouches for them. */
  roles?: string;
  traceparent?: string;
}

export function callMetadata(context: CallContext): Metadata {
  const metadata = new Metadata();
  for (const [name, key] of Object.entries(metadataKeys) as [keyof CallContext, string][]) {
    const value = context[name];
    if (value !== undefined && value !== '') metadata.set(key, value);
  }
  return metadata;
}

/** The server side: read the caller's context from a call's metadata (absent keys stay undefined). */
export function readCallContext(metadata: Metadata): CallContext {
  const context: CallContext = {};
  for (const [name, key] of Object.entries(metadataKeys) as [keyof CallContext, string][]) {
    const value = metadata.get(key)[0];
    if (typeof value === 'string' && value !== '') context[name] = value;
  }
  return context;
}
