import { badInput, type DomainError } from './domain-error.js';

/**
 * Field checks shared by the aggregates. Each returns the normalized value, or why it is refused
 * (naming the field, so the client can point at it).
 */
export function requiredText(field: string, value: string, max: number): string | DomainError {
  const trimmed = value.trim();
  if (trimmed.length === 0) return badInput(field, `${field} must not be empty`);
  if (trimmed.length > max) return badInput(field, `${field} must be at most ${max} characters`);
  return trimmed;
}

/** Optional text: absent or blank becomes null. */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null | DomainError {
  if (value === undefined || value === null || value.trim().length === 0) return null;
  return requiredText(field, value, max);
}

