import type { Caller } from '../../application/caller.js';
import { badInput, type DomainError } from '../../domain/shared/domain-error.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => uuidPattern.test(value);

/** An id field of a request; refused by name so the client can point at it. */
export function requiredId(field: string, value: string | undefined): string | DomainError {
  return value && isUuid(value) ? value.toLowerCase() : badInput(field, `${field} must be an id`);
}

/** proto3 decodes an unset int32 as 0, which is never a version (they start at 1). */
export function requiredVersion(value: number | undefined): number | DomainError {
  return value !== undefined && Number.isInteger(value) && value >= 1 ? value : badInput('expectedVersion', 'expectedVersion must be 1 or more');
}

export function optionalVersion(value: number | undefined): number | undefined | DomainError {
  return value === undefined ? undefined : requiredVersion(value);
}

/**
 * `cleared_fields` of a partial update: which nullable fields become null. Naming a field that cannot be
 * cleared, or setting and clearing the same field, is a client bug reported on that field.
 */
export function clearedFields<F extends string>(
  cleared: readonly string[],
  clearable: readonly F[],
  isSet: (field: F) => boolean,
): Set<F> | DomainError {
  for (const field of cleared) {
    if (!(clearable as readonly string[]).includes(field)) return badInput(field, `${field} cannot be cleared`);
    if (isSet(field as F)) return badInput(field, `${field} is both set and cleared`);
  }
  return new Set(cleared as F[]);
}

/** An optional field after `cleared_fields`: null when cleared, the value when set, undefined to keep. */
export function setOrCleared<T>(value: T | undefined, cleared: boolean): T | null | undefined {
  return cleared ? null : value;
}

/** An enum field decoded as its name; the zero value means "not given" and is no choice. */
export function enumChoice(field: string, value: string | undefined, unspecified: string): string | undefined | DomainError {
  if (value === undefined) return undefined;
  return value === unspecified ? badInput(field, `${field} must be one of the listed values`) : value;
}

/** The caller with the request's own idempotency key (API.md `idempotencyKey`), which wins over the metadata key. */
export function requestIdempotencyKey(caller: Caller, requestKey: string | undefined): Caller {
  const idempotencyKey = requestKey || caller.idempotencyKey;
  return { ...caller, ...(idempotencyKey ? { idempotencyKey } : {}) };
}
