import { isDomainError, type DomainError } from '../domain/shared/domain-error.js';

/** The result, or a failed test naming the refusal. */
export function written<T>(result: T | DomainError): T {
  if (isDomainError(result)) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result;
}
