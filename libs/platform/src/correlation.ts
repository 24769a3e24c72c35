import { randomUUID } from 'node:crypto';

/** The header (HTTP) and metadata key (gRPC) that carries a request's correlation id end to end. */
export const correlationHeader = 'x-correlation-id';

/** Accepts a caller's correlation id when it is sane, otherwise starts a new one. */
export function correlationIdFrom(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  return candidate && /^[A-Za-z0-9._:-]{1,128}$/.test(candidate) ? candidate : randomUUID();
}
