/**
 * Why a command was refused, as a value the caller can act on. Mapped once, at the edge, to a gRPC
 * status (and from there to GraphQL `extensions.code`).
 */
export type DomainError =
  | { readonly code: 'BAD_USER_INPUT'; readonly field: string; readonly message: string }
  | { readonly code: 'NOT_FOUND'; readonly message: string }
  | { readonly code: 'CONFLICT'; readonly currentVersion: number; readonly message: string }
  | { readonly code: 'FORBIDDEN'; readonly reason: 'PLAN_LIMIT' | 'NOT_OWNER'; readonly message: string };

export const badInput = (field: string, message: string): DomainError => ({ code: 'BAD_USER_INPUT', field, message });
export const notFound = (message: string): DomainError => ({ code: 'NOT_FOUND', message });
export const conflict = (currentVersion: number, message: string): DomainError => ({
  code: 'CONFLICT',
  currentVersion,
  message,
});
export const planLimit = (message: string): DomainError => ({ code: 'FORBIDDEN', reason: 'PLAN_LIMIT', message });

/** What `decide` answers: the new facts, or why there are none. */
export type Decision<E> = readonly E[] | DomainError;

/** Tells a refusal from a result: results (events, rows, messages) never carry a string `code`. */
export const isDomainError = (value: unknown): value is DomainError =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { code?: unknown }).code === 'string';
